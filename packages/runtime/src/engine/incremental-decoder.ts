/**
 * Decodes a growing token sequence in O(1) per token instead of re-decoding everything.
 * Each step decodes only the new tokens plus one anchor token before them, and drops the
 * anchor's text: SentencePiece-style tokenizers strip a leading space from the first token
 * of a decode, and the anchor keeps that space. Falls back to a full decode if the anchor's
 * text is not a prefix (tokenizers that merge across the boundary). A token's text alone
 * never changes, so the anchor's is remembered: one decode per token instead of two.
 */
export class IncrementalDecoder {
  readonly #decode: (ids: readonly number[]) => string;
  readonly #single = new Map<number, string>();
  #settledText = '';
  #settledCount = 0;

  constructor(decode: (ids: readonly number[]) => string) {
    this.#decode = decode;
  }

  /** The full text of `tokens`, which must extend the tokens of the previous call. */
  text(tokens: readonly number[]): string {
    const anchor = this.#settledCount - 1;
    let text: string;
    if (anchor < 0) {
      text = this.#decode(tokens);
    } else {
      const withAnchor = this.#decode(tokens.slice(anchor));
      const anchorText = this.#alone(tokens[anchor]!);
      text = withAnchor.startsWith(anchorText)
        ? this.#settledText + withAnchor.slice(anchorText.length)
        : this.#decode(tokens);
    }
    // Text ending in half a multi-byte character is not settled: decode it again next time.
    if (!text.endsWith('\uFFFD')) {
      this.#settledText = text;
      this.#settledCount = tokens.length;
    }
    return text;
  }

  #alone(id: number): string {
    let text = this.#single.get(id);
    if (text === undefined) {
      text = this.#decode([id]);
      this.#single.set(id, text);
    }
    return text;
  }
}
