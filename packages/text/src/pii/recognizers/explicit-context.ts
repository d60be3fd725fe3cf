import { ContextFinder } from '../context.js';
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
const ID_AFTER_WORD = new RegExp(`(?:${ID_WORDS})${FILLER}${ID_VALUE}(?![\\d\\p{L}])`, 'iuy');

const PLATE_WORDS = String.raw`registrerings(?:nummer|numret|nr|skylten|skylt)|reg(?:\.\s?|\s)?nr|regnummer|regnumret|bilnummer|bilnumret|licen[cs]e plate|number plate`;
const PLATE_VALUE = String.raw`(\p{L}{3})[ -]?(\d{2}[\p{L}\d])`;
const PLATE_AFTER_WORD = new RegExp(
  `(?:${PLATE_WORDS})${FILLER}(${PLATE_VALUE})(?![\\d\\p{L}])`,
  'iuy',
);

/** Word starts where the patterns above can begin; found in the registry's one context scan. */
const ID_STARTS = [
  'personn*',
  'pers.*',
  'pers nr',
  'p-nr',
  'pnr',
  'samordningsn*',
  'samordningsnr',
  'interimsn*',
  'reservn*',
  'personal id*',
  'coordination number',
];
const PLATE_STARTS = [
  'registrerings*',
  'reg*',
  'bilnummer',
  'bilnumret',
  'licence plate',
  'license plate',
  'number plate',
];

export const explicitContextRecognizer: SyncRecognizer = {
  id: 'se-explicit-context',
  types: ['personnummer', 'samordningsnummer', 'vehicle-registration'],
  contextWords: [...ID_STARTS, ...PLATE_STARTS],
  detect(text, detection) {
    const found: PiiCandidate[] = [];
    const ids = detection?.contextFor(ID_STARTS) ?? new ContextFinder(text, ID_STARTS);
    for (const position of ids.positions()) {
      ID_AFTER_WORD.lastIndex = position;
      const match = ID_AFTER_WORD.exec(text);
      if (match) found.push(idCandidate(match, position));
    }
    const plates = detection?.contextFor(PLATE_STARTS) ?? new ContextFinder(text, PLATE_STARTS);
    for (const position of plates.positions()) {
      PLATE_AFTER_WORD.lastIndex = position;
      const match = PLATE_AFTER_WORD.exec(text);
      if (match) found.push(plateCandidate(match, position));
    }
    return found;
  },
};

function idCandidate(match: RegExpExecArray, position: number): PiiCandidate {
  const value = match[1] ?? '';
  const end = position + match[0].length;
  const characters = value.replace(/[^\dA-Za-z]/g, '');
  const body = characters.length >= 10 ? characters.slice(-10) : '';
  const read = body
    ? readIdNumber(
        `${characters.slice(0, -4)}-${characters.slice(-4)}`,
        body.slice(2, 4),
        body.slice(4, 6),
        body[6]!,
      )
    : undefined;
  const saysCoordination = /^samordning|^coordination/i.test(match[0]);
  return {
    start: end - value.length,
    end,
    type:
      saysCoordination || read?.type === 'samordningsnummer' ? 'samordningsnummer' : 'personnummer',
    valid: read?.valid === true,
    confidence: read?.valid ? 1 : 0.9,
  };
}

function plateCandidate(match: RegExpExecArray, position: number): PiiCandidate {
  const value = match[1] ?? '';
  const end = position + match[0].length;
  const letters = (match[2] ?? '').toUpperCase();
  const valid = isPlateAlphabet(letters) && !NOT_A_PLATE.has(letters);
  return {
    start: end - value.length,
    end,
    type: 'vehicle-registration',
    valid,
    confidence: valid ? 1 : 0.9,
  };
}
