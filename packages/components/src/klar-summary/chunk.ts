/**
 * Splits a long text into chunks that fit the model's context, at sentence boundaries.
 * `sentences` are spans of `text`; a sentence longer than the budget is cut at whitespace.
 */
export function chunkBySentences(
  text: string,
  sentences: readonly { start: number; end: number }[],
  maxChars: number,
): string[] {
  const chunks: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  for (const s of spans) {
    let sentence = text.slice(s.start, s.end).trim();
    while (sentence.length > maxChars) {
      push();
      const cut = sentence.lastIndexOf(' ', maxChars);
      const at = cut > maxChars / 2 ? cut : maxChars;
      chunks.push(sentence.slice(0, at).trim());
      sentence = sentence.slice(at).trim();
    }
    if (current.length + sentence.length + 1 > maxChars) push();
    current += (current ? ' ' : '') + sentence;
  }
  push();
  return chunks;
}

/** Characters of source text per chunk for a model with `contextTokens` of context. */
export function chunkBudget(contextTokens: number, maxNewTokens: number): number {
  // Prompt overhead ~200 tokens; Swedish averages about 3 characters per token (conservative).
  const tokens = Math.max(128, contextTokens - maxNewTokens - 200);
  return tokens * 3;
}
