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
  // Prompt overhead ~200 tokens. Real instruct models take 3–4 characters of Swedish per token,
  // small tokenizers about 2; start at 2.5 and split further if the runtime says input-too-long.
  const tokens = Math.max(128, contextTokens - maxNewTokens - 200);
  return Math.floor(tokens * 2.5);
}

/** Splits a chunk into two halves at the sentence boundary (or space) nearest its middle. */
export function splitInTwo(chunk: string): [string, string] {
  const middle = Math.floor(chunk.length / 2);
  const candidates = [...chunk.matchAll(/[.!?]\s+/g)].map((m) => m.index + m[0].length);
  const spaces = [...chunk.matchAll(/\s+/g)].map((m) => m.index);
  const pool = candidates.length ? candidates : spaces;
  const at = pool.reduce(
    (best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best),
    pool[0] ?? middle,
  );
  const cut = at > 0 && at < chunk.length ? at : middle;
  return [chunk.slice(0, cut).trim(), chunk.slice(cut).trim()];
}
