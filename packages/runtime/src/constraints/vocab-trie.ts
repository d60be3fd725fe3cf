import type { TokenVocabulary } from './types.js';

/**
 * A character trie over every non-empty, non-EOS piece, in preorder: node i's first child is
 * i + 1 and its next sibling is `end[i]`, so pruning a rejected subtree is one jump. Node 0 is
 * the root. Built once per vocabulary object and cached.
 */
export interface VocabTrie {
  /** Code point on the edge into node i (unused for the root). */
  readonly char: Int32Array;
  /** One past the last node of node i's subtree. */
  readonly end: Int32Array;
  /** Depth of node i (the root is 0): lets walks scan the preorder array without recursion. */
  readonly depth: Int32Array;
  readonly maxDepth: number;
  /** Token ids whose piece ends at node i: `ids[tokStart[i]] … ids[tokStart[i + 1] - 1]`. */
  readonly tokStart: Int32Array;
  readonly ids: Int32Array;
  readonly size: number;
  /** Code points that some token spells alone: what liveness (completability) may rely on. */
  readonly singles: ReadonlySet<number>;
  readonly eos: Int32Array;
}

const cache = new WeakMap<TokenVocabulary, VocabTrie>();

export function vocabTrie(vocabulary: TokenVocabulary): VocabTrie {
  let trie = cache.get(vocabulary);
  if (!trie) {
    trie = buildTrie(vocabulary);
    cache.set(vocabulary, trie);
  }
  return trie;
}

function buildTrie(vocabulary: TokenVocabulary): VocabTrie {
  const eos = new Set(vocabulary.eosTokenIds);
  const byPiece = new Map<string, number[]>();
  const singles = new Set<number>();
  vocabulary.pieces.forEach((piece, id) => {
    if (piece === '' || eos.has(id)) return;
    const list = byPiece.get(piece);
    if (list) list.push(id);
    else byPiece.set(piece, [id]);
  });
  // UTF-16 order groups pieces by common code point prefix, which is all the build needs.
  const sorted = [...byPiece.keys()].sort();
  let nodes = 1;
  for (const p of sorted) nodes += p.length; // upper bound (code points <= code units)
  const char = new Int32Array(nodes);
  const end = new Int32Array(nodes);
  const depth = new Int32Array(nodes);
  let maxDepth = 0;
  const tokCount = new Int32Array(nodes + 1);
  const order: number[][] = [];
  const stack: number[] = [0]; // node per depth; stack[d] is the node at depth d
  let count = 1;
  let prev: number[] = [];
  for (const piece of sorted) {
    const cps = Array.from(piece, (c) => c.codePointAt(0)!);
    if (cps.length === 1) singles.add(cps[0]!);
    let common = 0;
    while (common < prev.length && common < cps.length && prev[common] === cps[common]) common++;
    while (stack.length > common + 1) end[stack.pop()!] = count;
    for (let d = common; d < cps.length; d++) {
      char[count] = cps[d]!;
      depth[count] = d + 1;
      stack.push(count++);
    }
    maxDepth = Math.max(maxDepth, cps.length);
    const node = stack[stack.length - 1]!;
    const ids = byPiece.get(piece)!;
    tokCount[node] = ids.length;
    order.push(ids);
    prev = cps;
  }
  while (stack.length > 0) end[stack.pop()!] = count;
  // Token ranges follow node order because each piece's node is created when the piece is seen.
  const tokStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) tokStart[i + 1] = tokStart[i]! + tokCount[i]!;
  const ids = new Int32Array(tokStart[count]!);
  let k = 0;
  for (const list of order) for (const id of list) ids[k++] = id;
  return {
    char: char.subarray(0, count),
    end: end.subarray(0, count),
    depth: depth.subarray(0, count),
    maxDepth,
    tokStart,
    ids,
    size: count,
    singles,
    eos: Int32Array.from(eos),
  };
}
