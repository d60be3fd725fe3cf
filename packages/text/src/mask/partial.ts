import type { PiiType } from '../pii/types.js';

const MASK = '*';
const ALNUM = /[\p{L}\p{N}]/u;

/** Which letters/digits stay visible, by their index among the letters/digits of the value. */
type KeepRule = (index: number, total: number, value: string) => boolean;

const keepAllButLast =
  (hidden: number): KeepRule =>
  (index, total) =>
    index < total - hidden;
const keepEnds =
  (first: number, last: number): KeepRule =>
  (index, total) =>
    index < first || index >= total - last;

/**
 * Partial masking keeps the part people need to recognise a value and hides the part that
 * identifies someone: the birth date of a personnummer stays ("19900101-****"), the last digits
 * of a phone number and the domain of an e-mail address stay. Separators and spaces are kept.
 */
export function partialMask(type: PiiType, value: string): string {
  switch (type) {
    case 'personnummer':
    case 'samordningsnummer':
    case 'organisationsnummer':
      return maskAlnum(value, keepAllButLast(4));
    case 'phone':
      return maskAlnum(value, keepEnds(value.startsWith('+') || value.startsWith('00') ? 4 : 3, 2));
    case 'email':
      return maskEmail(value);
    case 'iban':
      return maskAlnum(value, keepEnds(4, 4));
    case 'bank-account':
    case 'bankgiro':
    case 'plusgiro':
      return maskAlnum(value, keepEnds(0, 2));
    case 'date-of-birth':
      return maskKeepingYear(value);
    case 'street-address':
      return value.replace(/\d+(?: ?[A-Z](?![\p{L}]))?/gu, (m) =>
        m.replace(/[\p{L}\p{N}]/gu, MASK),
      );
    case 'postal-address':
      return value.replace(/\d/g, MASK);
    default:
      return maskWordsKeepingInitials(value);
  }
}

function maskAlnum(value: string, keep: KeepRule): string {
  const total = [...value].filter((char) => ALNUM.test(char)).length;
  let index = 0;
  let out = '';
  for (const char of value) {
    if (!ALNUM.test(char)) {
      out += char;
      continue;
    }
    out += keep(index, total, value) ? char : MASK;
    index++;
  }
  // Never return the value unchanged: a short value is fully hidden instead.
  return out === value ? value.replace(/[\p{L}\p{N}]/gu, MASK) : out;
}

function maskEmail(value: string): string {
  const at = value.indexOf('@');
  const local = value.slice(0, at);
  return `${local.slice(0, 1)}${MASK.repeat(Math.max(3, local.length - 1))}${value.slice(at)}`;
}

function maskKeepingYear(value: string): string {
  const year = /\d{4}/.exec(value);
  if (!year) return maskAlnum(value, () => false);
  const before = value.slice(0, year.index).replace(/[\p{L}\p{N}]/gu, MASK);
  const after = value.slice(year.index + 4).replace(/[\p{L}\p{N}]/gu, MASK);
  return before + year[0] + after;
}

function maskWordsKeepingInitials(value: string): string {
  return maskAlnum(value, (index, _total, source) => index === 0 && source.length > 1);
}
