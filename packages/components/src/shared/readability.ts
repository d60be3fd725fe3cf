/**
 * Readability figures (LIX, long words, longest sentences) for the elements. Imports only
 * segmentation and LIX (`@klar/text/readability`), so an element that shows figures at page load
 * does not pull in personal-data detection, masking or the task layer.
 */
import { readability } from '@klar/text/readability';
import type { LixBand } from './i18n/translation.js';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ReadabilityFigures {
  readonly lix: number;
  readonly band: LixBand;
  readonly words: number;
  readonly sentences: number;
  readonly longWords: readonly TextSpan[];
  readonly longestSentences: readonly TextSpan[];
}

export function readabilityOf(text: string, locale: string): ReadabilityFigures {
  const report = readability(text, { locale: locale === 'en' ? 'en' : 'sv' });
  return {
    lix: Math.round(report.lix),
    band: report.band,
    words: report.words,
    sentences: report.sentences,
    longWords: report.longWords,
    longestSentences: report.longestSentences,
  };
}

export interface Piece {
  readonly text: string;
  readonly marked: boolean;
}

/** Splits text into marked and unmarked pieces for rendering `<mark>` as Lit text bindings. */
export function highlightSpans(
  text: string,
  spans: readonly { start: number; end: number }[],
): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < cursor) continue;
    if (s.start > cursor) pieces.push({ text: text.slice(cursor, s.start), marked: false });
    pieces.push({ text: text.slice(s.start, s.end), marked: true });
    cursor = s.end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), marked: false });
  return pieces;
}
