import { isSpace } from '../span.js';

/**
 * V8's `Intl.Segmenter` gets slower per segment as the string grows (quadratic in practice:
 * 200 kB of words take close to a minute on Node 20). We therefore never hand it more than
 * MAX_CHUNK characters, cut where a break is harmless.
 */
export const MAX_CHUNK = 2000;

export interface Chunk {
  readonly start: number;
  readonly end: number;
  /** True when the cut falls after sentence-ending punctuation and whitespace. */
  readonly cleanEnd: boolean;
}

const TERMINAL = new Set(['.', '!', '?', '…', ':', ';']);

/** Splits [start, end) of text into chunks, preferring cuts after ". ", then at any space. */
export function chunkRange(
  text: string,
  start: number,
  end: number,
  maxChunk = MAX_CHUNK,
): Chunk[] {
  const chunks: Chunk[] = [];
  let from = start;
  while (end - from > maxChunk) {
    const limit = from + maxChunk;
    let cut = -1;
    let clean = false;
    for (let i = limit; i > from + maxChunk / 2; i--) {
      if (isSpace(text.charCodeAt(i)) && TERMINAL.has(text[i - 1] ?? '')) {
        cut = i + 1;
        clean = true;
        break;
      }
    }
    if (cut === -1) {
      for (let i = limit; i > from + maxChunk / 2; i--) {
        if (isSpace(text.charCodeAt(i))) {
          cut = i + 1;
          break;
        }
      }
    }
    if (cut === -1) {
      cut = limit;
      // Never split a surrogate pair.
      const code = text.charCodeAt(cut);
      if (code >= 0xdc00 && code <= 0xdfff) cut--;
    }
    chunks.push({ start: from, end: cut, cleanEnd: clean });
    from = cut;
  }
  chunks.push({ start: from, end, cleanEnd: true });
  return chunks;
}
