import { CONTEXT_WINDOW, CONTEXT_WINDOW_AFTER, ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

const MONTH_NAMES =
  'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|' +
  'january|february|march|may|june|july|august|october|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec';
const MONTH_NUMBER = new Map<string, number>([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['maj', 5],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['okt', 10],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

/**
 * Full dates, reported when a birth word is near (within the context window):
 * 1990-01-31 · 31/1 1990 · 31.1.1990 · 31/1-90 · 31 januari 1990 · 31 jan. -90 · 31:a mars 1990.
 */
const DATE_SHAPE = new RegExp(
  '(?<![\\p{L}\\d\\-])(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})[./](\\d{1,2})(?:[./ ]|\\s?-)(\\d{4}|\\d{2})|' +
    `(\\d{1,2})(?::[ae])? (${MONTH_NAMES})\\.? ?(\\d{4}|[-'’]\\d{2}))` +
    '(?![\\p{L}\\d])',
  'giu',
);

/**
 * Informal forms, taken only right after the birth word: "född -85", "f. 850303",
 * "född 19850303", "född 1985", "född i mars 1985", "född den 3 mars". Alone they are ordinary
 * numbers; after "född" they are somebody's birth date.
 */
const BIRTH_WORD = String.raw`(?:född|födda|föddes|födelsedatum|födelsedag|födelseår|f\.|born|date of birth|dob|d\.o\.b\.)`;
const FILLER = String.raw`(?:\s*:\s*|\s+)(?:(?:den|år|i|on|in|the)\s+){0,2}`;
const LOOSE_VALUE = String.raw`(\d{8}|\d{6}|\d{2}-\d{2}-\d{2}|(?:${MONTH_NAMES})\.? \d{4}|\d{1,2}(?::[ae])? (?:${MONTH_NAMES})(?![\p{L}])|[-'’]\d{2}|(?:18|19|20)\d{2})`;
const AFTER_BIRTH_WORD = new RegExp(
  `${BIRTH_WORD}${FILLER}${LOOSE_VALUE}(?![\\p{L}\\d]|[-/.:]\\d)`,
  'iuy',
);

/** Longer than any date DATE_SHAPE matches ("31 september 1990" is 17 characters). */
const LONGEST_DATE = 24;

const CONTEXT_WORDS = [
  'född',
  'födelsedatum',
  'födelsedag',
  'födelseår',
  'f.',
  'fdat',
  'born',
  'date of birth',
  'dob',
  'd.o.b.',
  'birth*',
];

/**
 * Dates of birth. An ordinary date is not personal data, so a date is reported only with a
 * birth word near it ("född 12 mars 1984", "födelsedatum: 1984-03-12"), and the informal forms
 * only straight after it.
 */
export const dateOfBirthRecognizer: SyncRecognizer = {
  id: 'date-of-birth',
  types: ['date-of-birth'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    // A date counts only near a birth word, so only the stretches around those words are
    // searched (most texts have none): from a date that ends just before the word to one that
    // starts within the window after it.
    let searchedTo = 0;
    for (const position of context.positions()) {
      DATE_SHAPE.lastIndex = Math.max(searchedTo, position - CONTEXT_WINDOW_AFTER - LONGEST_DATE);
      const stop = position + CONTEXT_WINDOW;
      for (let match = DATE_SHAPE.exec(text); match; match = DATE_SHAPE.exec(text)) {
        const start = match.index;
        if (start > stop) break;
        const end = start + match[0].length;
        searchedTo = end;
        if (!context.near(start, end)) continue;
        const [year, month, day] = dateParts(match);
        found.push(candidate(start, end, isRealDate(year, month, day)));
      }
    }
    // Informal forms are tried only where a birth word stands (from the one context scan).
    for (const position of context.positions()) {
      AFTER_BIRTH_WORD.lastIndex = position;
      const match = AFTER_BIRTH_WORD.exec(text);
      if (!match) continue;
      const value = match[1] ?? '';
      const end = position + match[0].length;
      found.push(candidate(end - value.length, end, looseValueValid(value)));
    }
    return found;
  },
};

function candidate(start: number, end: number, valid: boolean): PiiCandidate {
  // The registry adds the context boost; every reported date has context.
  return {
    start,
    end,
    type: 'date-of-birth',
    valid,
    confidence: valid ? CONFIDENCE.shape : CONFIDENCE.invalid,
  };
}

function fullYear(year: string): number {
  if (year.length === 4) return Number(year);
  const short = Number(year.replace(/\D/g, ''));
  const thisYear = new Date().getUTCFullYear() % 100;
  return short <= thisYear ? 2000 + short : 1900 + short;
}

function dateParts(match: RegExpMatchArray): [number, number, number] {
  if (match[1]) return [Number(match[1]), Number(match[2]), Number(match[3])];
  if (match[6]) return [fullYear(match[6]), Number(match[5]), Number(match[4])];
  const monthName = (match[8] ?? '').toLowerCase().slice(0, 3);
  return [fullYear(match[9] ?? ''), MONTH_NUMBER.get(monthName) ?? 0, Number(match[7])];
}

function looseValueValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (/^\d{8}$/.test(value))
    return isRealDate(fullYear(digits.slice(0, 4)), +digits.slice(4, 6), +digits.slice(6));
  if (/^\d{6}$/.test(value) || /^\d{2}-\d{2}-\d{2}$/.test(value))
    return isRealDate(fullYear(digits.slice(0, 2)), +digits.slice(2, 4), +digits.slice(4));
  if (/^\d{4}$/.test(value)) return isRealDate(Number(value), 1, 1);
  if (/^[-'’]\d{2}$/.test(value)) return true;
  const monthName = /\p{L}{3,}/u.exec(value)?.[0]?.toLowerCase().slice(0, 3) ?? '';
  const month = MONTH_NUMBER.get(monthName) ?? 0;
  const year = /\d{4}/.exec(value);
  if (year) return isRealDate(Number(year[0]), month, 1);
  return isRealDate(2000, month, Number(digits)); // "3 mars": a day of the year, any leap year
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1870 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getTime() <= Date.now()
  );
}
