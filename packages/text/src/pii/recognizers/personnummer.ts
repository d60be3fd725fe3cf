import Personnummer from 'personnummer';
import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * 10 or 12 digits, optional `-` or `+` (100 years or older) before the last four. A space there
 * ("900101 0017") is accepted but treated like no separator: it needs a valid number or context.
 */
const PERSONNUMMER_SHAPE =
  /(?<![\d\p{L}+-])((?:1[89]|20)?\d{2})(\d{2})(\d{2})([-+ ]?)(\d{4})(?![\d\p{L}])/gu;

const CONTEXT_WORDS = [
  'personn',
  'pnr',
  'p-nr',
  'pers.nr',
  'samordningsn',
  'id-nummer',
  'födelsen',
  'personal identity',
];

/**
 * Personnummer and samordningsnummer (day + 60). Validation (date and check digit) comes from
 * the `personnummer` package. With a separator the shape alone is reported, so a typo of a real
 * number is still found (valid: false, lower confidence). Bare digits need a valid number or a
 * context word, because order and case numbers often have ten or twelve digits.
 */
export const personnummerRecognizer: SyncRecognizer = {
  id: 'se-personnummer',
  types: ['personnummer', 'samordningsnummer'],
  contextWords: CONTEXT_WORDS,
  detect(text) {
    const context = new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(PERSONNUMMER_SHAPE)) {
      const [value, , month, day, separator] = match;
      const monthNumber = Number(month);
      const dayNumber = Number(day);
      if (monthNumber < 1 || monthNumber > 12) continue;
      const coordination = dayNumber >= 61 && dayNumber <= 91;
      if (!coordination && (dayNumber < 1 || dayNumber > 31)) continue;
      const start = match.index;
      const end = start + value.length;
      const valid = isValidPersonnummer(separator === ' ' ? value.replace(' ', '-') : value);
      const hasSeparator = separator === '-' || separator === '+';
      if (!valid && !hasSeparator && !context.near(start, end)) continue;
      found.push({
        start,
        end,
        type: coordination ? 'samordningsnummer' : 'personnummer',
        valid,
        confidence: valid
          ? hasSeparator || value.length === 12
            ? CONFIDENCE.strong
            : CONFIDENCE.checked
          : CONFIDENCE.invalid,
      });
    }
    return found;
  },
};

function isValidPersonnummer(value: string): boolean {
  try {
    return Personnummer.valid(value, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    return false;
  }
}
