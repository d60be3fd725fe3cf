import { segmentSentences } from '@klar/text';

/** Counts the tokens of a piece of text (with the model's tokenizer in production). */
export type MeasureTokens = (text: string) => Promise<number>;

/**
 * Splits `text` into parts of at most `budget` tokens each, at sentence boundaries, measuring
 * every sentence with `measure`. A sentence longer than the budget is cut between words. Parts
 * keep the text's order; paragraph breaks between sentences become single spaces only inside
 * a part.
 */
export async function splitByTokens(
  text: string,
  measure: MeasureTokens,
  budget: number,
): Promise<string[]> {
  if (budget < 1) throw new RangeError('splitByTokens: the budget must be at least one token.');
  const sentences = segmentSentences(text).map((s) => s.text);
  const pieces: { text: string; tokens: number }[] = [];
  const counts = await Promise.all(sentences.map((s) => measure(s)));
  for (const [i, sentence] of sentences.entries()) {
    const tokens = counts[i]!;
    if (tokens <= budget) pieces.push({ text: sentence, tokens });
    else pieces.push(...(await cutBetweenWords(sentence, measure, budget)));
  }
  const parts: string[] = [];
  let current: string[] = [];
  let used = 0;
  for (const piece of pieces) {
    // One token for the space that joins two sentences.
    const cost = piece.tokens + (current.length ? 1 : 0);
    if (current.length && used + cost > budget) {
      parts.push(current.join(' '));
      current = [];
      used = 0;
    }
    used += current.length ? piece.tokens + 1 : piece.tokens;
    current.push(piece.text);
  }
  if (current.length) parts.push(current.join(' '));
  return parts;
}

/** Cuts an over-long sentence into word runs that each fit the budget (halving, then measuring). */
async function cutBetweenWords(
  sentence: string,
  measure: MeasureTokens,
  budget: number,
): Promise<{ text: string; tokens: number }[]> {
  const tokens = await measure(sentence);
  if (tokens <= budget || sentence.length < 2) return [{ text: sentence, tokens }];
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length < 2) {
    // One enormous "word" (a URL, a hash): cut by characters in proportion to the budget.
    const size = Math.max(1, Math.floor((sentence.length * budget) / tokens) - 1);
    const out: { text: string; tokens: number }[] = [];
    for (let at = 0; at < sentence.length; at += size)
      out.push(...(await cutBetweenWords(sentence.slice(at, at + size), measure, budget)));
    return out;
  }
  const middle = Math.ceil(words.length / 2);
  return [
    ...(await cutBetweenWords(words.slice(0, middle).join(' '), measure, budget)),
    ...(await cutBetweenWords(words.slice(middle).join(' '), measure, budget)),
  ];
}
