import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
];
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

/** 1990-01-31 · 31/1 1990 · 31.1.1990 · 31 januari 1990 (month names may be shortened: "31 jan. 1990"). */
const DATE_SHAPE = new RegExp(
  '(?<![\\p{L}\\d\\-])(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})[./](\\d{1,2})[./ ](\\d{4})|' +
    `(\\d{1,2}) (${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\\.? (\\d{4}))` +
    '(?![\\p{L}\\d])',
  'giu',
);

const CONTEXT_WORDS = [
  'född',
  'födelsedatum',
  'födelsedag',
  'födelsed',
  'f. ',
  'fdat',
  'born',
  'date of birth',
  'dob',
  'birth',
];

/**
 * Dates of birth. An ordinary date is not personal data, so a date is reported only with a
 * birth word before it ("född 12 mars 1984", "födelsedatum: 1984-03-12").
 */
export const dateOfBirthRecognizer: SyncRecognizer = {
  id: 'date-of-birth',
  types: ['date-of-birth'],
  contextWords: CONTEXT_WORDS,
  detect(text) {
    const context = new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(DATE_SHAPE)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!context.near(start, end)) continue;
      const [year, month, day] = dateParts(match);
      const valid = isRealDate(year, month, day);
      // Registry adds the context boost; every reported date has context.
      found.push({
        start,
        end,
        type: 'date-of-birth',
        valid,
        confidence: valid ? CONFIDENCE.shape : CONFIDENCE.invalid,
      });
    }
    return found;
  },
};

function dateParts(match: RegExpMatchArray): [number, number, number] {
  if (match[1]) return [Number(match[1]), Number(match[2]), Number(match[3])];
  if (match[6]) return [Number(match[6]), Number(match[5]), Number(match[4])];
  const monthName = (match[8] ?? '').toLowerCase().slice(0, 3);
  return [Number(match[9]), MONTH_NUMBER.get(monthName) ?? 0, Number(match[7])];
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1870 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getTime() <= Date.now()
  );
}
