import { type Dfa, intervalOf } from './dfa-types.js';
import { parsePattern, type RegexNode, UnsupportedPattern } from './parse.js';
import type { Ranges } from './ranges.js';

const MAX_NFA_STATES = 20_000;
const MAX_DFA_STATES = 2_000;

interface Nfa {
  readonly eps: number[][];
  readonly edges: { ranges: Ranges; to: number }[][];
}

/** Pattern → DFA, or a short reason why the pattern is outside the supported subset. */
export function compilePattern(source: string): Dfa | string {
  try {
    const nfa: Nfa = { eps: [], edges: [] };
    const frag = build(nfa, parsePattern(source));
    return determinize(nfa, frag.start, frag.end);
  } catch (error) {
    if (error instanceof UnsupportedPattern) return error.message;
    throw error;
  }
}

function newState(nfa: Nfa): number {
  if (nfa.eps.length >= MAX_NFA_STATES) throw new UnsupportedPattern('pattern too large');
  nfa.eps.push([]);
  nfa.edges.push([]);
  return nfa.eps.length - 1;
}

/** Thompson construction; bounded repeats are unrolled (hence the state cap). */
function build(nfa: Nfa, node: RegexNode): { start: number; end: number } {
  const start = newState(nfa);
  switch (node.kind) {
    case 'set': {
      const end = newState(nfa);
      nfa.edges[start]!.push({ ranges: node.ranges, to: end });
      return { start, end };
    }
    case 'seq': {
      let end = start;
      for (const item of node.items) {
        const f = build(nfa, item);
        nfa.eps[end]!.push(f.start);
        end = f.end;
      }
      return { start, end };
    }
    case 'alt': {
      const end = newState(nfa);
      for (const option of node.options) {
        const f = build(nfa, option);
        nfa.eps[start]!.push(f.start);
        nfa.eps[f.end]!.push(end);
      }
      return { start, end };
    }
    case 'rep': {
      let end = start;
      for (let k = 0; k < node.min; k++) {
        const f = build(nfa, node.node);
        nfa.eps[end]!.push(f.start);
        end = f.end;
      }
      if (node.max === Number.POSITIVE_INFINITY) {
        const f = build(nfa, node.node);
        const exit = newState(nfa);
        nfa.eps[end]!.push(f.start, exit);
        nfa.eps[f.end]!.push(f.start, exit);
        return { start, end: exit };
      }
      const exit = newState(nfa);
      for (let k = node.min; k < node.max; k++) {
        const f = build(nfa, node.node);
        nfa.eps[end]!.push(f.start, exit);
        end = f.end;
      }
      nfa.eps[end]!.push(exit);
      return { start, end: exit };
    }
  }
}

function closure(nfa: Nfa, seeds: Iterable<number>): number[] {
  const seen = new Set<number>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const t of nfa.eps[s]!) stack.push(t);
  }
  return [...seen].sort((a, b) => a - b);
}

/** Subset construction over the intervals cut by every range boundary in the NFA. */
function determinize(nfa: Nfa, start: number, accept: number): Dfa {
  const cuts = new Set<number>([0]);
  for (const edges of nfa.edges) {
    for (const { ranges } of edges) {
      for (let i = 0; i < ranges.length; i += 2) {
        cuts.add(ranges[i]!);
        cuts.add(ranges[i + 1]! + 1);
      }
    }
  }
  const bounds = Int32Array.from([...cuts].filter((c) => c <= 0x10ffff).sort((a, b) => a - b));
  const k = bounds.length;
  const shell: Dfa = {
    bounds,
    trans: new Int32Array(0),
    accepting: new Uint8Array(0),
    start: 0,
    states: 0,
  };
  // Per NFA state: for each interval, the targets.
  const moves = nfa.edges.map((edges) => {
    const byInterval = new Map<number, number[]>();
    for (const { ranges, to } of edges) {
      for (let i = 0; i < ranges.length; i += 2) {
        const last = intervalOf(shell, ranges[i + 1]!);
        for (let iv = intervalOf(shell, ranges[i]!); iv <= last; iv++) {
          const list = byInterval.get(iv);
          if (list) list.push(to);
          else byInterval.set(iv, [to]);
        }
      }
    }
    return byInterval;
  });
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const trans: number[] = [];
  const intern = (set: number[]): number => {
    const key = set.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      if (sets.length >= MAX_DFA_STATES) throw new UnsupportedPattern('pattern too complex');
      id = sets.length;
      ids.set(key, id);
      sets.push(set);
    }
    return id;
  };
  intern(closure(nfa, [start]));
  for (let d = 0; d < sets.length; d++) {
    const targets: number[][] = Array.from({ length: k }, () => []);
    for (const s of sets[d]!) for (const [iv, tos] of moves[s]!) targets[iv]!.push(...tos);
    for (let iv = 0; iv < k; iv++) {
      const tos = targets[iv]!;
      trans[d * k + iv] = tos.length === 0 ? -1 : intern(closure(nfa, tos));
    }
  }
  const accepting = Uint8Array.from(sets, (set) => (set.includes(accept) ? 1 : 0));
  return { bounds, trans: Int32Array.from(trans), accepting, start: 0, states: sets.length };
}

/** Product automaton: strings both accept (pattern together with a format). */
export function intersectDfa(a: Dfa, b: Dfa): Dfa | string {
  const bounds = Int32Array.from(new Set([...a.bounds, ...b.bounds])).sort();
  const k = bounds.length;
  const ia = Array.from(bounds, (c) => intervalOf(a, c));
  const ib = Array.from(bounds, (c) => intervalOf(b, c));
  const ids = new Map<number, number>();
  const pairs: [number, number][] = [];
  const trans: number[] = [];
  const intern = (x: number, y: number): number => {
    const key = x * b.states + y;
    let id = ids.get(key);
    if (id === undefined) {
      id = pairs.length;
      ids.set(key, id);
      pairs.push([x, y]);
    }
    return id;
  };
  intern(a.start, b.start);
  for (let d = 0; d < pairs.length; d++) {
    if (pairs.length > MAX_DFA_STATES) return 'pattern and format together are too complex';
    const [x, y] = pairs[d]!;
    for (let iv = 0; iv < k; iv++) {
      const tx = a.trans[x * a.bounds.length + ia[iv]!]!;
      const ty = b.trans[y * b.bounds.length + ib[iv]!]!;
      trans[d * k + iv] = tx < 0 || ty < 0 ? -1 : intern(tx, ty);
    }
  }
  const accepting = Uint8Array.from(pairs, ([x, y]) => a.accepting[x]! & b.accepting[y]!);
  return { bounds, trans: Int32Array.from(trans), accepting, start: 0, states: pairs.length };
}
