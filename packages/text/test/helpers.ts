import { luhnCheckDigit } from '../src/pii/luhn.js';

/** A personnummer with a correct check digit, e.g. personnummer('900101', '001') → '9001010017'. */
export function withCheckDigit(datePart: string, serial: string): string {
  return datePart + serial + luhnCheckDigit(datePart.slice(-6) + serial);
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(datePart: string, serial: string): string {
  const right = Number(luhnCheckDigit(datePart.slice(-6) + serial));
  return datePart + serial + String((right + 1) % 10);
}

export function insertDash(tenOrTwelve: string): string {
  return `${tenOrTwelve.slice(0, -4)}-${tenOrTwelve.slice(-4)}`;
}

export function typesOf(spans: ReadonlyArray<{ type: string }>): string[] {
  return spans.map((span) => span.type);
}
