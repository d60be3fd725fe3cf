import { segmentSentences } from '../segment/sentences.js';
import { segmentWords, type WordSpan } from '../segment/words.js';
import type { Span } from '../span.js';

/** Letters only: "e-post" has five, "t.ex." three. Digits, hyphens and dots do not count. */
const LETTER = /\p{L}/gu;

/** A word is "long" in LIX when it has more than six letters. */
export const LONG_WORD_LETTERS = 6;

export interface SentenceWords {
  readonly sentence: Span;
  readonly words: WordSpan[];
}

export interface TextCounts {
  /** Words that contain at least one letter; pure numbers are not words in LIX. */
  readonly words: WordSpan[];
  /** Sentences that contain at least one word. */
  readonly sentences: SentenceWords[];
  readonly longWords: WordSpan[];
}

/** Letters as read: a ligature from a PDF ("ﬁ") counts as the two letters it stands for. */
export function letterCount(word: string): number {
  const plain = /[\ufb00-\ufb06]/.test(word) ? word.normalize('NFKC') : word;
  return plain.match(LETTER)?.length ?? 0;
}

/** Segments once and assigns each word to its sentence, so every metric shares one count. */
export function countText(text: string): TextCounts {
  const allWords = segmentWords(text).filter((word) => word.kind === 'word');
  const sentences: SentenceWords[] = [];
  let wordIndex = 0;
  for (const sentence of segmentSentences(text)) {
    const words: WordSpan[] = [];
    while (wordIndex < allWords.length && allWords[wordIndex]!.start < sentence.end) {
      const word = allWords[wordIndex]!;
      if (word.start >= sentence.start) words.push(word);
      wordIndex++;
    }
    if (words.length > 0) sentences.push({ sentence, words });
  }
  const longWords = allWords.filter((word) => letterCount(word.text) > LONG_WORD_LETTERS);
  return { words: allWords, sentences, longWords };
}
