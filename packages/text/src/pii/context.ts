/** How far before a match (in characters) a context word counts. */
export const CONTEXT_WINDOW = 48;
/** Confidence added when a context word is near. */
export const CONTEXT_BOOST = 0.15;

const LETTER = /\p{L}/u;

/**
 * True when one of `words` starts a word within the window before `start` (or just after `end`).
 * Prefix match on purpose: "personnr", "personnumret" and "personnummer" all start "personn".
 */
export function hasContextWord(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
): boolean {
  if (words.length === 0) return false;
  const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start).toLowerCase();
  const after = text.slice(end, Math.min(text.length, end + 16)).toLowerCase();
  return words.some((word) => containsWordStart(before, word) || containsWordStart(after, word));
}

function containsWordStart(haystack: string, word: string): boolean {
  let index = haystack.indexOf(word);
  while (index !== -1) {
    const previous = index > 0 ? haystack[index - 1]! : ' ';
    if (!LETTER.test(previous)) return true;
    index = haystack.indexOf(word, index + 1);
  }
  return false;
}
