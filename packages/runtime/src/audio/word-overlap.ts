/**
 * Joining the texts of overlapping audio windows without saying the overlap twice. The end of
 * one window's text and the start of the next are the same speech, heard twice; the longest run
 * of words the two share there (compared without case or punctuation) is where they join.
 * A window edge can cut a word, so the run may sit a word or two in from the edges; words past
 * it on either side are dropped, but only when the run is at least as long as what it drops,
 * so one common little word ("och") far from the edges never eats real text.
 */

/** How far into each text a shared run is looked for: more than 5 s of fast speech. */
export const DEFAULT_OVERLAP_WORDS = 24;

export function splitWords(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** What makes two words "the same" here: letters and digits, any case, any width. */
export function wordKey(word: string): string {
  return word
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface WordOverlap {
  /** Words of the earlier text kept: `[0, keepFromPrevious)`. */
  readonly keepFromPrevious: number;
  /** Words of the later text dropped from its start: `[0, skipFromNext)`. */
  readonly skipFromNext: number;
  /** Length of the shared run (0: the texts don't overlap and are simply joined). */
  readonly shared: number;
}

/** Where `next` continues `previous` (both as words). */
export function findWordOverlap(
  previous: readonly string[],
  next: readonly string[],
  maxWords = DEFAULT_OVERLAP_WORDS,
): WordOverlap {
  const tailStart = Math.max(0, previous.length - maxWords);
  const headEnd = Math.min(next.length, maxWords);
  const a = previous.slice(tailStart).map(wordKey);
  const b = next.slice(0, headEnd).map(wordKey);
  let best: WordOverlap = { keepFromPrevious: previous.length, skipFromNext: 0, shared: 0 };
  let bestDropped = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let run = 0;
      while (i + run < a.length && j + run < b.length && a[i + run] && a[i + run] === b[j + run])
        run++;
      if (run === 0) continue;
      const dropped = a.length - (i + run) + j;
      if (dropped > run) continue;
      if (run > best.shared || (run === best.shared && dropped < bestDropped)) {
        best = { keepFromPrevious: tailStart + i + run, skipFromNext: j + run, shared: run };
        bestDropped = dropped;
      }
    }
  }
  return best;
}

/** `previous` and `next` joined at their overlap, as words. */
export function mergeWords(
  previous: readonly string[],
  next: readonly string[],
  maxWords = DEFAULT_OVERLAP_WORDS,
): string[] {
  const { keepFromPrevious, skipFromNext } = findWordOverlap(previous, next, maxWords);
  return [...previous.slice(0, keepFromPrevious), ...next.slice(skipFromNext)];
}
