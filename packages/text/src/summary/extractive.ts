import { assertText, KlarTextError } from '../errors.js';
import { segmentSentences } from '../segment/sentences.js';
import type { Span } from '../span.js';
import { SWEDISH_STOP_WORDS } from './stopwords.js';

export interface ExtractiveSummaryOptions {
  /** How many sentences to keep. Default 3. */
  sentences?: number;
}

export interface ExtractiveSummary {
  /** The chosen sentences joined with a space, in original order. */
  readonly text: string;
  /** The chosen sentences as spans of the input, in original order. */
  readonly sentences: Span[];
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Crude Swedish stemming: compare on the first letters so "ansökan/ansökningar" meet. */
const STEM_LENGTH = 6;

/**
 * Picks the most central sentences: each sentence is a TF-IDF vector of content words, and the
 * score is its cosine similarity to the whole document's vector (centroid). Linear in the text
 * length, deterministic, no model. Ties go to the earlier sentence.
 */
export function summarizeExtractive(
  text: string,
  options: ExtractiveSummaryOptions = {},
): ExtractiveSummary {
  assertText(text, 'summarizeExtractive');
  const count = options.sentences ?? 3;
  if (!Number.isInteger(count) || count < 1) {
    throw new KlarTextError(
      'invalid-option',
      'summarizeExtractive: sentences must be a whole number ≥ 1.',
    );
  }
  const sentences = segmentSentences(text);
  if (sentences.length <= count) return { text: sentences.map((s) => s.text).join(' '), sentences };

  const bags = sentences.map((sentence) => termCounts(sentence.text));
  const documentFrequency = new Map<string, number>();
  for (const bag of bags)
    for (const term of bag.keys())
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(1 + sentences.length / (documentFrequency.get(term) ?? 1));

  const vectors = bags.map((bag) => weigh(bag, idf));
  const centroid = new Map<string, number>();
  for (const vector of vectors)
    for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);

  let centroidNormSquared = 0;
  for (const weight of centroid.values()) centroidNormSquared += weight * weight;
  const scored = vectors.map((vector, index) => ({
    index,
    score: cosine(vector, centroid, centroidNormSquared),
  }));
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen = scored
    .slice(0, count)
    .map((entry) => entry.index)
    .sort((a, b) => a - b)
    .map((index) => sentences[index]!);
  return { text: chosen.map((s) => s.text).join(' '), sentences: chosen };
}

function termCounts(sentence: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of sentence.toLocaleLowerCase('sv').matchAll(WORD)) {
    if (SWEDISH_STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    const stem = word.slice(0, STEM_LENGTH);
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

function weigh(counts: Map<string, number>, idf: (term: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * idf(term));
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>, normBSquared: number): number {
  let dot = 0;
  let normA = 0;
  for (const [term, weight] of a) {
    dot += weight * (b.get(term) ?? 0);
    normA += weight * weight;
  }
  if (normA === 0 || normBSquared === 0) return 0;
  return dot / Math.sqrt(normA * normBSquared);
}
