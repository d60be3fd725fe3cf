/** How far before a match (in characters) a context word counts. */
export const CONTEXT_WINDOW = 48;
/** How far after a match a context word counts ("070-123 45 67 (mobil)"). */
export const CONTEXT_WINDOW_AFTER = 16;
/** Confidence added when a context word is near. */
export const CONTEXT_BOOST = 0.15;

/** Above this length one scan of the whole text beats a slice per candidate. */
const INDEX_THRESHOLD = 4096;
const LETTER = /\p{L}/u;

/**
 * Answers "is one of these words near [start, end)?" for many spans of one text. Word starts
 * only, by prefix: "personnr", "personnumret" and "personnummer" all start "personn".
 * Short texts are checked by slicing; long ones are scanned once and answered by binary search.
 */
export class ContextFinder {
  readonly #text: string;
  readonly #words: readonly string[];
  #positions: number[] | undefined;

  constructor(text: string, words: readonly string[]) {
    this.#text = text;
    this.#words = words;
  }

  near(start: number, end: number): boolean {
    if (this.#words.length === 0) return false;
    if (this.#text.length <= INDEX_THRESHOLD)
      return hasContextWord(this.#text, start, end, this.#words);
    this.#positions ??= contextIndex.positions(this.#text, this.#words);
    const positions = this.#positions;
    // Any word starting in [start - window, start) or [end, end + window after)?
    return (
      hasPositionIn(positions, Math.max(0, start - CONTEXT_WINDOW), start) ||
      hasPositionIn(positions, end, end + CONTEXT_WINDOW_AFTER)
    );
  }
}

/**
 * One-off check for a single span. Same answer as the indexed path: a context word counts when
 * it starts inside the window and is not preceded by a letter.
 */
export function hasContextWord(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
): boolean {
  if (words.length === 0) return false;
  return words.some(
    (word) =>
      startsWithin(text, Math.max(0, start - CONTEXT_WINDOW), start, word) ||
      startsWithin(text, end, end + CONTEXT_WINDOW_AFTER, word),
  );
}

/** Does `word` (lower case) start at some p with from <= p < to, at a word start? */
function startsWithin(text: string, from: number, to: number, word: string): boolean {
  const haystack = text.slice(from, Math.min(text.length, to + word.length)).toLowerCase();
  let index = haystack.indexOf(word);
  while (index !== -1 && from + index < to) {
    const previous = from + index > 0 ? text[from + index - 1]! : ' ';
    if (!LETTER.test(previous)) return true;
    index = haystack.indexOf(word, index + 1);
  }
  return false;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every recogniser asks about its own context words; scanning a long text once per recogniser
 * would dominate detection time. This index scans once for the union of all words asked about
 * so far and keeps the result for the text most recently scanned (released after each detect).
 */
class SharedContextIndex {
  readonly #vocabulary = new Set<string>();
  /** For each word, the vocabulary words that are prefixes of it (itself included). */
  #prefixes = new Map<string, string[]>();
  #pattern: RegExp | undefined;
  #text: string | undefined;
  #byWord = new Map<string, number[]>();

  positions(text: string, words: readonly string[]): number[] {
    let grew = false;
    for (const word of words) {
      if (!this.#vocabulary.has(word)) {
        this.#vocabulary.add(word);
        grew = true;
      }
    }
    if (grew) this.#rebuildPattern();
    if (grew || this.#text !== text) this.#scan(text);
    const lists = words.map((word) => this.#byWord.get(word) ?? []);
    return lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b);
  }

  release(): void {
    this.#text = undefined;
    this.#byWord = new Map();
  }

  #rebuildPattern(): void {
    const words = [...this.#vocabulary].sort((a, b) => b.length - a.length);
    this.#pattern = new RegExp(`(?:${words.map(escapeRegExp).join('|')})`, 'giu');
    this.#prefixes = new Map(
      words.map((word) => [word, words.filter((other) => word.startsWith(other))]),
    );
  }

  #scan(text: string): void {
    const pattern = this.#pattern!;
    const byWord = new Map<string, number[]>();
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const index = match.index;
      // Step one character, not past the match, so a word starting inside another is found too.
      pattern.lastIndex = index + 1;
      if (index > 0 && LETTER.test(text[index - 1]!)) continue;
      for (const word of this.#prefixes.get(match[0].toLowerCase()) ?? []) {
        const list = byWord.get(word);
        if (list) list.push(index);
        else byWord.set(word, [index]);
      }
    }
    this.#text = text;
    this.#byWord = byWord;
  }
}

const contextIndex = new SharedContextIndex();

/** Drops the cached scan so a large text is not kept alive after detection. */
export function releaseContextIndex(): void {
  contextIndex.release();
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
