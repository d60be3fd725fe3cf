/**
 * OVIX word-variation index: log(W) / log(2 − log(U) / log(W)), with W words and U unique words
 * (case-insensitive). Undefined when there are fewer than two words or every word is unique
 * (the denominator is log(1) = 0); we return null then rather than Infinity.
 */
export function ovix(words: readonly string[]): number | null {
  const total = words.length;
  if (total < 2) return null;
  const unique = new Set(words.map((word) => word.toLocaleLowerCase('sv'))).size;
  const denominator = Math.log(2 - Math.log(unique) / Math.log(total));
  if (denominator <= 0 || !Number.isFinite(denominator)) return null;
  return Math.log(total) / denominator;
}
