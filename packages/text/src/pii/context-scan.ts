import {
  contextWordAt,
  ENDING_SET,
  escapeRegExp,
  isLetter,
  LETTER,
  LONGEST_ENDING,
} from './context-words.js';

/**
 * Positions (ascending) where any of `words` stands in `text`, in one pass. One native regex
 * finds word starts where some word's first letters follow (case-insensitive through character
 * classes, so the text is never lower-cased as a whole: on a long text that copy cost more than
 * the search); only there are the words of that first letter compared, char code by char code.
 */
export function contextPositions(text: string, words: readonly string[]): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  if (words.length === 0 || text.length === 0) return byWord;
  const { starts, byFirst } = scanner(words);
  starts.lastIndex = 0;
  while (starts.test(text)) {
    // The regex consumes the first character only (the rest is a lookahead).
    const index = starts.lastIndex - 1;
    if (index > 0 && isLetterCode(text.charCodeAt(index - 1))) continue; // a letter outside Latin
    for (const prepared of byFirst.get(lowerCode(text.charCodeAt(index))) ?? []) {
      if (!wordStandsAt(text, index, prepared)) continue;
      const list = byWord.get(prepared.word);
      if (list) list.push(index);
      else byWord.set(prepared.word, [index]);
    }
  }
  return byWord;
}

/** The word-start regex and the words by first letter for one vocabulary, built once. */
interface Scanner {
  readonly starts: RegExp;
  /** The words by the char code of their first letter (lower case). */
  readonly byFirst: Map<number, PreparedWord[]>;
}

/** A context word prepared once for fast checks on a lower-cased stretch of text. */
interface PreparedWord {
  readonly word: string;
  readonly kind: 'prefix' | 'literal' | 'inflected' | 'spaced';
  readonly key: string;
  /** What the start regex looks for: the key, or a spaced word's first part. */
  readonly head: string;
}

/**
 * Scanners by vocabulary (the words joined): the registry asks with the same words on every
 * detection, and building the regex each time cost more than the scan on short texts. Bounded
 * so recognisers made on the fly cannot grow it without end.
 */
const scanners = new Map<string, Scanner>();
const MAX_SCANNERS = 64;

/**
 * A frozen vocabulary array (the registry's, reused on every detection) finds its scanner
 * without joining the words; frozen, so it cannot have changed since.
 */
const scannersByArray = new WeakMap<readonly string[], Scanner>();

function scanner(words: readonly string[]): Scanner {
  if (!Object.isFrozen(words)) return scannerFor(words);
  const known = scannersByArray.get(words);
  if (known) return known;
  const built = scannerFor(words);
  scannersByArray.set(words, built);
  return built;
}

function scannerFor(words: readonly string[]): Scanner {
  const cacheKey = words.join('\u0000');
  const cached = scanners.get(cacheKey);
  if (cached) return cached;
  const all = [...new Set(words)].map(prepare).filter((prepared) => prepared.head.length > 0);
  const byFirst = new Map<number, PreparedWord[]>();
  const restsByFirst = new Map<string, Set<string>>();
  for (const prepared of all) {
    const first = prepared.head[0]!;
    const code = first.charCodeAt(0);
    byFirst.set(code, [...(byFirst.get(code) ?? []), prepared]);
    restsByFirst.set(first, (restsByFirst.get(first) ?? new Set()).add(prepared.head.slice(1)));
  }
  // Trie-like: consume the first letter, look ahead for the rest. Irregexp skips quickly to
  // positions with a possible first letter, and no match array is needed (test(), lastIndex).
  const alternatives = [...restsByFirst].map(
    ([first, rests]) =>
      `${caseless(first)}(?=${[...rests]
        .sort((a, b) => b.length - a.length)
        .map((rest) => [...rest].map(caseless).join(''))
        .join('|')})`,
  );
  const starts = new RegExp(
    `(?<![A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f])(?:${alternatives.join('|')})`,
    'g',
  );
  const built = { starts, byFirst };
  if (scanners.size >= MAX_SCANNERS) scanners.delete(scanners.keys().next().value!);
  scanners.set(cacheKey, built);
  return built;
}

/**
 * Characters that lower-case to this one, beyond its upper-case form: the Kelvin and Ångström
 * signs and capital sharp s (so the class matches exactly what `toLowerCase()` would fold).
 */
const OTHER_UPPER: Record<string, string> = { k: '\u212a', å: '\u212b', ß: '\u1e9e' };

/** A regex piece matching `char` (lower case) in any case, without the `i` flag. */
function caseless(char: string): string {
  const upper = char.toUpperCase();
  const variants = new Set([char]);
  if (upper.length === 1 && upper.toLowerCase() === char) variants.add(upper);
  const other = OTHER_UPPER[char];
  if (other) variants.add(other);
  if (variants.size === 1) return escapeRegExp(char);
  return `[${[...variants].join('')}]`;
}

function prepare(word: string): PreparedWord {
  const lower = word.toLowerCase();
  if (lower.endsWith('*')) {
    const key = lower.slice(0, -1).trimEnd();
    return { word, kind: 'prefix', key, head: key };
  }
  const key = lower.trimEnd();
  // A spaced word is searched by its first part; its own regex then checks the rest.
  if (key.includes(' ')) return { word, kind: 'spaced', key, head: key.split(' ')[0]! };
  const kind = LETTER.test(key[key.length - 1]!) ? 'inflected' : 'literal';
  return { word, kind, key, head: key };
}

/**
 * Same answer as contextWordAt for a word start, comparing char codes (lower-cased one by one)
 * instead of running a regex or lower-casing a copy of the text.
 */
function wordStandsAt(text: string, index: number, prepared: PreparedWord): boolean {
  const { head, key, kind } = prepared;
  if (index + head.length > text.length) return false;
  for (let offset = 0; offset < head.length; offset++) {
    if (lowerCode(text.charCodeAt(index + offset)) !== head.charCodeAt(offset)) return false;
  }
  if (kind === 'spaced') return contextWordAt(text, index, prepared.word); // spaces may vary
  if (kind !== 'inflected') return true;
  const after = index + key.length;
  let end = after;
  while (end < text.length && end - after <= LONGEST_ENDING && isLetterCode(text.charCodeAt(end)))
    end++;
  if (end === after) return true;
  if (end < text.length && isLetterCode(text.charCodeAt(end))) return false;
  return ENDING_SET.has(asciiLower(text, after, end));
}

/** The lower-case char code of one UTF-16 unit; -1 when it lower-cases to more than one. */
function lowerCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 0x20;
  if (code < 0x100) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : -1;
}

/** isLetter for one UTF-16 unit, without building a string for ASCII and Latin-1. */
function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  if (code < 0x100)
    return code >= 0xc0
      ? code !== 0xd7 && code !== 0xf7
      : code === 0xaa || code === 0xb5 || code === 0xba;
  return isLetter(String.fromCharCode(code));
}

/** text[from, to) lower-cased when it is ASCII (every ending is); '' otherwise. */
function asciiLower(text: string, from: number, to: number): string {
  let lower = '';
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return '';
    lower += String.fromCharCode(lowerCode(code));
  }
  return lower;
}
