import type { PiiCandidate, SyncRecognizer } from '../types.js';
import { CONFIDENCE } from './confidence.js';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const TOP_LEVEL = /\.\p{L}{2,24}$/u;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/**
 * E-mail addresses. Instead of one big regex (which backtracks quadratically on long runs of
 * letters without an "@") we jump from "@" to "@" and grow outwards a bounded number of steps.
 */
export const emailRecognizer: SyncRecognizer = {
  id: 'email',
  types: ['email'],
  contextWords: [
    'e-post',
    'epost',
    'e-postadress',
    'mejl',
    'mejla',
    'mejladress',
    'mail',
    'maila',
    'mailadress',
    'e-mail',
    'email',
    'kontakt*',
  ],
  detect(text) {
    const found: PiiCandidate[] = [];
    let searchFrom = 0;
    for (;;) {
      const at = text.indexOf('@', searchFrom);
      if (at === -1) break;
      searchFrom = at + 1;
      let start = at;
      while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1]!)) start--;
      while (start < at && /[.-]/.test(text[start]!)) start++;
      let end = at + 1;
      while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text[end]!)) end++;
      while (end > at + 1 && /[.-]/.test(text[end - 1]!)) end--;
      if (start === at || end === at + 1) continue;
      const domain = text.slice(at + 1, end);
      if (!domain.includes('.') || domain.includes('..') || !TOP_LEVEL.test(domain)) continue;
      const previous = found[found.length - 1];
      if (previous && previous.end > start) continue;
      found.push({ start, end, type: 'email', valid: true, confidence: CONFIDENCE.strong });
      searchFrom = end;
    }
    return found;
  },
};
