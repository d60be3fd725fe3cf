import type { PreTrainedTokenizer } from '@huggingface/transformers';
import {
  buildTokenVocabulary,
  createJsonSchemaConstraint,
  type TokenVocabulary,
} from '../constraints/index.js';
import type { GenerationConstraint } from '../types.js';

/** The generation loop's view of a constraint. */
export interface ConstraintPolicy {
  readonly vocabularySize: number;
  readonly allowed: (mask: Uint8Array) => void;
  advance(tokenId: number): void;
  isComplete(): boolean;
  /** Schema rules the constraint could not enforce (checked again after generation). */
  readonly warnings: readonly string[];
}

// Decoding every token of a real vocabulary takes a while: do it once per tokenizer.
const vocabularies = new WeakMap<PreTrainedTokenizer, TokenVocabulary>();

export function createConstraintPolicy(
  tokenizer: PreTrainedTokenizer,
  constraint: GenerationConstraint,
  eosTokenIds: readonly number[],
): ConstraintPolicy {
  let vocabulary = vocabularies.get(tokenizer);
  if (!vocabulary) {
    vocabulary = buildTokenVocabulary(tokenizer, eosTokenIds.length ? { eosTokenIds } : {});
    vocabularies.set(tokenizer, vocabulary);
  }
  const tokens = createJsonSchemaConstraint(constraint.schema, vocabulary);
  return {
    vocabularySize: vocabulary.pieces.length,
    allowed: (mask) => tokens.allowedTokens(mask),
    advance: (tokenId) => tokens.advance(tokenId),
    isComplete: () => tokens.isComplete(),
    warnings: tokens.warnings,
  };
}
