import { assertText } from '../errors.js';
import { type Span, trimmedSpan } from '../span.js';
import { FINAL_CAPABLE_ABBREVIATIONS, NON_FINAL_ABBREVIATIONS } from './abbreviations.js';
import { splitBlocks } from './blocks.js';
import { chunkRange } from './chunks.js';

const sentenceSegmenter = new Intl.Segmenter('sv', { granularity: 'sentence' });

const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/g;
const LAST_TOKEN = /(\S+)\s*$/u;
const LEADING_PUNCTUATION = /^[("'«»”“‘’[]+/u;
const LIST_MARKER_ONLY = /^\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s*$/u;
const SINGLE_INITIAL = /^\p{Lu}\.$/u;
const STARTS_UPPER = /^\s*["'«”(]*\p{Lu}/u;

/**
 * Splits Swedish text into sentences. Built on `Intl.Segmenter`, corrected for Swedish
 * abbreviations (t.ex., bl.a., kap., …), list markers ("1. "), initials ("J. Svensson") and for
 * headings and list items that have no full stop. Spans are trimmed of surrounding whitespace.
 */
export function segmentSentences(text: string): Span[] {
  assertText(text, 'segmentSentences');
  const sentences: Span[] = [];
  for (const block of splitBlocks(text)) {
    if (block.end <= block.start) continue;
    // Line breaks inside a block are hard wraps; ICU would always break there, so hide them
    // (same length, so offsets stay valid).
    const blockText = text.slice(block.start, block.end).replace(LINE_BREAKS, ' ');
    for (const [start, end] of sentenceRanges(blockText)) {
      const span = trimmedSpan(text, block.start + start, block.start + end);
      if (span) sentences.push(span);
    }
  }
  return sentences;
}

/**
 * ICU sentence ranges inside one block, with the wrong breaks merged back together. Long blocks
 * go to ICU in chunks (see chunks.ts); a chunk cut that is not after sentence punctuation is
 * joined back like any other false break.
 */
function sentenceRanges(block: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let pending: [number, number] | undefined;
  let forceJoin = false;
  for (const chunk of chunkRange(block, 0, block.length)) {
    const chunkText = block.slice(chunk.start, chunk.end);
    for (const piece of sentenceSegmenter.segment(chunkText)) {
      const start = chunk.start + piece.index;
      const end = start + piece.segment.length;
      if (pending && (forceJoin || shouldJoin(block, pending, piece.segment))) {
        pending[1] = end;
        forceJoin = false;
        continue;
      }
      forceJoin = false;
      if (pending) ranges.push(pending);
      pending = [start, end];
    }
    forceJoin = !chunk.cleanEnd;
  }
  if (pending) ranges.push(pending);
  return ranges;
}

/** Looks at the last 64 characters only, so a long run of joins stays linear. */
function shouldJoin(block: string, previous: [number, number], next: string): boolean {
  const tail = block.slice(Math.max(previous[0], previous[1] - 64), previous[1]);
  if (previous[1] - previous[0] <= 64 && LIST_MARKER_ONLY.test(tail)) return true;
  const match = LAST_TOKEN.exec(tail);
  if (!match?.[1]) return false;
  const token = match[1].replace(LEADING_PUNCTUATION, '');
  const lower = token.toLowerCase();
  if (NON_FINAL_ABBREVIATIONS.has(lower)) return true;
  if (FINAL_CAPABLE_ABBREVIATIONS.has(lower)) return !STARTS_UPPER.test(next);
  // "J. Svensson": a lone capital with a dot is an initial, not a sentence.
  return SINGLE_INITIAL.test(token) && STARTS_UPPER.test(next);
}
