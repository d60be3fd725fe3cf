import { isRawStringChar } from './plain-tokens.js';
import { type Dfa, dfaStep, intervalOf } from './regex/dfa-types.js';
import type { Segment } from './types.js';
import type { VocabTrie } from './vocab-trie.js';

/** Continues the generic walk at `child` from this segment's sub-state `sub` (quotes, escapes). */
export type WalkFallback = (trie: VocabTrie, child: number, sub: number) => void;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Escapes we let the model write, mapped to the character they stand for. No \b, \f, \uXXXX. */
const ESCAPES = new Map<number, number>([
  [0x22, 0x22],
  [0x5c, 0x5c],
  [0x2f, 0x2f],
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
]);

export interface StringRules {
  readonly dfa: Dfa;
  readonly minLength: number;
  readonly maxLength: number;
}

/**
 * A JSON string whose decoded value is matched by a DFA and has a bounded length.
 * Sub-state: 0 before the opening quote, 1 after the closing quote, otherwise
 * 2 + ((dfaState * (maxLength + 1) + length) * 2 + inEscape).
 */
export class StringSegment implements Segment {
  readonly start = 0;
  private readonly dfa: Dfa;
  private readonly min: number;
  private readonly max: number;
  private readonly span: number;
  /** live[state * span + len]: some accepted length in [min, max] is reachable from here. */
  private readonly live: Uint8Array;
  private readonly escapeOk: boolean;
  /** Decoded characters of the escapes whose letter is a token alone (what completion may use). */
  private readonly escapable: readonly number[];
  /** Interval of each ASCII code point, so the hot loop skips the binary search. */
  private readonly ascii: Int32Array;

  constructor(
    rules: StringRules,
    singles: ReadonlySet<number>,
    private readonly follow: number,
  ) {
    this.dfa = rules.dfa;
    this.min = rules.minLength;
    this.max = rules.maxLength;
    this.span = this.max + 1;
    this.escapeOk = singles.has(BACKSLASH);
    this.escapable = [...ESCAPES].filter(([letter]) => singles.has(letter)).map(([, d]) => d);
    this.live = computeLiveness(rules, availableIntervals(rules.dfa, singles, this.escapeOk));
    if (!singles.has(QUOTE)) this.live.fill(0);
    this.ascii = Int32Array.from({ length: 128 }, (_, cp) => intervalOf(this.dfa, cp));
  }

  /**
   * No pattern or format: any raw character is fine, so at `sub` every plain token of at most
   * `room(sub)` characters is allowed without walking (see plain-tokens.ts).
   */
  get free(): boolean {
    const { states, trans, accepting } = this.dfa;
    return states === 1 && accepting[0] === 1 && trans.every((t) => t === 0);
  }

  /** Characters still allowed at an inside sub-state. */
  room(sub: number): number {
    return this.max - (((sub - 2) / 2) % this.span);
  }

  /** Inside the quotes and not in an escape: where `walkInside` applies. */
  isPlain(sub: number): boolean {
    return sub >= 2 && (sub & 1) === 0;
  }

  /**
   * The trie walk's hot loop for string contents (most of a 150k vocabulary is allowed here):
   * a linear scan of the preorder trie below `node` that skips rejected subtrees, stepping the
   * DFA with plain integers. Quotes and backslashes go to `fallback` (the generic walk).
   */
  walkInside(
    trie: VocabTrie,
    node: number,
    sub: number,
    mask: Uint8Array,
    fallback: WalkFallback,
  ): void {
    const { char, end, depth, tokStart, ids } = trie;
    const { trans, bounds } = this.dfa;
    const { live, ascii, span, max } = this;
    const k = bounds.length;
    const pos = (sub - 2) / 2;
    const len0 = pos % span;
    // qs[d]: DFA state after the first d characters below `node`.
    const qs = new Int32Array(trie.maxDepth + 1);
    qs[0] = (pos - len0) / span;
    const base = depth[node]!;
    const stop = end[node]!;
    for (let i = node + 1; i < stop; ) {
      const d = depth[i]! - base;
      const q = qs[d - 1]!;
      const len = len0 + d - 1;
      const ch = char[i]!;
      if (ch === QUOTE || ch === BACKSLASH) {
        fallback(trie, i, 2 + (q * span + len) * 2);
        i = end[i]!;
        continue;
      }
      if (len >= max || !isRawStringChar(ch)) {
        i = end[i]!;
        continue;
      }
      const to = trans[q * k + (ch < 128 ? ascii[ch]! : intervalOf(this.dfa, ch))]!;
      if (to < 0 || live[to * span + len + 1] !== 1) {
        i = end[i]!;
        continue;
      }
      for (let t = tokStart[i]!, last = tokStart[i + 1]!; t < last; t++) mask[ids[t]!] = 1;
      qs[d] = to;
      i++;
    }
  }

