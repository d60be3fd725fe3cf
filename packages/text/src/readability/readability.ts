import { assertText, KlarTextError } from '../errors.js';
import type { Locale, Span } from '../span.js';
import { type LixBand, lixBand, lixBandLabel } from './bands.js';
import { countText } from './counting.js';
import { lixFromCounts } from './lix.js';
import { ovix } from './ovix.js';

export interface ReadabilityOptions {
  /** Language of `bandLabel`. Swedish by default. */
  locale?: Locale;
  /** How many of the longest sentences to return, longest first. Default 3. */
  longestSentences?: number;
}

export interface LongSentence extends Span {
  readonly words: number;
}

export interface ReadabilityReport {
  readonly lix: number;
  readonly band: LixBand;
  readonly bandLabel: string;
  /** Word variation index; null when undefined (under two words, or every word unique). */
  readonly ovix: number | null;
  readonly words: number;
  readonly sentences: number;
  /** Words with more than six letters, in text order, for highlighting. */
  readonly longWords: Span[];
  /** Words per sentence; 0 for text without words. */
  readonly averageSentenceLength: number;
  /** The longest sentences by word count, longest first (ties: earliest first). */
  readonly longestSentences: LongSentence[];
}

export function readability(text: string, options: ReadabilityOptions = {}): ReadabilityReport {
  assertText(text, 'readability');
  const locale = options.locale ?? 'sv';
  if (locale !== 'sv' && locale !== 'en') {
    throw new KlarTextError(
      'invalid-option',
      `readability: unknown locale "${String(locale)}". Use 'sv' or 'en'.`,
    );
  }
  const topCount = options.longestSentences ?? 3;
  if (!Number.isInteger(topCount) || topCount < 0) {
    throw new KlarTextError(
      'invalid-option',
      'readability: longestSentences must be a whole number ≥ 0.',
    );
  }
  const counts = countText(text);
  const words = counts.words.length;
  const sentences = counts.sentences.length;
  const lixValue = lixFromCounts(words, sentences, counts.longWords.length);
  const band = lixBand(lixValue);
  const longestSentences = counts.sentences
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.words.length - a.entry.words.length || a.index - b.index)
    .slice(0, topCount)
    .map(({ entry }) => ({ ...entry.sentence, words: entry.words.length }));
  return {
    lix: lixValue,
    band,
    bandLabel: lixBandLabel(band, locale),
    ovix: ovix(counts.words.map((word) => word.text)),
    words,
    sentences,
    longWords: counts.longWords.map(({ start, end, text: value }) => ({ start, end, text: value })),
    averageSentenceLength: sentences === 0 ? 0 : words / sentences,
    longestSentences,
  };
}
