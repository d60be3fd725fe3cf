import { summarizeExtractive } from '@klar/text';

/** A sentence picked from the original, with where it stands there. */
export interface PickedSentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The model-free summary: sentences picked from the original by rules, in their original
 * order, not rewritten. `Summarizer` never falls back to this silently; a view that shows it
 * must say it is a selection of sentences from the text.
 */
export function extractiveSummary(text: string, sentences = 3): PickedSentence[] {
  if (!text.trim()) return [];
  return summarizeExtractive(text, { sentences }).sentences.map((s) => ({
    text: s.text,
    start: s.start,
    end: s.end,
  }));
}
