import { ANY, complement, DIGIT, DOT, normalize, type Ranges, SPACE, WORD } from './ranges.js';

/** The regex subset we compile, as a tree. */
export type RegexNode =
  | { readonly kind: 'set'; readonly ranges: Ranges }
  | { readonly kind: 'seq'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly options: readonly RegexNode[] }
  | { readonly kind: 'rep'; readonly node: RegexNode; readonly min: number; readonly max: number };

/** Thrown for syntax outside the subset; the message says what. */
export class UnsupportedPattern extends Error {}

const MAX_REPEAT = 1000;

/**
 * Parses an ECMAScript (u-flag) pattern. JSON-schema patterns are unanchored, so each top-level
 * alternative without `^` / `$` gets `[\s\S]*` on that side. Anchors elsewhere are unsupported.
 */
export function parsePattern(source: string): RegexNode {
  return new Parser(source).top();
}

class Parser {
  private readonly cps: number[];
  private i = 0;

  constructor(source: string) {
    this.cps = Array.from(source, (c) => c.codePointAt(0)!);
  }

  top(): RegexNode {
    const options: RegexNode[] = [];
    for (;;) {
      const anchoredStart = this.eat(0x5e); // ^
      const items = this.sequence(true);
      const anchoredEnd = this.eat(0x24); // $
      if (!anchoredStart) items.unshift(anyStar());
      if (!anchoredEnd) items.push(anyStar());
      options.push({ kind: 'seq', items });
      if (this.eat(0x7c)) continue; // |
      if (this.i < this.cps.length) throw new UnsupportedPattern(`unexpected '${this.char()}'`);
      return options.length === 1 ? options[0]! : { kind: 'alt', options };
    }
  }

  private alternation(): RegexNode {
    const options = [this.seqNode()];
    while (this.eat(0x7c)) options.push(this.seqNode());
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private seqNode(): RegexNode {
    return { kind: 'seq', items: this.sequence(false) };
  }

  /** Atoms with quantifiers, up to `|`, `)`, the end, or (at top level) a final `$`. */
  private sequence(top: boolean): RegexNode[] {
    const items: RegexNode[] = [];
    while (this.i < this.cps.length) {
      const c = this.peek();
      if (c === 0x7c || c === 0x29) break;
      if (c === 0x24 && top && (this.i + 1 === this.cps.length || this.cps[this.i + 1] === 0x7c)) {
        break;
      }
      items.push(this.quantified(this.atom()));
    }
    return items;
  }

  private quantified(node: RegexNode): RegexNode {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === 0x2a) [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === 0x2b) [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === 0x3f) [min, max] = [0, 1];
    else if (c === 0x7b) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(
        String.fromCodePoint(...this.cps.slice(this.i, this.i + 24)),
      );
      if (!m) throw new UnsupportedPattern("'{' that is not a quantifier");
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      if (max < min || min > MAX_REPEAT || (max > MAX_REPEAT && max !== Number.POSITIVE_INFINITY)) {
        throw new UnsupportedPattern(`quantifier ${m[0]}`);
      }
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    this.eat(0x3f); // lazy: same language
    if ('*+?{'.includes(String.fromCodePoint(this.peek())))
      throw new UnsupportedPattern('nested quantifier');
    return { kind: 'rep', node, min, max };
  }

