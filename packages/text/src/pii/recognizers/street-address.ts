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
 * A street ending directly followed by a house number ("gatan 12"). Searching for the ending
 * rather than for every word keeps the scan fast; the word's start is found by walking back.
 * Longest endings first, so "gatan" is preferred to "gata".
 */
const ENDING_AND_NUMBER = new RegExp(
  `(?:${[...STREET_ENDINGS].sort((a, b) => b.length - a.length).join('|')}) \\d{1,3}(?!\\d|[,.]\\d)`,
  'giu',
);
const LETTER = /\p{L}/u;
const MAX_WORD = 40;
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
    for (const match of text.matchAll(ENDING_AND_NUMBER)) {
      let wordStart = match.index;
      while (
        wordStart > 0 &&
        match.index - wordStart < MAX_WORD &&
        LETTER.test(text[wordStart - 1]!)
      )
        wordStart--;
      if (wordStart > 0 && LETTER.test(text[wordStart - 1]!)) continue;
      const space = text.indexOf(' ', match.index);
      const word = text.slice(wordStart, space);
      const value = text.slice(wordStart, match.index + match[0].length);
      if (/\d/.test(text[wordStart - 1] ?? '')) continue;
      const lower = word.toLowerCase();
      let start = wordStart;
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
      let end = wordStart + value.length;
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
