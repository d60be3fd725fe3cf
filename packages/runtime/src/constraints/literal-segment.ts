import type { Segment } from './types.js';

/** One way through a literal segment: its exact text and the segment it hands over to. */
export interface Alternative {
  readonly text: string;
  readonly target: number;
}

/**
 * A finite set of literal strings (object keys with their punctuation, enum values, true/false,
 * null), as a trie whose node index is the sub-state. Nodes that can't reach an end using
 * single-character tokens are pruned so that every reachable state stays completable.
 */
export class LiteralSegment implements Segment {
  readonly start = 0;
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly target: number[] = [-1];
  private readonly live: boolean[];

  constructor(alternatives: readonly Alternative[], singles: ReadonlySet<number>) {
    for (const alt of alternatives) {
      let node = 0;
      for (const c of alt.text) {
        const cp = c.codePointAt(0)!;
        let child = this.children[node]!.get(cp);
        if (child === undefined) {
          child = this.children.length;
          this.children.push(new Map());
          this.target.push(-1);
          this.children[node]!.set(cp, child);
        }
        node = child;
      }
      if (this.target[node] === -1) this.target[node] = alt.target;
    }
    // Children always have larger indices, so one backward pass settles liveness.
    this.live = new Array<boolean>(this.children.length).fill(false);
    for (let n = this.children.length - 1; n >= 0; n--) {
      let ok = this.target[n] !== -1;
      for (const [cp, child] of this.children[n]!)
        if (singles.has(cp) && this.live[child]) ok = true;
      this.live[n] = ok;
    }
  }

  /** False when the vocabulary can't spell any of the alternatives. */
  get satisfiable(): boolean {
    return this.live[0]!;
  }

  step(sub: number, ch: number): number {
    const child = this.children[sub]!.get(ch);
    return child !== undefined && this.live[child] ? child : -1;
  }

  next(sub: number): number {
    return this.target[sub]!;
  }
}
