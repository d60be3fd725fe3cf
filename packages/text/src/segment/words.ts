import { assertText } from '../errors.js';
import type { Span } from '../span.js';
import { isKnownAbbreviation } from './abbreviations.js';

export interface WordSpan extends Span {
  /** 'number' when the token has no letters (1 234,50 · 2024-01-05), otherwise 'word'. */
  readonly kind: 'word' | 'number';
}

const wordSegmenter = new Intl.Segmenter('sv', { granularity: 'word' });
const HAS_LETTER = /\p{L}/u;
const DIGITS_ONLY = /^\d+$/;
const THOUSANDS_GROUP = /^\d{3}(?:[.,]\d+)?$/;
const JOINERS = new Set(['-', '‐', '‑', ':', '/']);

interface Token {
  start: number;
  end: number;
}

/**
 * Splits text into words and numbers with `Intl.Segmenter`, then repairs what matters in Swedish:
 * hyphenated compounds stay one word (e-post, EU-medborgare), numbers keep their thousand spaces
 * and decimal comma (1 234,50), dates stay whole (2024-01-05), and known abbreviations keep their
 * final dot (t.ex.). Punctuation and whitespace are not returned.
 */
export function segmentWords(text: string): WordSpan[] {
  assertText(text, 'segmentWords');
  const tokens: Token[] = [];
  for (const piece of wordSegmenter.segment(text)) {
    if (!piece.isWordLike) continue;
    const start = piece.index;
    const end = start + piece.segment.length;
    const last = tokens[tokens.length - 1];
    if (last && shouldMerge(text, last, start, end)) {
      last.end = end;
    } else {
      tokens.push({ start, end });
    }
  }
  return tokens.map((token) => toWordSpan(text, token));
}

function shouldMerge(text: string, last: Token, start: number, end: number): boolean {
  const gap = start - last.end;
  if (gap !== 1) return false;
  const between = text[last.end] ?? '';
  if (JOINERS.has(between)) {
    // Join only when the joiner is not a dash between spaced words or a time range like "9-17".
    return between !== ':' || isDigits(text, last.start, last.end) === isDigits(text, start, end);
  }
  if (between === ' ' || between === '\u00a0' || between === '\u202f') {
    // "1 234 567": the previous token is a number and this one is a three-digit group.
    return isDigitGroup(text, last.start, last.end) && THOUSANDS_GROUP.test(text.slice(start, end));
  }
  return false;
}

function isDigits(text: string, start: number, end: number): boolean {
  return DIGITS_ONLY.test(text.slice(start, end));
}

function isDigitGroup(text: string, start: number, end: number): boolean {
  const token = text.slice(start, end);
  return /^\d{1,3}(?:[ \u00a0\u202f]\d{3})*$/.test(token);
}

function toWordSpan(text: string, token: Token): WordSpan {
  let end = token.end;
  if (text[end] === '.') {
    const candidate = text.slice(token.start, end + 1).toLowerCase();
    if (isKnownAbbreviation(candidate)) end += 1;
  }
  const value = text.slice(token.start, end);
  return { start: token.start, end, text: value, kind: HAS_LETTER.test(value) ? 'word' : 'number' };
}
