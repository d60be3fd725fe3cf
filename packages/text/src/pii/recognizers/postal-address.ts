import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * Postnummer followed by ort: "114 55 Stockholm", "SE-411 06 GÖTEBORG", "19460 Upplands Väsby".
 * Swedish postcodes never start with 0. The ort must be capitalised, which keeps "123 45 kr" out.
 */
const POSTAL_SHAPE =
  /(?<![\d\p{L}-])(?:SE-?\s?)?[1-9]\d{2}[ \u00a0]?\d{2}(?![\d,.])[ \u00a0\t]{1,3}(\p{Lu}[\p{L}]{1,30}(?:[ -]\p{Lu}[\p{L}]{1,30})?)(?![\p{L}\d])/gu;

/** Capitalised words that follow numbers but are not places. */
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
  'år',
  'dagar',
  'timmar',
]);

export const postalAddressRecognizer: SyncRecognizer = {
  id: 'se-postal-address',
  types: ['postal-address'],
  contextWords: [
    'adress',
    'postadress',
    'postnummer',
    'postnr',
    'bor ',
    'boende',
    'ort',
    'folkbokf',
  ],
  detect(text) {
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(POSTAL_SHAPE)) {
      const place = match[1] ?? '';
      const firstWord = place.split(/[ -]/)[0]?.toLowerCase() ?? '';
      if (NOT_A_PLACE.has(firstWord)) continue;
      found.push({
        start: match.index,
        end: match.index + match[0].length,
        type: 'postal-address',
        valid: true,
        confidence: CONFIDENCE.shape + 0.05,
      });
    }
    return found;
  },
};
