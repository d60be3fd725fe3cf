import Personnummer from 'personnummer';
import { ContextFinder } from '../context.js';
import { luhnValid } from '../luhn.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * 10 or 12 digits, optional `-` or `+` (100 years or older) before the last four. A space there
 * ("900101 0017") is accepted but treated like no separator: it needs a valid number or context.
 * An interim number (interimsnummer, reservnummer in health care) has a letter in place of the
 * first digit of the last four: "19850101-T123".
 */
const PERSONNUMMER_SHAPE =
  /(?<![\d\p{L}+-])((?:1[89]|20)?\d{2})(\d{2})(\d{2})([-+ ]?)([\dTRSUWXJKLMNtrsuwxjklmn])(\d{3})(?![\d\p{L}])/gu;

export const PERSONNUMMER_CONTEXT_WORDS = [
  'personn*',
  'pnr',
  'p-nr',
  'pers.nr',
  'pers. nr',
  'samordningsn*',
  'interimsn*',
  'reservn*',
  'id-nummer',
  'födelsenummer',
  'personal identity',
  'personal id',
  'coordination number',
];

export interface IdNumberShape {
  readonly type: 'personnummer' | 'samordningsnummer';
  readonly valid: boolean;
  readonly interim: boolean;
}

/**
 * Reads a personnummer-shaped value: which kind it is and whether it checks out, or undefined
 * when its month and day cannot be a birth date at all. Samordningsnummer add 60 to the day;
 * when the birth month or day is unknown Skatteverket writes month 00 and day 60 (so "00",
 * "60" and "0060" occur), which is allowed here and validated by the Luhn digit alone.
 */
export function readIdNumber(
  value: string,
  month: string,
  day: string,
  serialFirst: string,
): IdNumberShape | undefined {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  const coordination = dayNumber >= 60 && dayNumber <= 91;
  if (monthNumber > 12) return undefined;
  if (!coordination && (monthNumber < 1 || dayNumber < 1 || dayNumber > 31)) return undefined;
  const interim = /\D/.test(serialFirst);
  const type = coordination ? 'samordningsnummer' : 'personnummer';
  const unknownDate = coordination && (monthNumber === 0 || dayNumber === 60);
  const valid = unknownDate
    ? !interim && luhnValid(value.replace(/\D/g, '').slice(-10))
    : isValidPersonnummer(value, interim);
  return { type, valid, interim };
}

/**
 * Personnummer, samordningsnummer and interim numbers. Validation (date and check digit) comes
 * from the `personnummer` package. With a separator the shape alone is reported, so a typo of a
 * real number is still found (valid: false, lower confidence). Bare digits need a valid number
 * or a context word, because order and case numbers often have ten or twelve digits.
 */
export const personnummerRecognizer: SyncRecognizer = {
  id: 'se-personnummer',
  types: ['personnummer', 'samordningsnummer'],
  contextWords: PERSONNUMMER_CONTEXT_WORDS,
  detect(text, detection) {
    const context =
      detection?.contextFor(PERSONNUMMER_CONTEXT_WORDS) ??
      new ContextFinder(text, PERSONNUMMER_CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(PERSONNUMMER_SHAPE)) {
      const [value, , month = '', day = '', separator, serialFirst = ''] = match;
      const start = match.index;
      const end = start + value.length;
      const hasSeparator = separator === '-' || separator === '+';
      const read = readIdNumber(
        separator === ' ' ? value.replace(' ', '-') : value,
        month,
        day,
        serialFirst,
      );
      if (!read) continue;
      // An interim number without its dash ("850101T123") is too rare to guess at.
      if (read.interim && !hasSeparator && !context.near(start, end)) continue;
      if (!read.valid && !hasSeparator && !context.near(start, end)) continue;
      found.push({
        start,
        end,
        type: read.type,
        valid: read.valid,
        confidence: read.valid
          ? hasSeparator || value.length === 12
            ? CONFIDENCE.strong
            : CONFIDENCE.checked
          : CONFIDENCE.invalid,
      });
    }
    return found;
  },
};

function isValidPersonnummer(value: string, interim: boolean): boolean {
  // The check digit fails for most personnummer-shaped numbers in running text (order and
  // case numbers); the library reports those by throwing, and building the error was a visible
  // share of detection time. Luhn over the last ten digits is the same test, done first.
  if (!interim && !luhnValid(value.replace(/\D/g, '').slice(-10))) return false;
  try {
    return Personnummer.valid(value.toUpperCase(), {
      allowCoordinationNumber: true,
      allowInterimNumber: interim,
    });
  } catch {
    return false;
  }
}

/** True when bare digits read as a valid personnummer (used to keep them from phone numbers). */
export function isValidBarePersonnummer(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const read = readIdNumber(digits, digits.slice(2, 4), digits.slice(4, 6), digits[6]!);
  return read?.valid === true;
}
