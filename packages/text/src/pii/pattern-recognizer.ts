import { KlarTextError } from '../errors.js';
import { ContextFinder } from './context.js';
import type { PiiCandidate, PiiType, RecognizerLabels, SyncRecognizer } from './types.js';

export interface PatternRecognizerOptions {
  id: string;
  type: PiiType;
  /**
   * What to find. The `g` flag is added. Keep it linear: avoid nested quantifiers such as
   * `(a+)+` — a backtracking pattern is the one thing this package cannot protect you from.
   */
  pattern: RegExp;
  /** 0–1, default 0.8. */
  confidence?: number;
  /** Return false to mark a match `valid: false` (still reported, lower confidence). */
  validate?: (value: string) => boolean;
  /**
   * Words that raise confidence near a match: whole words with their inflections ("ärende"
   * also finds "ärendet"); end one with * to match any word that starts so ("ärendenr*").
   */
  contextWords?: readonly string[];
  /** Report a match only when a context word is near (for very generic shapes). */
  requireContext?: boolean;
  labels?: RecognizerLabels;
}

/**
 * Builds a rule recogniser from a regular expression, e.g. an agency's case-number format:
 * `createPatternRecognizer({ id: 'dnr', type: 'case-number', pattern: /\bFK\s?\d{4}-\d{6}\b/ })`.
 */
export function createPatternRecognizer(options: PatternRecognizerOptions): SyncRecognizer {
  const { id, type, pattern, validate, contextWords = [], requireContext = false } = options;
  if (!(pattern instanceof RegExp)) {
    throw new KlarTextError('invalid-recognizer', `Recogniser "${id}": pattern must be a RegExp.`);
  }
  const confidence = options.confidence ?? 0.8;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new KlarTextError(
      'invalid-recognizer',
      `Recogniser "${id}": confidence must be between 0 and 1.`,
    );
  }
  const flags = pattern.flags.includes('g')
    ? pattern.flags.replace('y', '')
    : `${pattern.flags.replace('y', '')}g`;
  const globalPattern = new RegExp(pattern.source, flags);
  return {
    id,
    types: [type],
    contextWords,
    ...(options.labels ? { labels: options.labels } : {}),
    detect(text, detection) {
      const context = detection?.contextFor(contextWords) ?? new ContextFinder(text, contextWords);
      const found: PiiCandidate[] = [];
      for (const match of text.matchAll(globalPattern)) {
        if (match[0].length === 0) continue;
        const start = match.index;
        const end = start + match[0].length;
        if (requireContext && !context.near(start, end)) continue;
        const valid = validate ? validate(match[0]) : true;
        found.push({ start, end, type, valid, confidence: valid ? confidence : confidence / 2 });
      }
      return found;
    },
  };
}