  get satisfiable(): boolean {
    return this.live[this.dfa.start * this.span] === 1;
  }

  step(sub: number, ch: number): number {
    if (sub === 0)
      return ch === QUOTE && this.satisfiable ? 2 + this.dfa.start * this.span * 2 : -1;
    if (sub === 1) return -1;
    const packed = sub - 2;
    const esc = packed & 1;
    const pos = (packed - esc) / 2;
    const len = pos % this.span;
    const state = (pos - len) / this.span;
    if (esc === 1) {
      const decoded = ESCAPES.get(ch);
      return decoded === undefined ? -1 : this.advance(state, len, decoded);
    }
    if (ch === QUOTE) return this.dfa.accepting[state] === 1 && len >= this.min ? 1 : -1;
    if (ch === BACKSLASH) {
      if (!this.escapeOk) return -1;
      for (const decoded of this.escapable) {
        if (this.advance(state, len, decoded) >= 0) return sub + 1;
      }
      return -1;
    }
    if (!isRawStringChar(ch)) return -1;
    return this.advance(state, len, ch);
  }

  next(sub: number): number {
    return sub === 1 ? this.follow : -1;
  }

  private advance(state: number, len: number, cp: number): number {
    if (len >= this.max) return -1;
    const to = dfaStep(this.dfa, state, cp);
    if (to < 0) return -1;
    const at = to * this.span + len + 1;
    return this.live[at] === 1 ? 2 + at * 2 : -1;
  }
}

/** Which DFA intervals contain a character the vocabulary can produce alone (raw or escaped). */
function availableIntervals(dfa: Dfa, singles: ReadonlySet<number>, escapes: boolean): Uint8Array {
  const out = new Uint8Array(dfa.bounds.length);
  for (const cp of singles) {
    if (isRawStringChar(cp) && cp !== QUOTE && cp !== BACKSLASH) {
      out[intervalOf(dfa, cp)] = 1;
    }
  }
  if (escapes) {
    for (const [letter, decoded] of ESCAPES)
      if (singles.has(letter)) out[intervalOf(dfa, decoded)] = 1;
  }
  return out;
}

function computeLiveness(rules: StringRules, avail: Uint8Array): Uint8Array {
  const { dfa, minLength: min, maxLength: max } = rules;
  const n = dfa.states;
  const k = dfa.bounds.length;
  const span = max + 1;
  // exact[steps][state]: an accepting state is reachable in exactly `steps` characters.
  const exact: Uint8Array[] = [Uint8Array.from(dfa.accepting)];
  for (let s = 1; s <= max; s++) {
    const prev = exact[s - 1]!;
    const cur = new Uint8Array(n);
    for (let q = 0; q < n; q++) {
      for (let i = 0; i < k; i++) {
        const to = dfa.trans[q * k + i]!;
        if (to >= 0 && avail[i] === 1 && prev[to] === 1) {
          cur[q] = 1;
          break;
        }
      }
    }
    exact.push(cur);
  }
  const live = new Uint8Array(n * span);
  for (let q = 0; q < n; q++) {
    // nextOk[s]: smallest s' >= s with exact[s'][q], or Infinity.
    let nextOk = Number.POSITIVE_INFINITY;
    const nexts = new Array<number>(span + 1).fill(Number.POSITIVE_INFINITY);
    for (let s = max; s >= 0; s--) {
      if (exact[s]![q] === 1) nextOk = s;
      nexts[s] = nextOk;
    }
    for (let len = 0; len <= max; len++) {
      const lo = Math.max(0, min - len);
      if (nexts[lo]! <= max - len) live[q * span + len] = 1;
    }
  }
  return live;
}
