import { splitByTokens } from '../shared/chunking.js';
import { abortedError, inputTooLong } from '../shared/errors.js';
import type { SummaryPartProgress } from './options.js';

/** What the hierarchical path needs from a source (a model, or the browser's summariser). */
export interface CondenseSource {
  /** Tokens the final request for `text` needs, and the most it may need. */
  measureFinal(text: string, signal: AbortSignal): Promise<{ requested: number; quota: number }>;
  /** Tokens of source text one part may hold. */
  partTextBudget(signal: AbortSignal): Promise<number>;
  measureText(text: string, signal: AbortSignal): Promise<number>;
  summarizePart(
    text: string,
    part: { readonly index: number; readonly count: number },
    signal: AbortSignal,
  ): Promise<string>;
}

export interface CondenseOptions {
  readonly splitLongInput: boolean;
  readonly maxLevels: number;
  readonly signal: AbortSignal;
  readonly onPart?: (progress: SummaryPartProgress) => void;
}

/**
 * The text the final summary is written from: `text` itself when one pass takes it, else the
 * joined summaries of its parts (split at sentence boundaries, sized with the tokenizer), again
 * and again until they fit. Only the final summary is streamed; this reports parts through
 * `onPart`. Rejects with 'input-too-long' (requested, quota) when splitting is off, or when the
 * summaries stop getting shorter or the level limit is reached.
 */
export async function condense(
  text: string,
  source: CondenseSource,
  options: CondenseOptions,
): Promise<string> {
  const { signal } = options;
  let current = text;
  let currentTokens = Number.POSITIVE_INFINITY;
  for (let level = 1; ; level++) {
    const { requested, quota } = await source.measureFinal(current, signal);
    if (requested <= quota) return current;
    if (!options.splitLongInput || level > options.maxLevels || requested >= currentTokens)
      throw inputTooLong(requested, quota, 'Summarizer');
    currentTokens = requested;
    const budget = await source.partTextBudget(signal);
    if (budget < 1) throw inputTooLong(requested, quota, 'Summarizer');
    const parts = await splitByTokens(current, (t) => source.measureText(t, signal), budget);
    const summaries: string[] = [];
    for (const [i, part] of parts.entries()) {
      if (signal.aborted) throw abortedError();
      const progress = { level, index: i + 1, count: parts.length };
      options.onPart?.(progress);
      const summary = (await source.summarizePart(part, progress, signal)).trim();
      if (summary) summaries.push(summary);
    }
    current = summaries.join('\n\n');
  }
}
