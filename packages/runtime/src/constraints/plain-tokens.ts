import type { TokenVocabulary } from './types.js';
import { type VocabTrie, vocabTrie } from './vocab-trie.js';

/** May `cp` appear unescaped in a JSON string we generate? (No controls, U+FFFD, lone surrogates.) */
export function isRawStringChar(cp: number): boolean {
  return cp >= 0x20 && cp !== 0xfffd && (cp < 0xd800 || cp > 0xdfff);
}

/**
 * The vocabulary split for free-text strings: tokens made only of characters a string takes as
 * they are (no `"` or `\`) are listed by length, so "any text up to n more characters" is a
 * prefix of `ids`; every other piece goes into a small trie that is walked as usual.
 */
export interface PlainTokens {
  /** Ids of plain tokens, shortest first. */
  readonly ids: Int32Array;
  /** upTo[n]: how many of `ids` are at most n code points long (n ≤ upTo.length - 1). */
  readonly upTo: Int32Array;
  readonly rest: VocabTrie;
}

const cache = new WeakMap<TokenVocabulary, PlainTokens>();

export function plainTokens(vocabulary: TokenVocabulary): PlainTokens {
  let split = cache.get(vocabulary);
  if (!split) {
    split = build(vocabulary);
    cache.set(vocabulary, split);
  }
  return split;
}

function build(vocabulary: TokenVocabulary): PlainTokens {
  const eos = new Set(vocabulary.eosTokenIds);
  const byLength: number[][] = [];
  const rest = vocabulary.pieces.map((piece, id) => {
    if (piece === '' || eos.has(id)) return piece;
    let n = 0;
    for (const c of piece) {
      const cp = c.codePointAt(0)!;
      if (!isRawStringChar(cp) || cp === 0x22 || cp === 0x5c) return piece;
      n++;
    }
    const list = byLength[n];
    if (list) list.push(id);
    else byLength[n] = [id];
    return '';
  });
  const upTo = new Int32Array(byLength.length);
  const ids: number[] = [];
  for (let n = 0; n < byLength.length; n++) {
    for (const id of byLength[n] ?? []) ids.push(id);
    upTo[n] = ids.length;
  }
  return {
    ids: Int32Array.from(ids),
    upTo,
    rest: vocabTrie({ pieces: rest, eosTokenIds: vocabulary.eosTokenIds }),
  };
}
