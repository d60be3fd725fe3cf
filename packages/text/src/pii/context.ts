import { contextPositions } from './context-scan.js';
import type { DetectionContext } from './types.js';

export { contextPositions } from './context-scan.js';
export { contextWordAt, contextWordSource } from './context-words.js';

/** How far before a match (in characters) a context word counts. */
export const CONTEXT_WINDOW = 48;
/** How far after a match a context word counts ("070-123 45 67 (mobil)"). */
export const CONTEXT_WINDOW_AFTER = 16;
/** Confidence added when a context word is near. */
export const CONTEXT_BOOST = 0.15;

/**
 * The context words of one detection: the registry builds one per `detect()` call, scans the
 * text once (lazily) for every recogniser's words and drops it afterwards. No state outlives
 * the call, so registries and calls never share anything.
 */
export class ContextIndex implements DetectionContext {
  readonly text: string;
  readonly #vocabulary: readonly string[];
  #byWord: Map<string, number[]> | undefined;
  #known: Set<string> | undefined;
  readonly #listsByWords = new Map<readonly string[], number[][]>();

  constructor(text: string, vocabulary: readonly string[]) {
    this.text = text;
    this.#vocabulary = vocabulary;
  }

  /** Each word's sorted positions; words outside the vocabulary are scanned on their own. */
  lists(words: readonly string[]): number[][] {
    // Each recogniser asks with its own constant array, twice per detection (detect, boost).
    let lists = this.#listsByWords.get(words);
    if (!lists) {
      lists = this.#listsFor(words);
      this.#listsByWords.set(words, lists);
    }
    return lists;
  }

  #listsFor(words: readonly string[]): number[][] {
    this.#byWord ??= contextPositions(this.text, this.#vocabulary);
    this.#known ??= knownWords(this.#vocabulary);
    const known = this.#known;
    const missing = words.filter((word) => !known.has(word));
    const extra = missing.length > 0 ? contextPositions(this.text, missing) : undefined;
    return words
      .map((word) => this.#byWord!.get(word) ?? extra?.get(word) ?? [])
      .filter((list) => list.length > 0);
  }

  finder(words: readonly string[]): ContextFinder {
    return new ContextFinder(this.text, words, this);
  }

  contextFor(words: readonly string[]): ContextFinder {
    return this.finder(words);
  }
}

/** The vocabulary as a set, built once per frozen vocabulary array (the registry's). */
const knownSets = new WeakMap<readonly string[], Set<string>>();
function knownWords(vocabulary: readonly string[]): Set<string> {
  if (!Object.isFrozen(vocabulary)) return new Set(vocabulary);
  let known = knownSets.get(vocabulary);
  if (!known) {
    known = new Set(vocabulary);
    knownSets.set(vocabulary, known);
  }
  return known;
}

/**
 * Answers "is one of these words near [start, end)?" for many spans of one text: a word that
 * starts up to CONTEXT_WINDOW characters before the span or up to CONTEXT_WINDOW_AFTER after it.
 */
export class ContextFinder {
  readonly #text: string;
  readonly #words: readonly string[];
  readonly #index: ContextIndex | undefined;
  #lists: number[][] | undefined;
  #merged: number[] | undefined;

  constructor(text: string, words: readonly string[], index?: ContextIndex) {
    this.#text = text;
    this.#words = words;
    this.#index = index?.text === text ? index : undefined;
  }

  #byWord(): number[][] {
    if (this.#lists) return this.#lists;
    if (this.#index) this.#lists = this.#index.lists(this.#words);
    else
      this.#lists = [...contextPositions(this.#text, this.#words).values()].filter(
        (list) => list.length > 0,
      );
    return this.#lists;
  }

  /** Where the words stand, merged and ascending. */
  positions(): readonly number[] {
    if (this.#merged) return this.#merged;
    const lists = this.#byWord();
    this.#merged = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b);
    return this.#merged;
  }

  near(start: number, end: number): boolean {
    if (this.#words.length === 0) return false;
    // One binary search per word: no merged list is built just to answer "near?".
    const from = Math.max(0, start - CONTEXT_WINDOW);
    const to = end + CONTEXT_WINDOW_AFTER;
    return this.#byWord().some(
      (positions) => hasPositionIn(positions, from, start) || hasPositionIn(positions, end, to),
    );
  }
}

/** One-off check for a single span (same answer as ContextFinder). */
export function hasContextWord(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
): boolean {
  return new ContextFinder(text, words).near(start, end);
}

/** True when some position p satisfies from <= p < to (positions sorted ascending). */
function hasPositionIn(positions: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (positions[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low < positions.length && positions[low]! < to;
}
