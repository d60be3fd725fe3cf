import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * Country, check digits, then groups of four (printed) or one run (electronic). Case is
 * ignored ("se45 5000 …" typed on a phone); a lower-case value must pass the check, since
 * lower-case words in groups of four ("ok12 kort från") would otherwise look alike.
 */
const IBAN_SHAPE =
  /(?<![\p{L}\d])(?:[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?|[a-z]{2}\d{2}(?: ?[a-z\d]{4}){2,7}(?: ?[a-z\d]{1,3})?)(?![\p{L}\d])/gu;
/** The last group of a candidate, to drop a word the shape swallowed ("… 7466 till"). */
const LAST_GROUP = / ?[A-Za-z\d]{1,4}$/;
const MIN_IBAN = 15;
const LOWER = /[a-z]/;
const CONTEXT_WORDS = ['iban', 'konto*', 'bank*', 'account*'];

function checks(value: string): boolean {
  return isValidIBAN(electronicFormatIBAN(value.toUpperCase()) ?? '');
}

/** IBAN of any country, validated by `ibantools` (country length and mod-97 check). */
export const ibanRecognizer: SyncRecognizer = {
  id: 'iban',
  types: ['iban'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(IBAN_SHAPE)) {
      const start = match.index;
      let value = match[0];
      let valid = checks(value);
      for (let shorter = value; !valid && shorter.length > MIN_IBAN; ) {
        shorter = shorter.replace(LAST_GROUP, '');
        if (checks(shorter)) {
          value = shorter;
          valid = true;
        }
      }
      const end = start + value.length;
      if (!valid && (LOWER.test(value) || !context.near(start, end))) continue;
      found.push({
        start,
        end,
        type: 'iban',
        valid,
        confidence: valid ? CONFIDENCE.strong + 0.05 : CONFIDENCE.invalid,
      });
    }
    return found;
  },
};
