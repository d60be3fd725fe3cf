import { DEFAULT_OVERLAP_WORDS, findWordOverlap, splitWords } from './word-overlap.js';

interface PlacedWord {
  readonly word: string;
  readonly window: number;
}

/**
 * The transcript of overlapping windows as it grows, and what of it may be shown yet.
 *
 * Streaming holds text back instead of correcting it: shown text never changes. While a window
 * is followed by another, its last `maxWords` words wait (the next window may repeat them), and
 * a new window's words wait until it has more than `maxWords` of them (by then where it joins
 * the earlier text is decided and can't move). The last window streams freely after that.
 */
export class WindowTranscript {
  readonly #maxWords: number;
  #merged: PlacedWord[] = [];
  #shown = '';

  constructor(maxWords = DEFAULT_OVERLAP_WORDS) {
    this.#maxWords = maxWords;
  }

  /** Everything settled so far (finished windows, joined). */
  get text(): string {
    return this.#merged.map((w) => w.word).join(' ');
  }

  /** The words each window contributed, in window order (missing windows: ''). */
  windowTexts(windows: number): string[] {
    const texts: string[][] = Array.from({ length: windows }, () => []);
    for (const { word, window } of this.#merged) texts[window]?.push(word);
    return texts.map((t) => t.join(' '));
  }

  /**
   * Window `window`'s text so far (or in full when `done`); `last` when no window follows.
   * Returns the newly showable text ('' when nothing new may be shown yet).
   */
  update(window: number, text: string, { done, last }: { done: boolean; last: boolean }): string {
    const words = splitWords(text);
    const settled = done || words.length > this.#maxWords || this.#merged.length === 0;
    let candidate: PlacedWord[];
    if (!settled) {
      candidate = this.#merged.slice(0, Math.max(0, this.#merged.length - this.#maxWords));
    } else {
      const { keepFromPrevious, skipFromNext } = findWordOverlap(
        this.#merged.map((w) => w.word),
        words,
        this.#maxWords,
      );
      candidate = [
        ...this.#merged.slice(0, keepFromPrevious),
        ...words.slice(skipFromNext).map((word) => ({ word, window })),
      ];
    }
    if (done) this.#merged = candidate;
    // Unsettled, the candidate already stops before the earlier text's undecided tail.
    const showable =
      last || !settled
        ? candidate
        : candidate.slice(0, Math.max(0, candidate.length - this.#maxWords));
    const next = showable.map((w) => w.word).join(' ');
    // Shown text only grows. (If a retried window came out differently, the rest waits for
    // the result, whose text is authoritative.)
    if (next.length <= this.#shown.length || !next.startsWith(this.#shown)) return '';
    const delta = next.slice(this.#shown.length);
    this.#shown = next;
    return delta;
  }
}
