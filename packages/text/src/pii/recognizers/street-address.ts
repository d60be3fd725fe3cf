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
 * Endings distinctive enough to trust in a lower-case compound ("storgatan 12", typed on a
 * phone). Endings that are also everyday words ("höjden", "leden", "platsen") are left out.
 */
const LOWER_CASE_ENDINGS =
  /(?:gatan|gata|vägen|väg|gränden|gränd|allén|allé|stigen|torget|torg|backen|backe|stråket|kajen|slingan|esplanaden)$/u;
/** Road classes and common compounds that are not street names ("riksväg 40", "omväg 2"). */
const NOT_A_STREET_STEM =
  /^(?:riks|läns|motor|europa|mo|om|genväg|gen|land|lands|cykel|gång|in|ut|av|på|fram|hem|halv|väg|järn|bi|sido|tillfarts|infarts|utfarts|genomfarts)$/u;
const MIN_STEM = 2;

/**
 * A street ending directly followed by a house number ("gatan 12"). Searching for the ending
 * rather than for every word keeps the scan fast; the word's start is found by walking back.
 * Longest endings first, so "gatan" is preferred to "gata".
 */
const ENDING_AND_NUMBER_SOURCE = `(?:${[...STREET_ENDINGS].sort((a, b) => b.length - a.length).join('|')}) \\d{1,3}(?!\\d|[,.:]\\d)`;
/**
 * Without the unicode flag the case-insensitive search runs twice as fast, and matches the
 * same except for three letters that only Unicode case folding equates with ours (long s, the
 * Kelvin and Ångström signs): a text containing any of them gets the unicode regex.
 */
const ENDING_AND_NUMBER = new RegExp(ENDING_AND_NUMBER_SOURCE, 'gi');
const ENDING_AND_NUMBER_UNICODE = new RegExp(ENDING_AND_NUMBER_SOURCE, 'giu');
const UNICODE_ONLY_CASE = /[\u017f\u212a\u212b]/;
const LETTER = /\p{L}/u;
const MAX_WORD = 40;
/** What may follow the number: a letter ("12 B") and a flat number ("lgh 1102"). */
const ADDRESS_TAIL =
  /(?: ?[A-HJ-Z](?![\p{L}\d])|[a-hj-z](?![\p{L}\d]))?(?:(?:, ?| )(?:lgh|lägenhet)\.? ?\d{4}(?!\d))?/uy;
/** Up to two capitalised words before a lower-case street word ("Drottning Kristinas väg"). */
const PRECEDING_NAME = /(?:\p{Lu}[\p{L}.]{0,24} ){1,2}$/u;
const CAPITALISED = /^\p{Lu}/u;
/** Words that commonly open a street name: "Lilla Nygatan", "Södra Förstadsgatan". */
const STREET_PREFIX =
  /(?:Lilla|Stora|Gamla|Nya|Norra|Södra|Östra|Västra|Sankt|S:t|Övre|Nedre|Inre|Yttre) $/u;

export const streetAddressRecognizer: SyncRecognizer = {
  id: 'se-street-address',
  types: ['street-address'],
  contextWords: [
    'adress*',
    'gatuadress*',
    'bor',
    'boende',
    'folkbokf*',
    'besöksadress*',
    'hemadress*',
    'address*',
  ],
  detect(text) {
    const found: PiiCandidate[] = [];
    const endings = UNICODE_ONLY_CASE.test(text) ? ENDING_AND_NUMBER_UNICODE : ENDING_AND_NUMBER;
    for (const match of text.matchAll(endings)) {
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
        if (STANDALONE_ENDINGS.has(lower)) {
          // "vägen 5" in prose is not an address; "Kristinas väg 5" is.
          const before = PRECEDING_NAME.exec(text.slice(Math.max(0, start - 52), start));
          if (!before) continue;
          start -= before[0].length;
        } else if (!isLowerCaseStreet(lower)) continue;
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
        confidence: CAPITALISED.test(text[start] ?? '')
          ? CONFIDENCE.shape + 0.05
          : CONFIDENCE.shape,
      });
    }
    return found;
  },
};

function isLowerCaseStreet(word: string): boolean {
  const ending = LOWER_CASE_ENDINGS.exec(word);
  if (!ending) return false;
  const stem = word.slice(0, ending.index);
  return (
    stem.length >= MIN_STEM &&
    !NOT_A_STREET_STEM.test(stem) &&
    !NOT_A_STREET_STEM.test(stem.replace(/s$/u, ''))
  );
}
