import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/** Endings of Swedish street names. "plan" is left out: "Färdplan 2030" is not an address. */
const STREET_ENDINGS = [
  'gatan',
  'gata',
  'vägen',
  'väg',
  'gränd',
  'gränden',
  'stigen',
  'stig',
  'allén',
  'allé',
  'backen',
  'backe',
  'torget',
  'torg',
  'platsen',
  'plats',
  'leden',
  'stråket',
  'kajen',
  'kaj',
  'promenaden',
  'slingan',
  'gången',
  'bryggan',
  'liden',
  'höjden',
  'ringen',
  'esplanaden',
  'terrassen',
  'udden',
];
const STANDALONE_ENDINGS = new Set(STREET_ENDINGS);

/**
 * A word directly followed by a house number. Cheap to find (one bounded word per word start);
 * the street ending is then checked in code rather than with a backtracking alternation.
 */
const WORD_AND_NUMBER = /(?<![\p{L}\d])\p{L}{2,40} \d{1,3}(?!\d|[,.]\d)/gu;
/** What may follow the number: a letter ("12 B") and a flat number ("lgh 1102"). */
const ADDRESS_TAIL = /(?: ?[A-HJ-Z](?![\p{L}\d]))?(?:(?:, ?| )(?:lgh|lägenhet)\.? ?\d{4}(?!\d))?/uy;
/** Up to two capitalised words before a lower-case street word ("Drottning Kristinas väg"). */
const PRECEDING_NAME = /(?:\p{Lu}[\p{L}.]{0,24} ){1,2}$/u;
const CAPITALISED = /^\p{Lu}/u;
/** Words that commonly open a street name: "Lilla Nygatan", "Södra Förstadsgatan". */
const STREET_PREFIX =
  /(?:Lilla|Stora|Gamla|Nya|Norra|Södra|Östra|Västra|Sankt|S:t|Övre|Nedre|Inre|Yttre) $/u;

export const streetAddressRecognizer: SyncRecognizer = {
  id: 'se-street-address',
  types: ['street-address'],
  contextWords: ['adress', 'gatuadress', 'bor ', 'boende', 'folkbokf', 'besöksadress', 'hemadress'],
  detect(text) {
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(WORD_AND_NUMBER)) {
      const value = match[0];
      const word = value.slice(0, value.indexOf(' '));
      const lower = word.toLowerCase();
      if (!STREET_ENDINGS.some((ending) => lower.endsWith(ending))) continue;
      let start = match.index;
      if (!CAPITALISED.test(word)) {
        // "vägen 5" in prose is not an address; "Kristinas väg 5" is.
        if (!STANDALONE_ENDINGS.has(lower)) continue;
        const before = PRECEDING_NAME.exec(text.slice(Math.max(0, start - 52), start));
        if (!before) continue;
        start -= before[0].length;
      } else if (STANDALONE_ENDINGS.has(lower)) {
        // A bare "Torget 3" or "Vägen 2" is too often a heading or a title.
        continue;
      } else {
        const prefix = STREET_PREFIX.exec(text.slice(Math.max(0, start - 8), start));
        if (prefix) start -= prefix[0].length;
      }
      let end = match.index + value.length;
      ADDRESS_TAIL.lastIndex = end;
      const tail = ADDRESS_TAIL.exec(text);
      if (tail) end += tail[0].length;
      found.push({
        start,
        end,
        type: 'street-address',
        valid: true,
        confidence: CONFIDENCE.shape + 0.05,
      });
    }
    return found;
  },
};
