import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { readIdNumber } from './personnummer.js';
import { isPlateAlphabet, NOT_A_PLATE } from './vehicle.js';

/**
 * "Personnummer: 851301-1234", "registreringsnummer SEK 123": when the citizen says what a value
 * is, that beats every check. A checksum, an impossible date or a list of currency and law codes
 * only lowers `valid`; the value is still masked, because a guard leans to masking.
 * The value must follow the word directly (a colon, "är", "is" or "nr" may sit between).
 */
const FILLER = String.raw`(?:\s*[:=]\s*|\s+-\s+|\s+)(?:(?:är|var|blir|lyder|is|was|nr|no\.?)\s*:?\s*)?`;

const ID_WORDS = String.raw`person(?:nummer|numret|numren|numrets|nr)|pers\.?\s?nr|p-?nr|samordnings(?:nummer|numret|nr)|interims(?:nummer|numret)|reserv(?:nummer|numret)|personal identity number|personal id(?: number)?|coordination number`;
const ID_VALUE = String.raw`(\d{2,4}[ ]?\d{2}[ ]?\d{2}[-+ ]?[\dA-Za-z]\d{3}|\d(?:[ -]?\d){5,11})`;
const ID_AFTER_WORD = new RegExp(
  `(?<!\\p{L})(?:${ID_WORDS})${FILLER}${ID_VALUE}(?![\\d\\p{L}])`,
  'giu',
);

const PLATE_WORDS = String.raw`registrerings(?:nummer|numret|nr|skylten|skylt)|reg(?:\.\s?|\s)?nr|regnummer|regnumret|bilnummer|bilnumret|licen[cs]e plate|number plate`;
const PLATE_VALUE = String.raw`(\p{L}{3})[ -]?(\d{2}[\p{L}\d])`;
const PLATE_AFTER_WORD = new RegExp(
  `(?<!\\p{L})(?:${PLATE_WORDS})${FILLER}(${PLATE_VALUE})(?![\\d\\p{L}])`,
  'giu',
);

export const explicitContextRecognizer: SyncRecognizer = {
  id: 'se-explicit-context',
  types: ['personnummer', 'samordningsnummer', 'vehicle-registration'],
  detect(text) {
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(ID_AFTER_WORD)) {
      const value = match[1] ?? '';
      const end = match.index + match[0].length;
      const start = end - value.length;
      const digits = value.replace(/[^\dA-Za-z]/g, '');
      const body = digits.length >= 10 ? digits.slice(-10) : '';
      const read = body
        ? readIdNumber(
            `${digits.slice(0, -4)}-${digits.slice(-4)}`,
            body.slice(2, 4),
            body.slice(4, 6),
            body[6]!,
          )
        : undefined;
      const saysCoordination = /^samordning|^coordination/i.test(match[0]);
      found.push({
        start,
        end,
        type:
          saysCoordination || read?.type === 'samordningsnummer'
            ? 'samordningsnummer'
            : 'personnummer',
        valid: read?.valid === true,
        confidence: read?.valid ? 1 : 0.9,
      });
    }
    for (const match of text.matchAll(PLATE_AFTER_WORD)) {
      const value = match[1] ?? '';
      const end = match.index + match[0].length;
      const letters = (match[2] ?? '').toUpperCase();
      const valid = isPlateAlphabet(letters) && !NOT_A_PLATE.has(letters);
      found.push({
        start: end - value.length,
        end,
        type: 'vehicle-registration',
        valid,
        confidence: valid ? 1 : 0.9,
      });
    }
    return found;
  },
};