  private atom(): RegexNode {
    const c = this.next();
    switch (c) {
      case 0x28: {
        // (
        if (this.eat(0x3f)) {
          if (this.eat(0x3a)) {
            /* (?: */
          } else if (
            this.peek() === 0x3c &&
            this.cps[this.i + 1] !== 0x3d &&
            this.cps[this.i + 1] !== 0x21
          ) {
            while (this.i < this.cps.length && this.next() !== 0x3e) {} // (?<name>
          } else throw new UnsupportedPattern('lookaround');
        }
        const inner = this.alternation();
        if (!this.eat(0x29)) throw new UnsupportedPattern("missing ')'");
        return inner;
      }
      case 0x5b:
        return { kind: 'set', ranges: this.charClass() };
      case 0x2e:
        return { kind: 'set', ranges: DOT };
      case 0x5c:
        return { kind: 'set', ranges: this.escape(false) };
      case 0x5e:
      case 0x24:
        throw new UnsupportedPattern('anchor inside the pattern');
      case 0x2a:
      case 0x2b:
      case 0x3f:
      case 0x7b:
      case 0x7d:
      case 0x5d:
      case 0x29:
        throw new UnsupportedPattern(`unexpected '${String.fromCodePoint(c)}'`);
      default:
        return { kind: 'set', ranges: [c, c] };
    }
  }

  private charClass(): Ranges {
    const negate = this.eat(0x5e);
    const pairs: number[] = [];
    while (this.peek() !== 0x5d) {
      if (this.i >= this.cps.length) throw new UnsupportedPattern("missing ']'");
      const lo = this.classAtom();
      if (this.peek() === 0x2d && this.cps[this.i + 1] !== 0x5d && this.i + 1 < this.cps.length) {
        this.i++;
        const hi = this.classAtom();
        if (
          lo.length !== 2 ||
          hi.length !== 2 ||
          lo[0] !== lo[1] ||
          hi[0] !== hi[1] ||
          hi[0]! < lo[0]!
        ) {
          throw new UnsupportedPattern('bad class range');
        }
        pairs.push(lo[0]!, hi[0]!);
      } else pairs.push(...lo);
      if (this.i >= this.cps.length) throw new UnsupportedPattern("missing ']'");
    }
    this.i++; // ]
    const set = normalize(pairs);
    return negate ? complement(set) : set;
  }

  private classAtom(): Ranges {
    const c = this.next();
    if (c !== 0x5c) return [c, c];
    return this.escape(true);
  }

  /** After a backslash. */
  private escape(inClass: boolean): Ranges {
    const c = this.next();
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 't':
        return [9, 9];
      case 'n':
        return [10, 10];
      case 'v':
        return [11, 11];
      case 'f':
        return [12, 12];
      case 'r':
        return [13, 13];
      case 'b':
        if (inClass) return [8, 8];
        throw new UnsupportedPattern('\\b');
      case '0':
        if (isDigit(this.peek())) throw new UnsupportedPattern('octal escape');
        return [0, 0];
      case 'x':
        return single(this.hex(2));
      case 'u':
        if (this.eat(0x7b)) {
          let v = 0;
          while (this.peek() !== 0x7d) v = v * 16 + hexValue(this.next());
          this.i++;
          return single(v);
        }
        return single(this.hex(4));
      default:
        if ('^$\\.*+?()[]{}|/-'.includes(ch)) return [c, c];
        throw new UnsupportedPattern(`escape \\${ch}`);
    }
  }

  private hex(n: number): number {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 16 + hexValue(this.next());
    return v;
  }

  private peek(): number {
    return this.cps[this.i] ?? -1;
  }

  private next(): number {
    const c = this.cps[this.i++];
    if (c === undefined) throw new UnsupportedPattern('unexpected end');
    return c;
  }

  private char(): string {
    return String.fromCodePoint(this.peek());
  }

  private eat(cp: number): boolean {
    if (this.peek() !== cp) return false;
    this.i++;
    return true;
  }
}

function anyStar(): RegexNode {
  return { kind: 'rep', node: { kind: 'set', ranges: ANY }, min: 0, max: Number.POSITIVE_INFINITY };
}

function single(v: number): Ranges {
  if (v > 0x10ffff) throw new UnsupportedPattern('code point out of range');
  return [v, v];
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hexValue(c: number): number {
  const v = Number.parseInt(String.fromCodePoint(c), 16);
  if (Number.isNaN(v)) throw new UnsupportedPattern('bad hex escape');
  return v;
}
