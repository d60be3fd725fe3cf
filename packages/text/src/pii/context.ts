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
const ENDINGS =
  'arna|erna|orna|ande|ende|ens|ets|ers|are|ade|ad|at|ar|er|or|en|et|na|ne|de|da|te|ts|ns|es|e|a|t|s|n';
const INFLECTION = `(?:${ENDINGS})?`;
const ENDING_SET = new Set(ENDINGS.split('|'));
const LONGEST_ENDING = 4;

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

/**
 * LETTER.test for one character, without the regex for ASCII (the scan asks this for almost
 * every character it looks at, and the unicode regex call dominated the context scan).
 */
function isLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(char);
}
const PREFIX_LENGTH = 3;

/** Does `word` stand at `index` (a word start) in `text`? */
export function contextWordAt(text: string, index: number, word: string): boolean {
  if (index > 0 && isLetter(text[index - 1]!)) return false;
  const pattern = wordPattern(word);
  pattern.lastIndex = index;
  return pattern.test(text);
}

/**
 * Positions (ascending) where any of `words` stands in `text`, in one pass: the text is
 * lower-cased once, and at each word start the next one to three letters are looked up among
 * the words' beginnings; only there is a word itself tried. (One case-insensitive regex
 * alternation, or an indexOf per word, costs several times more on long texts.)
 */
export function contextPositions(text: string, words: readonly string[]): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  if (words.length === 0 || text.length === 0) return byWord;
  const lower = text.toLowerCase();
  // Lower-casing may change the length (rare letters such as "İ"); then use the regex path.
  const sameLength = lower.length === text.length;
  const { starts, closure } = scanner(words);
  const source = sameLength ? lower : text.toLowerCase();
  starts.lastIndex = 0;
  for (let match = starts.exec(source); match; match = starts.exec(source)) {
    const index = match.index;
    starts.lastIndex = index + 1;
    if (index > 0 && isLetter(source[index - 1]!)) continue;
    for (const prepared of closure.get(match[0]) ?? []) {
      const stands = sameLength
        ? wordStandsAt(text, lower, index, prepared)
        : contextWordAt(text, index, prepared.word);
      if (!stands) continue;
      const list = byWord.get(prepared.word);
      if (list) list.push(index);
      else byWord.set(prepared.word, [index]);
    }
  }
  return byWord;
}

/** The word-start regex and prefix groups for one vocabulary, built once and reused. */
interface Scanner {
  readonly starts: RegExp;
  readonly closure: Map<string, PreparedWord[]>;
}

/**
 * Scanners by vocabulary (the words joined): the registry asks with the same words on every
 * detection, and building the regex and prefix groups each time cost more than the scan on
 * short texts. Bounded so recognisers made on the fly cannot grow it without end.
 */
const scanners = new Map<string, Scanner>();
const MAX_SCANNERS = 64;

function scanner(words: readonly string[]): Scanner {
  const key = words.join('\u0000');
  const cached = scanners.get(key);
  if (cached) return cached;
  const byPrefix = new Map<string, PreparedWord[]>();
  for (const word of new Set(words)) {
    const prepared = prepare(word);
    const prefix = prepared.key.slice(0, PREFIX_LENGTH);
    const group = byPrefix.get(prefix);
    if (group) group.push(prepared);
    else byPrefix.set(prefix, [prepared]);
  }
  // One native regex pass over the lower-cased text finds word starts that begin like some
  // context word (no unicode flag: Latin letters bound the word; others are checked below).
  const starts = new RegExp(
    `(?<![a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f])(?:${[...byPrefix.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})`,
    'g',
  );
  // The alternation is longest first, so every other prefix standing here is a prefix of the
  // match: look those up once instead of trying every prefix at every match.
  const closure = new Map<string, PreparedWord[]>();
  for (const prefix of byPrefix.keys()) {
    closure.set(
      prefix,
      [...byPrefix].filter(([other]) => prefix.startsWith(other)).flatMap(([, group]) => group),
    );
  }
  const built = { starts, closure };
  if (scanners.size >= MAX_SCANNERS) scanners.delete(scanners.keys().next().value!);
  scanners.set(key, built);
  return built;
}

/** A context word prepared once for fast checks on the lower-cased text. */
interface PreparedWord {
  readonly word: string;
  readonly kind: 'prefix' | 'literal' | 'inflected' | 'spaced';
  readonly key: string;
}

function prepare(word: string): PreparedWord {
  const lower = word.toLowerCase();
  if (lower.endsWith('*')) return { word, kind: 'prefix', key: lower.slice(0, -1).trimEnd() };
  const key = lower.trimEnd();
  if (key.includes(' ')) return { word, kind: 'spaced', key };
  return { word, kind: LETTER.test(key[key.length - 1]!) ? 'inflected' : 'literal', key };
}

/**
 * Same answer as contextWordAt for a word start, with string operations on the lower-cased
 * text instead of a regex per try (the regex path cost ~15 µs a try on a loaded machine).
 */
function wordStandsAt(text: string, lower: string, index: number, prepared: PreparedWord): boolean {
  const { key, kind } = prepared;
  if (kind === 'spaced') return contextWordAt(text, index, prepared.word); // spaces may vary
  if (!lower.startsWith(key, index)) return false;
  if (kind !== 'inflected') return true;
  const after = index + key.length;
  let end = after;
  while (end < lower.length && end - after <= LONGEST_ENDING && isLetter(lower[end]!)) end++;
  if (end === after) return true;
  if (end < lower.length && isLetter(lower[end]!)) return false;
  return ENDING_SET.has(lower.slice(after, end));
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

  /** Each word's sorted positions; words outside the vocabulary are scanned on their own. */
  lists(words: readonly string[]): number[][] {
    this.#byWord ??= contextPositions(this.text, this.#vocabulary);
    this.#known ??= new Set(this.#vocabulary);
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
