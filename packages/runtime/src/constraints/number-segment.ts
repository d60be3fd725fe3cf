import type { Segment } from './types.js';

/** Largest magnitude of an integer part we generate: keeps the value inside the state. */
export const MAX_MAGNITUDE = 999_999_999;
/** Most digits after the decimal point of a `number`. */
export const MAX_FRACTION_DIGITS = 6;

export interface NumberRules {
  readonly integer: boolean;
  /** Inclusive bounds, already clamped to ±MAX_MAGNITUDE. For integers they are whole numbers. */
  readonly min: number;
  readonly max: number;
}

const START = 0;
const MINUS = 1;
const INT = 2;
const DOT = 3;
const FRAC = 4;
const MINUS_CP = 0x2d;
const DOT_CP = 0x2e;
const ZERO = 0x30;

/**
 * A JSON number without exponent: -?(0|[1-9]\d*)(\.\d{1,6})?, inside [min, max].
 * A fraction is only offered when every value it could spell is inside the bounds, and a digit
 * only when some integer (or such fraction) with that prefix is — so no state is a dead end.
 * Sub-state: ((magnitude * 16 + digitCount) * 2 + negative) * 8 + phase.
 */
export class NumberSegment implements Segment {
  readonly start = START;

  constructor(
    private readonly rules: NumberRules,
    private readonly follow: number,
  ) {}

  get satisfiable(): boolean {
    return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].some(
      (d) =>
        this.step(START, ZERO + d) >= 0 || this.step(this.step(START, MINUS_CP), ZERO + d) >= 0,
    );
  }

  step(sub: number, ch: number): number {
    if (sub < 0) return -1;
    const phase = sub & 7;
    const neg = (sub >> 3) & 1;
    const rest = (sub - (sub & 15)) / 16;
    const count = rest & 15;
    const mag = (rest - count) / 16;
    const digit = ch - ZERO;
    const isDigit = digit >= 0 && digit <= 9;
    switch (phase) {
      case START:
        if (ch === MINUS_CP) return this.minusOk() ? MINUS : -1;
        return isDigit ? this.intDigit(0, 0, 0, digit) : -1;
      case MINUS:
        return isDigit ? this.intDigit(1, 0, 0, digit) : -1;
      case INT:
        if (ch === DOT_CP) return this.fracOk(neg, mag) ? pack(mag, 0, neg, DOT) : -1;
        if (!isDigit || (mag === 0 && count === 1)) return -1; // no leading zeros
        return this.intDigit(neg, mag, count, digit);
      case DOT:
        return isDigit ? pack(mag, 1, neg, FRAC) : -1;
      case FRAC:
        return isDigit && count < MAX_FRACTION_DIGITS ? pack(mag, count + 1, neg, FRAC) : -1;
      default:
        return -1;
    }
  }

  next(sub: number): number {
    const phase = sub & 7;
    if (phase === FRAC) return this.follow;
    if (phase !== INT) return -1;
    const neg = (sub >> 3) & 1;
    const mag = Math.floor(sub / 256);
    return this.intOk(neg, mag) ? this.follow : -1;
  }

  private intDigit(neg: number, mag: number, count: number, digit: number): number {
    const m = mag * 10 + digit;
    if (m > MAX_MAGNITUDE || !this.prefixLive(neg, m, count + 1)) return -1;
    return pack(m, count + 1, neg, INT);
  }

  private minusOk(): boolean {
    return this.rules.min <= -1 || this.fracOk(1, 0);
  }

  /** The integer itself is a valid value ("-0" never is: we don't write it). */
  private intOk(neg: number, mag: number): boolean {
    if (neg === 1 && mag === 0) return false;
    const v = neg === 1 ? -mag : mag;
    return v >= this.rules.min && v <= this.rules.max;
  }

  /** Every value with this integer part and a fraction lies within the bounds. */
  private fracOk(neg: number, mag: number): boolean {
    if (this.rules.integer) return false;
    const { min, max } = this.rules;
    return neg === 1 ? min <= -(mag + 1) && -mag <= max : min <= mag && mag + 1 <= max;
  }

  /** Some valid integer or fraction starts with these digits. */
  private prefixLive(neg: number, mag: number, count: number): boolean {
    if (mag === 0 && count === 1) return this.intOk(neg, 0) || this.fracOk(neg, 0);
    // Magnitudes allowed for this sign: [lo, hi] (fraction magnitudes are a subset of these).
    const { min, max } = this.rules;
    const lo = neg === 1 ? Math.max(1, Math.ceil(-max)) : Math.max(0, Math.ceil(min));
    const hi = neg === 1 ? Math.floor(-min) : Math.floor(max);
    for (let scale = 1; mag * scale <= hi; scale *= 10) {
      if (mag * scale + scale - 1 >= lo) return true;
    }
    return false;
  }
}

function pack(mag: number, count: number, neg: number, phase: number): number {
  return ((mag * 16 + count) * 2 + neg) * 8 + phase;
}
