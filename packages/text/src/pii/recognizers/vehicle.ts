import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * Swedish registration plates: three letters (no I, Q, V, Å, Ä, Ö) and three characters, the
 * last of which may be a letter since 2019: "ABC 123", "ABC12D", "ABC-123". Written in lower or
 * mixed case ("abc 123") a plate looks like a word and a number ("och 123"), so it then needs a
 * context word such as "bil" or "reg.nr" nearby.
 */
const PLATE_SHAPE =
  /(?<![\p{L}\d-])([A-HJ-PR-UW-Z]{3}|[A-HJ-PR-UW-Za-hj-pr-uw-z]{3})([ -]?)(\d{2}[A-HJ-PR-UW-Za-hj-pr-uw-z\d])(?![\p{L}\d]|-\d)/gu;
const UPPER_PLATE = /^[A-HJ-PR-UW-Z]{3}$/;

export function isPlateAlphabet(letters: string): boolean {
  return /^[A-HJ-PR-UW-Z]{3}$/.test(letters);
}

const CONTEXT_WORDS = [
  'reg',
  'regnr',
  'reg.nr',
  'reg. nr',
  'registreringsn*',
  'registreringsskylt',
  'bil',
  'bilnummer',
  'fordon',
  'plåt',
  'skylt',
  'car',
  'vehicle',
  'plate',
];

/** Three-letter codes that precede numbers in ordinary prose (currencies, law series, units). */
export const NOT_A_PLATE = new Set([
  'SEK',
  'EUR',
  'USD',
  'NOK',
  'DKK',
  'GBP',
  'CHF',
  'JPY',
  'SFS',
  'SOU',
  'KAP',
  'ISO',
  'AFS',
  'BBR',
  'LVU',
  'LSS',
  'SOL',
  'PBL',
  'MKR',
  'TKR',
  'CAP',
  'NUM',
  'MAX',
  'MIN',
  'TOT',
  'APP',
  'ART',
  'DIR',
]);

export const vehicleRecognizer: SyncRecognizer = {
  id: 'se-vehicle-registration',
  types: ['vehicle-registration'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(PLATE_SHAPE)) {
      const letters = match[1] ?? '';
      const start = match.index;
      const upper = UPPER_PLATE.test(letters) && !/[a-z]/.test(match[3] ?? '');
      if (upper ? NOT_A_PLATE.has(letters) : !context.near(start, start + match[0].length))
        continue;
      found.push({
        start,
        end: start + match[0].length,
        type: 'vehicle-registration',
        valid: true,
        confidence: CONFIDENCE.shape - 0.1,
      });
    }
    return found;
  },
};
