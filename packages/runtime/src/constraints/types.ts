/** The decoded text of every token id, as the constraint sees the vocabulary. */
export interface TokenVocabulary {
  /** The decoded text piece each token id contributes ('' for special tokens other than EOS). */
  readonly pieces: readonly string[];
  readonly eosTokenIds: readonly number[];
}

/** A grammar that says, step by step, which tokens may come next. */
export interface TokenConstraint {
  /** Fill `mask[id] = 1` for allowed next tokens, 0 otherwise (mask.length === vocabulary size). */
  allowedTokens(mask: Uint8Array): void;
  /** Record the chosen token; throws KlarError('invalid-input'…) if it was not allowed. */
  advance(tokenId: number): void;
  /** The JSON text so far is a complete valid document. */
  isComplete(): boolean;
  /** Generated JSON text so far. */
  text(): string;
}

/** What `createJsonSchemaConstraint` returns: a constraint plus what it could not enforce. */
export interface JsonSchemaConstraint extends TokenConstraint {
  /**
   * Parts of the schema that were NOT enforced (unsupported `pattern`, unknown `format`,
   * `multipleOf`…), one human-readable line each, with the JSON pointer of the schema part.
   * Empty means the output is guaranteed to validate against the schema.
   */
  readonly warnings: readonly string[];
}

export interface JsonSchemaConstraintOptions {
  /** Upper bound on any string value's length (characters) so generation terminates. Default 200. */
  readonly maxStringLength?: number;
  /** 'minimal' (default): one optional space after `:` and `,`. 'none': compact JSON only. */
  readonly whitespace?: 'none' | 'minimal';
}

/**
 * One piece of the document grammar. Sub-states are small non-negative integers (< 2^40) so the
 * whole parser state packs into one JS number: cloning is free and the trie walk allocates nothing.
 */
export interface Segment {
  /** Sub-state before the first character of this segment. */
  readonly start: number;
  /** Sub-state after `ch` (a code point), or -1 if `ch` can't continue this segment here. */
  step(sub: number, ch: number): number;
  /** The segment index this one hands over to if it may end at `sub`; -1 if not, DONE at the end. */
  next(sub: number): number;
}

/** `next()` value meaning "the document is complete". */
export const DONE = -2;
