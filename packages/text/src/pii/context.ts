import type { DetectionContext } from './types.js';

/** How far before a match (in characters) a context word counts. */
export const CONTEXT_WINDOW = 48;
/** How far after a match a context word counts ("070-123 45 67 (mobil)"). */
export const CONTEXT_WINDOW_AFTER = 16;
/** Confidence added when a context word is near. */
export const CONTEXT_BOOST = 0.15;

/**
 * Swedish (and English) inflection endings a context word may carry and still count:
 * "ring" → ringer, ringde, ringa, ringt; "personnummer" → personnumret, personnumren;
 * "telefon" → telefonen, telefonnumret is its own word. Anything else glued on ("Ringvägen")
 * makes it a different word.
 */
const INFLECTION =
  '(?:arna|erna|orna|ande|ende|ens|ets|ers|are|ade|ad|at|ar|er|or|en|et|na|ne|de|da|te|ts|ns|es|e|a|t|s|n)?';

/**
 * How a context word is written in a recogniser:
 * - "ring" matches the whole word and its inflections (ringer, ringde), never "Ringvägen";
 * - "personn*" (trailing star) matches any word that starts so (personnr, personnumret);
 * - a word ending in a non-letter ("f.", "org.nr") or with a space ("nå mig") is literal.
 * Matching ignores case and needs a word start (no letter right before).
 */
export function contextWordSource(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('*')) return escapeRegExp(lower.slice(0, -1).trimEnd());
  const literal = escapeRegExp(lower.trimEnd()).replace(/ /g, '[\\s\\u00a0]+');
  if (!/\p{L}$/u.test(lower.trimEnd())) return literal;
  return `${literal}${INFLECTION}(?!\\p{L})`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One sticky regex per context word, compiled once per word for the life of the process. */
const wordPatterns = new Map<string, RegExp>();
function wordPattern(word: string): RegExp {
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    pattern = new RegExp(contextWordSource(word), 'iuy');
    wordPatterns.set(word, pattern);
  }
  return pattern;
}

const LETTER = /\p{L}/u;
const PREFIX_LENGTH = 3;

/** Does `word` stand at `index` (a word start) in `text`? */
export function contextWordAt(text: string, index: number, word: string): boolean {
  if (index > 0 && LETTER.test(text[index - 1]!)) return false;
  const pattern = wordPattern(word);
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** Positions (ascending) where any of `words` stands in `text`. One linear scan. */
export function contextPositions(text: string, words: readonly string[]): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  if (words.length === 0 || text.length === 0) return byWord;
  // A cheap first pass finds word starts with the first letters of some context word; only
  // the words sharing those letters are then tried there.
  const byPrefix = new Map<string, string[]>();
  for (const word of new Set(words)) {
    const prefix = word.toLowerCase().replace(/\*$/, '').slice(0, PREFIX_LENGTH);
    const group = byPrefix.get(prefix);
    if (group) group.push(word);
    else byPrefix.set(prefix, [word]);
  }
  const prefixes = [...byPrefix.keys()].sort((a, b) => b.length - a.length);
  const short = prefixes.filter((prefix) => prefix.length < PREFIX_LENGTH);
  const starts = new RegExp(`(?<!\\p{L})(?:${prefixes.map(escapeRegExp).join('|')})`, 'giu');
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    const index = match.index;
    starts.lastIndex = index + 1;
    const found = match[0].toLowerCase();
    // Shorter prefixes ("ab") may start where a longer one ("abc") matched.
    const candidates = [found, ...short.filter((p) => p !== found && found.startsWith(p))];
    for (const word of candidates.flatMap((prefix) => byPrefix.get(prefix) ?? [])) {
      if (!contextWordAt(text, index, word)) continue;
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  }
  return byWord;
}

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

  constructor(text: string, vocabulary: readonly string[]) {
    this.text = text;
    this.#vocabulary = vocabulary;
  }

  /** Sorted positions of these words; words outside the vocabulary are scanned on their own. */
  positions(words: readonly string[]): number[] {
    this.#byWord ??= contextPositions(this.text, this.#vocabulary);
    this.#known ??= new Set(this.#vocabulary);
    const known = this.#known;
    const missing = words.filter((word) => !known.has(word));
    const extra = missing.length > 0 ? contextPositions(this.text, missing) : undefined;
    const lists = words.map((word) => this.#byWord!.get(word) ?? extra?.get(word) ?? []);
    return lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b);
  }

  finder(words: readonly string[]): ContextFinder {
    return new ContextFinder(this.text, words, this);
  }

  contextFor(words: readonly string[]): ContextFinder {
    return this.finder(words);
  }
}

/**
 * Answers "is one of these words near [start, end)?" for many spans of one text: a word that
 * starts up to CONTEXT_WINDOW characters before the span or up to CONTEXT_WINDOW_AFTER after it.
 */
export class ContextFinder {
  readonly #text: string;
  readonly #words: readonly string[];
  readonly #index: ContextIndex | undefined;
  #positions: number[] | undefined;

  constructor(text: string, words: readonly string[], index?: ContextIndex) {
    this.#text = text;
    this.#words = words;
    this.#index = index?.text === text ? index : undefined;
  }

  positions(): readonly number[] {
    if (this.#words.length === 0) return [];
    this.#positions ??= this.#index
      ? this.#index.positions(this.#words)
      : [...contextPositions(this.#text, this.#words).values()].flat().sort((a, b) => a - b);
    return this.#positions;
  }

  near(start: number, end: number): boolean {
    if (this.#words.length === 0) return false;
    const positions = this.positions();
    return (
      hasPositionIn(positions, Math.max(0, start - CONTEXT_WINDOW), start) ||
      hasPositionIn(positions, end, end + CONTEXT_WINDOW_AFTER)
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
