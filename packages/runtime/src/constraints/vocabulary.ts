import type { TokenVocabulary } from './types.js';

/** What `buildTokenVocabulary` needs from a transformers.js `PreTrainedTokenizer`. */
export interface DecodingTokenizer {
  decode(
    ids: number[],
    options?: { skip_special_tokens?: boolean; clean_up_tokenization_spaces?: boolean },
  ): string;
  get_vocab(): Map<string, number> | Record<string, number>;
  readonly all_special_ids?: readonly number[];
  readonly eos_token_id?: number | null;
}

export interface BuildVocabularyOptions {
  /** Logits length when the model's embedding is larger than the tokenizer (padding rows). */
  readonly vocabularySize?: number;
  /** EOS ids, e.g. from generation_config.json; default: the tokenizer's eos_token_id. */
  readonly eosTokenIds?: readonly number[];
}

const REPLACEMENT = '\uFFFD';

/**
 * Decodes every token id to the text it adds. Each id is decoded after a fixed anchor token
 * ("a") and the anchor's text is cut off, because SentencePiece decoders drop a leading space
 * when a token is decoded alone.
 *
 * Byte-level tokens that are incomplete UTF-8 decode to U+FFFD: they get '' and are never
 * allowed. Characters the vocabulary only has as byte pieces therefore can't be generated;
 * common text (Swedish included) is covered by whole-character tokens in BPE vocabularies.
 * Special tokens other than EOS also get ''.
 */
export function buildTokenVocabulary(
  tokenizer: DecodingTokenizer,
  options: BuildVocabularyOptions = {},
): TokenVocabulary {
  const vocab = tokenizer.get_vocab();
  const entries: Iterable<number> = vocab instanceof Map ? vocab.values() : Object.values(vocab);
  let size = 0;
  for (const id of entries) size = Math.max(size, id + 1);
  size = Math.max(size, options.vocabularySize ?? 0);
  const eos =
    options.eosTokenIds ?? (tokenizer.eos_token_id != null ? [tokenizer.eos_token_id] : []);
  const special = new Set(tokenizer.all_special_ids ?? []);
  const decodeArgs = { skip_special_tokens: false, clean_up_tokenization_spaces: false };
  const anchorId = vocab instanceof Map ? vocab.get('a') : vocab.a;
  const anchor = anchorId === undefined ? '' : tokenizer.decode([anchorId], decodeArgs);
  const pieces: string[] = new Array<string>(size).fill('');
  for (let id = 0; id < size; id++) {
    if (special.has(id) || eos.includes(id)) continue;
    let piece: string;
    try {
      if (anchorId === undefined) piece = tokenizer.decode([id], decodeArgs);
      else {
        const both = tokenizer.decode([anchorId, id], decodeArgs);
        piece = both.startsWith(anchor)
          ? both.slice(anchor.length)
          : tokenizer.decode([id], decodeArgs);
      }
    } catch {
      piece = ''; // ids past the tokenizer's table (embedding padding)
    }
    pieces[id] = piece.includes(REPLACEMENT) ? '' : piece;
  }
  return { pieces, eosTokenIds: [...eos] };
}
