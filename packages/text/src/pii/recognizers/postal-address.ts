import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * Postnummer followed by ort: "114 55 Stockholm", "SE-411 06 GÖTEBORG", "19460 Upplands Väsby",
 * and typed in lower case: "114 55 stockholm". Swedish postcodes never start with 0.
 * A capitalised ort may have two words; a lower-case one is one word, and after a postcode
 * without its space ("12000 kronor" is an amount) a lower-case ort needs an address word near.
 * The leading lookahead lets the regex skip positions before running the unicode lookbehind
 * (twice as fast on long texts, same matches).
 */
const POSTAL_SHAPE =
  /(?=[1-9S])(?<![\d\p{L}-])(SE-?\s?)?[1-9]\d{2}( ?)\d{2}(?![\d,.])[ \t]{1,3}(\p{Lu}\p{L}{1,30}(?:[ -]\p{Lu}\p{L}{1,30})?|\p{Ll}{2,30})(?![\p{L}\d])/gu;

/** Words that follow numbers but are not places (compared in lower case). */
const NOT_A_PLACE = new Set([
  'kr',
  'kronor',
  'sek',
  'st',
  'stycken',
  'personer',
  'procent',
  'euro',
  'eur',
  'usd',
  'ton',
  'kg',
  'km',
  'mil',
  'meter',
  'kvm',
  'kvadratmeter',
  'år',
  'dagar',
  'timmar',
  'minuter',
  'sekunder',
  'veckor',
  'månader',
  'invånare',
  'sidor',
  'gånger',
  'barn',
  'elever',
  'ansökningar',
  'ärenden',
  'och',
  'eller',
  'samt',
  'i',
  'på',
  'till',
  'av',
  'för',
  'med',
  'som',
  'att',
  'per',
  'om',
  'från',
  'mot',
  'vid',
  'under',
  'över',
  'enligt',
  'the',
  'and',
  'people',
  'per',
]);

const CONTEXT_WORDS = [
  'adress*',
  'postadress*',
  'postnummer*',
  'postnr',
  'bor',
  'boende',
  'ort',
  'postort',
  'folkbokf*',
  'hemadress*',
  'address*',
];

export const postalAddressRecognizer: SyncRecognizer = {
  id: 'se-postal-address',
  types: ['postal-address'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(POSTAL_SHAPE)) {
      const place = match[3] ?? '';
      const firstWord = place.split(/[ -]/)[0]?.toLowerCase() ?? '';
      if (NOT_A_PLACE.has(firstWord)) continue;
      const start = match.index;
      const end = start + match[0].length;
      const lowerCase = !/^\p{Lu}/u.test(place);
      const spaced = match[2] === ' ' || match[1] !== undefined;
      if (lowerCase && !spaced && !context.near(start, end)) continue;
      found.push({
        start,
        end,
        type: 'postal-address',
        valid: true,
        confidence: lowerCase ? CONFIDENCE.shape : CONFIDENCE.shape + 0.05,
      });
    }
    return found;
  },
};
