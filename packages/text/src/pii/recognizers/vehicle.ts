import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * Swedish registration plates: three letters (no I, Q, V, Å, Ä, Ö) and three characters, the
 * last of which may be a letter since 2019: "ABC 123", "ABC12D". Upper case only.
 */
const PLATE_SHAPE = /(?<![\p{L}\d-])([A-HJ-PR-UW-Z]{3}) ?(\d{2}[A-HJ-PR-UW-Z\d])(?![\p{L}\d])/gu;

/** Three-letter codes that precede numbers in ordinary prose (currencies, law series, units). */
const NOT_A_PLATE = new Set([
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
  contextWords: [
    'reg',
    'regnr',
    'reg.nr',
    'registreringsn',
    'bil',
    'fordon',
    'plåt',
    'skylt',
    'körkort',
  ],
  detect(text) {
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(PLATE_SHAPE)) {
      if (NOT_A_PLATE.has(match[1] ?? '')) continue;
      const start = match.index;
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
