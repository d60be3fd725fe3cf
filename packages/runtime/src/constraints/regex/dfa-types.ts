/**
 * A deterministic automaton over code points. The alphabet is cut into intervals:
 * interval i is [bounds[i], bounds[i + 1]) (the last one runs to 0x10FFFF).
 */
export interface Dfa {
  readonly bounds: Int32Array;
  /** trans[state * bounds.length + interval] → next state, or -1. */
  readonly trans: Int32Array;
  readonly accepting: Uint8Array;
  readonly start: number;
  readonly states: number;
}

export const MAX_CODE_POINT = 0x10ffff;

/** Interval index of a code point (binary search; alphabets are small). */
export function intervalOf(dfa: Dfa, cp: number): number {
  const b = dfa.bounds;
  let lo = 0;
  let hi = b.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function dfaStep(dfa: Dfa, state: number, cp: number): number {
  return dfa.trans[state * dfa.bounds.length + intervalOf(dfa, cp)]!;
}

/** Accepts every string: what a string without pattern or format uses. */
export const ANY_DFA: Dfa = {
  bounds: Int32Array.of(0),
  trans: Int32Array.of(0),
  accepting: Uint8Array.of(1),
  start: 0,
  states: 1,
};
