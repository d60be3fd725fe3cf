import type { Segment } from './types.js';

export interface ArrayRules {
  /** Item values as JSON text (an enum's values). */
  readonly items: readonly string[];
  readonly minItems: number;
  readonly maxItems: number;
  readonly unique: boolean;
  /** Allow one space after each comma. */
  readonly space: boolean;
}

/** Longest array we generate; keeps the count in a few bits. */
export const MAX_ITEMS = 63;

const START = 0;
const OPEN = 1; // after '['
const COMMA = 2; // after ','
const SPACE = 3; // after ', '
const ITEM = 4; // inside an item, at a trie node
const AFTER = 5; // an item just ended
const END = 6; // after ']'

/**
 * An array of enum values (a checkbox group or multi-select): `[` items `,` … `]`, with
 * minItems/maxItems and, for uniqueItems, no value twice (the chosen set is in the state).
 * Sub-state: ((chosen * 64 + count) * nodes + node) * 8 + phase.
 */
export class ArraySegment implements Segment {
  readonly start = START;
  private readonly children: Map<number, number>[] = [new Map()];
  /** Index of the item value that ends at a node, or -1. */
  private readonly value: number[] = [-1];
  /** Bit set of spellable item values at or below a node. */
  private readonly below: number[];
  private readonly all: number;
  private readonly punctuation: boolean;

  constructor(
    private readonly rules: ArrayRules,
    singles: ReadonlySet<number>,
    private readonly follow: number,
  ) {
    rules.items.forEach((text, index) => {
      let node = 0;
      for (const c of text) {
        const cp = c.codePointAt(0)!;
        let child = this.children[node]!.get(cp);
        if (child === undefined) {
          child = this.children.length;
          this.children.push(new Map());
          this.value.push(-1);
          this.children[node]!.set(cp, child);
        }
        node = child;
      }
      if (this.value[node] === -1) this.value[node] = index;
    });
    // Children have larger indices: one backward pass.
    this.below = new Array<number>(this.children.length).fill(0);
    for (let n = this.children.length - 1; n >= 0; n--) {
      let bits = this.value[n]! >= 0 ? 2 ** this.value[n]! : 0;
      for (const [cp, child] of this.children[n]!) if (singles.has(cp)) bits |= this.below[child]!;
      this.below[n] = bits;
    }
    this.all = this.below[0]!;
    this.punctuation = [0x5b, 0x5d, 0x2c].every((cp) => singles.has(cp));
  }

  /** The vocabulary can write `[`, `]`, `,` and at least minItems values (distinct if unique). */
  get satisfiable(): boolean {
    const { minItems, unique } = this.rules;
    if (!this.punctuation) return false;
    return minItems === 0 || (this.all !== 0 && (!unique || popcount(this.all) >= minItems));
  }

  /** Bits a sub-state needs beyond the phase: node, count, chosen set. */
  static bitsNeeded(nodes: number, values: number, unique: boolean): number {
    return 3 + Math.ceil(Math.log2(nodes + 1)) + 6 + (unique ? values : 0);
  }

  get nodes(): number {
    return this.children.length;
  }

  step(sub: number, ch: number): number {
    const phase = sub % 8;
    const rest = (sub - phase) / 8;
    const nodes = this.children.length;
    const node = rest % nodes;
    const rest2 = (rest - node) / nodes;
    const count = rest2 % 64;
    const chosen = (rest2 - count) / 64;
    const pack = (p: number, n: number, k: number, c: number) => ((c * 64 + k) * nodes + n) * 8 + p;
    switch (phase) {
      case START:
        return ch === 0x5b ? pack(OPEN, 0, 0, 0) : -1;
      case OPEN:
        if (ch === 0x5d) return this.rules.minItems === 0 ? pack(END, 0, 0, 0) : -1;
        return this.enter(ch, count, chosen, pack);
      case COMMA:
        if (ch === 0x20 && this.rules.space) return pack(SPACE, 0, count, chosen);
        return this.enter(ch, count, chosen, pack);
      case SPACE:
        return this.enter(ch, count, chosen, pack);
      case ITEM: {
        const child = this.children[node]!.get(ch);
        if (child !== undefined && (this.below[child]! & this.open(chosen)) !== 0) {
          return pack(ITEM, child, count, chosen);
        }
        const v = this.value[node]!;
        if (v < 0 || (this.rules.unique && (chosen & (2 ** v)) !== 0)) return -1;
        const next = this.rules.unique ? chosen | (2 ** v) : 0;
        return this.step(pack(AFTER, 0, count + 1, next), ch);
      }
      case AFTER:
        if (ch === 0x5d) return count >= this.rules.minItems ? pack(END, 0, count, chosen) : -1;
        if (ch === 0x2c && count < this.rules.maxItems && this.open(chosen) !== 0) {
          return pack(COMMA, 0, count, chosen);
        }
        return -1;
      default:
        return -1;
    }
  }

  next(sub: number): number {
    return sub % 8 === END ? this.follow : -1;
  }

  /** Values still allowed: unchosen ones if unique. */
  private open(chosen: number): number {
    return this.rules.unique ? this.all & ~chosen : this.all;
  }

  private enter(
    ch: number,
    count: number,
    chosen: number,
    pack: (p: number, n: number, k: number, c: number) => number,
  ): number {
    if (count >= this.rules.maxItems) return -1;
    const child = this.children[0]!.get(ch);
    if (child === undefined || (this.below[child]! & this.open(chosen)) === 0) return -1;
    return pack(ITEM, child, count, chosen);
  }
}

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}
