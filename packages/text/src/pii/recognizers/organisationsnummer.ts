import Organisationsnummer from 'organisationsnummer';
import { ContextFinder } from '../context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/** NNNNNN-NNNN, optionally prefixed "16"; the third digit is 2 or more (no month there). */
const ORGANISATIONSNUMMER_SHAPE =
  /(?<![\d\p{L}+-])(?:16)?([1-9]\d[2-9]\d{3})(-?)(\d{4})(?![\d\p{L}])/gu;

const CONTEXT_WORDS = ['org*', 'företag*', 'bolag*', 'ab', 'registrerat'];

/**
 * Organisationsnummer, validated by the `organisationsnummer` package. Without a valid check
 * digit it is reported only after a context word such as "org.nr" (valid: false).
 */
export const organisationsnummerRecognizer: SyncRecognizer = {
  id: 'se-organisationsnummer',
  types: ['organisationsnummer'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    for (const match of text.matchAll(ORGANISATIONSNUMMER_SHAPE)) {
      const value = match[0];
      const start = match.index;
      const end = start + value.length;
      const valid = isValidOrganisationsnummer(value);
      if (!valid && !context.near(start, end)) continue;
      const separated = match[2] === '-';
      found.push({
        start,
        end,
        type: 'organisationsnummer',
        valid,
        confidence: valid
          ? separated
            ? CONFIDENCE.strong - 0.05
            : CONFIDENCE.checked - 0.1
          : CONFIDENCE.invalid,
      });
    }
    return found;
  },
};

function isValidOrganisationsnummer(value: string): boolean {
  try {
    return Organisationsnummer.valid(value);
  } catch {
    return false;
  }
}
