import { ContextFinder } from '../context.js';
import { digitsOnly, luhnValid } from '../luhn.js';
import { isNumberPunctuation, matchesNearContext } from '../near-context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/** Bankgiro: 7–8 digits printed NNN-NNNN or NNNN-NNNN. */
const BANKGIRO_SHAPE = /(?<![\d\p{L}-])\d{3,4}-\d{4}(?![\d\p{L}]|-\d)/gu;
/** Plusgiro: 2–8 digits with a dash before the check digit, often grouped "90 20 03-3". */
const PLUSGIRO_SHAPE = /(?<![\d\p{L}-])(?:\d{1,2} \d{2} \d{2}|\d{1,7})-\d(?![\d\p{L}]|-\d)/gu;
/** Longer than any match of either shape ("1234-5678", "90 20 03-3"). */
const LONGEST_GIRO = 12;

const BANKGIRO_WORDS = ['bankgiro*', 'bg', 'bg-nr', 'bg nr'];
const PLUSGIRO_WORDS = ['plusgiro*', 'pg', 'pg-nr', 'pg nr', 'postgiro*'];

/**
 * Bankgiro and plusgiro numbers look like countless other numbers (case numbers, ranges), so they
 * are reported only after their name ("bankgiro", "BG", "plusgiro", "PG"). The Luhn check decides
 * `valid`; see luhn.ts for why it is hand-written.
 */
function giroRecognizer(
  id: string,
  type: 'bankgiro' | 'plusgiro',
  shape: RegExp,
  words: readonly string[],
): SyncRecognizer {
  return {
    id,
    types: [type],
    contextWords: words,
    detect(text, detection) {
      const context = detection?.contextFor(words) ?? new ContextFinder(text, words);
      const found: PiiCandidate[] = [];
      const near = matchesNearContext(
        text,
        shape,
        context.positions(),
        LONGEST_GIRO,
        isNumberPunctuation,
      );
      for (const match of near) {
        const start = match.index;
        const end = start + match[0].length;
        if (!context.near(start, end)) continue;
        const valid = luhnValid(digitsOnly(match[0]));
        // The context boost is added by the registry; start below the always-on identifiers.
        const confidence = valid ? CONFIDENCE.checked - 0.1 : CONFIDENCE.invalid - 0.1;
        found.push({ start, end, type, valid, confidence });
      }
      return found;
    },
  };
}

export const bankgiroRecognizer = giroRecognizer(
  'se-bankgiro',
  'bankgiro',
  BANKGIRO_SHAPE,
  BANKGIRO_WORDS,
);
export const plusgiroRecognizer = giroRecognizer(
  'se-plusgiro',
  'plusgiro',
  PLUSGIRO_SHAPE,
  PLUSGIRO_WORDS,
);
