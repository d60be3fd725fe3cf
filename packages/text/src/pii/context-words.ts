/**
 * How a context word is written and when it stands somewhere in a text. Shared by the one-pass
 * scan (context-scan.ts) and by recognisers that check a cue at a known position.
 */

/**
 * Swedish (and English) inflection endings a context word may carry and still count:
 * "ring" → ringer, ringde, ringa, ringt; "personnummer" → personnumret, personnumren;
 * "telefon" → telefonen, telefonnumret is its own word. Anything else glued on ("Ringvägen")
 * makes it a different word.
 */
const ENDINGS =
  'arna|erna|orna|ande|ende|ens|ets|ers|are|ade|ad|at|ar|er|or|en|et|na|ne|de|da|te|ts|ns|es|e|a|t|s|n';
const INFLECTION = `(?:${ENDINGS})?`;
export const ENDING_SET = new Set(ENDINGS.split('|'));
export const LONGEST_ENDING = 4;

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

export function escapeRegExp(value: string): string {
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

export const LETTER = /\p{L}/u;

/**
 * LETTER.test for one character, without the regex for ASCII (the scan asks this for almost
 * every character it looks at, and the unicode regex call dominated the context scan).
 */
export function isLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(char);
}

/** Does `word` stand at `index` (a word start) in `text`? */
export function contextWordAt(text: string, index: number, word: string): boolean {
  if (index > 0 && isLetter(text[index - 1]!)) return false;
  const pattern = wordPattern(word);
  pattern.lastIndex = index;
  return pattern.test(text);
}
