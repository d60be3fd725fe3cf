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
  /(?<![\p{L}\d])[A-Za-z]{2}\d{2}(?: ?[A-Za-z\d]{4}){2,7}(?: ?[A-Za-z\d]{1,3})?(?![\p{L}\d])/gu;
const LOWER = /[a-z]/;
const CONTEXT_WORDS = ['iban', 'konto*', 'bank*', 'account*'];

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
      const end = start + match[0].length;
      const electronic = electronicFormatIBAN(match[0].toUpperCase()) ?? '';
      const valid = isValidIBAN(electronic);
      if (!valid && (LOWER.test(match[0]) || !context.near(start, end))) continue;
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
