import Kontonummer from 'kontonummer';
import { ContextFinder } from '../context.js';
import { digitsOnly } from '../luhn.js';
import { isNumberPunctuation, matchesNearContext } from '../near-context.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

/**
 * Clearing number (4 digits, Swedbank 5: "8327-9") then the account number, printed with spaces,
 * dashes or a comma: "5000 1234567", "8327-9, 993 123 456-7", "6000-123 456 789".
 */
const ACCOUNT_SHAPE =
  /(?<![\d\p{L}-])(\d{4}(?:-\d)?)(?:, ?|-| )(\d{1,4}(?:[ -]?\d{1,4}){0,4})(?![\d\p{L}]|-\d)/gu;
/** Longer than any match of the shape: 6 (clearing) + 2 + 4 + 4 × 5 (account groups). */
const LONGEST_ACCOUNT = 32;

const CONTEXT_WORDS = ['konto*', 'bankkonto*', 'clearing*', 'clnr', 'lönekonto*', 'account*'];

/**
 * Swedish bank accounts, validated by the `kontonummer` package (clearing ranges, lengths and
 * check digits per bank). Clearing + account digits look like any other number, so a context
 * word ("konto", "clearing", …) is required; without a valid check the span is `valid: false`.
 */
export const bankAccountRecognizer: SyncRecognizer = {
  id: 'se-bank-account',
  types: ['bank-account'],
  contextWords: CONTEXT_WORDS,
  detect(text, detection) {
    const context = detection?.contextFor(CONTEXT_WORDS) ?? new ContextFinder(text, CONTEXT_WORDS);
    const found: PiiCandidate[] = [];
    // Only the stretches around a context word are searched: nothing counts without one.
    const near = matchesNearContext(
      text,
      ACCOUNT_SHAPE,
      context.positions(),
      LONGEST_ACCOUNT,
      isNumberPunctuation,
    );
    for (const match of near) {
      const start = match.index;
      const end = start + match[0].length;
      const account = digitsOnly(match[2] ?? '');
      if (account.length < 5 || account.length > 12) continue;
      if (!context.near(start, end)) continue;
      const valid = isValidAccount(digitsOnly(match[1] ?? ''), account);
      const confidence = valid ? CONFIDENCE.checked - 0.1 : CONFIDENCE.invalid - 0.1;
      found.push({ start, end, type: 'bank-account', valid, confidence });
    }
    return found;
  },
};

function isValidAccount(clearing: string, account: string): boolean {
  try {
    return new Kontonummer(clearing, account, { mode: 'semi' }).valid;
  } catch {
    return false;
  }
}
