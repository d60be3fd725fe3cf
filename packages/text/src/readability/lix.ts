import { assertText } from '../errors.js';
import { countText } from './counting.js';

/** LIX = words / sentences + 100 × long words / words. 0 for text without words. */
export function lixFromCounts(words: number, sentences: number, longWords: number): number {
  if (words === 0 || sentences === 0) return 0;
  return words / sentences + (100 * longWords) / words;
}

/** The LIX readability index of Swedish text (Björnsson 1968). See README for counting rules. */
export function lix(text: string): number {
  assertText(text, 'lix');
  const counts = countText(text);
  return lixFromCounts(counts.words.length, counts.sentences.length, counts.longWords.length);
}
