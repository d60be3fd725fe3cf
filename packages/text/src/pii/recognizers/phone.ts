import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';
import { isValidBarePersonnummer } from './personnummer.js';

/**
 * A run of digits, spaces, dashes and brackets that starts with 0, 00 or +. Bounded, so each
 * start position costs at most ~24 steps: linear overall.
 */
const PHONE_SHAPE = /(?<![\d\p{L}+\-/])(?:\+\d|0)[\d \-()]{5,20}\d(?![\d\p{L}])/gu;
const DATE_LIKE = /^(?:\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{2}-\d{2})$/;
const GROUP_BOUNDARY = /[ -]+\(?\d+\)?$/;

/** Whole words with their inflections: "ring" counts in "ringer", "ringde", not in "Ringvägen". */
const CONTEXT_WORDS = [
  'tel',
  'tel.nr',
  'telnr',
  'tfn',
  'telefon',
  'telefonnummer',
  'telefonnr',
  'mobil',
  'mobilnummer',
  'mobilnr',
  'mob',
  'ring',
  'nå mig',
  'nås',
  'sms',
  'smsa',
  'phone',
  'call',
  'nummer',
  'växel',
  'kontakta',
];

/**
 * Phone numbers in Swedish national form (070-123 45 67, 08-123 456 78, 031-12 34 56) and
 * international form (+46 70 123 45 67, 0046 …, +46 (0)8 …), validated with libphonenumber-js.
 * A candidate that swallowed a following number ("070-123 45 67 2024") is shortened group by
 * group until it validates.
 */
export const phoneRecognizer: SyncRecognizer = {
  id: 'phone',
  types: ['phone'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(PHONE_SHAPE)) {
      let start = match.index;
      let candidate = match[0];
      // "(08) 123 45 67": take the opening bracket along so masking leaves no stray "(".
      if (text[start - 1] === '(' && candidate.startsWith('0') && /^\d{2,4}\)/.test(candidate)) {
        start--;
        candidate = `(${candidate}`;
      }
      while (candidate.replace(/\D/g, '').length >= 7) {
        // Someone born 2000–2009 has a personnummer starting with 0: ten bare digits that
        // check out as one are a phone number only when a phone word says so. Asked before
        // libphonenumber (the costlier check): bare digits cannot be shortened, so the answer
        // is the same whether or not they would parse as a phone number.
        const personnummer = isValidBarePersonnummer(candidate);
        if (personnummer && !context.near(start, start + candidate.length)) break;
        if (isPhoneNumber(candidate)) {
          const end = start + candidate.length;
          const international = candidate.startsWith('+') || candidate.startsWith('00');
          found.push({
            start,
            end,
            type: 'phone',
            valid: true,
            confidence: international
              ? CONFIDENCE.strong - 0.05
              : personnummer
                ? CONFIDENCE.checked
                : CONFIDENCE.checked - 0.05,
          });
          break;
        }
        const shorter = candidate.replace(GROUP_BOUNDARY, '');
        if (shorter === candidate) break;
        candidate = shorter;
      }
    }
    return found;
  },
};

function isPhoneNumber(candidate: string): boolean {
  if (DATE_LIKE.test(candidate)) return false;
  if (candidate.startsWith('(')) return isPhoneNumber(candidate.slice(1).replace(')', ''));
  const national = candidate.startsWith('0') && !candidate.startsWith('00');
  if (national) {
    // A two-digit area code is only ever 08 (Stockholm); "01-05-2024" is a date, not 010-…
    const firstGroup = /^\d+/.exec(candidate)?.[0] ?? '';
    if (firstGroup.length === 2 && firstGroup !== '08' && candidate.length > 2) return false;
    if (firstGroup.length === 1) return false;
  }
  const parsed = parsePhoneNumberFromString(
    candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate,
    'SE',
  );
  return parsed?.isValid() === true;
}
