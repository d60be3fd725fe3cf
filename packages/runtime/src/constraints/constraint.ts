import { KlarError } from '../errors.js';
import type { JsonSchema } from '../types.js';
import { compileGrammar, type Grammar } from './compile.js';
import { type PlainTokens, plainTokens } from './plain-tokens.js';
import { StringSegment } from './string-segment.js';
import {
  DONE,
  type JsonSchemaConstraint,
  type JsonSchemaConstraintOptions,
  type TokenVocabulary,
} from './types.js';
import { type VocabTrie, vocabTrie } from './vocab-trie.js';

/** State = segment * SUB + sub-state: one number, so the trie walk allocates nothing. */
const SUB = 2 ** 40;

/**
 * Constrain generation to JSON documents that satisfy `schema` (see README.md for the subset).
 * Compiling is per call; the vocabulary's character trie is built once per vocabulary object.
 */
export function createJsonSchemaConstraint(
  schema: JsonSchema,
  vocabulary: TokenVocabulary,
  options: JsonSchemaConstraintOptions = {},
): JsonSchemaConstraint {
  const trie = vocabTrie(vocabulary);
  const grammar = compileGrammar(schema, trie.singles, options);
  if (grammar.segments.length >= 2 ** 13) {
    throw new KlarError('invalid-input', 'JSON schema is too large for constrained decoding.');
  }
  return new SchemaConstraint(grammar, trie, vocabulary);
}

class SchemaConstraint implements JsonSchemaConstraint {
  readonly warnings: readonly string[];
  private state: number;
  private finished = false;
  private readonly chunks: string[] = [];
  private readonly eos: ReadonlySet<number>;
  /** freeStrings[segment] = 1 for strings without pattern/format (the fast path applies). */
  private readonly freeStrings: Uint8Array;
  private readonly plain: PlainTokens;

  constructor(
    private readonly grammar: Grammar,
    private readonly trie: VocabTrie,
    private readonly vocabulary: TokenVocabulary,
  ) {
    this.warnings = grammar.warnings;
    this.eos = new Set(vocabulary.eosTokenIds);
    this.plain = plainTokens(vocabulary);
    this.freeStrings = Uint8Array.from(grammar.segments, (s) =>
      s instanceof StringSegment && s.free ? 1 : 0,
    );
    const first = grammar.segments[grammar.start]!;
    this.state = grammar.start * SUB + first.start;
  }

  allowedTokens(mask: Uint8Array): void {
    mask.fill(0);
    if (this.finished) return;
    if (this.isComplete()) for (const id of this.trie.eos) mask[id] = 1;
    this.walk(this.trie, 0, this.state, mask);
  }

  advance(tokenId: number): void {
    if (this.finished) reject(tokenId, 'generation already ended with EOS');
    if (this.eos.has(tokenId)) {
      if (!this.isComplete()) reject(tokenId, 'EOS before the JSON document is complete');
      this.finished = true;
      return;
    }
    const piece = this.vocabulary.pieces[tokenId];
    if (!piece) reject(tokenId, 'unknown or empty token');
    let state = this.state;
    for (const c of piece) {
      state = this.step(state, c.codePointAt(0)!);
      if (state < 0)
        reject(
          tokenId,
          `${JSON.stringify(piece)} does not fit the schema after ${JSON.stringify(this.text())}`,
        );
    }
    this.state = state;
    this.chunks.push(piece);
  }

  isComplete(): boolean {
    const seg = Math.floor(this.state / SUB);
    return this.grammar.segments[seg]!.next(this.state - seg * SUB) === DONE;
  }

  text(): string {
    return this.chunks.join('');
  }

  /** Marks every token below `node` whose characters the grammar accepts from `state`. */
  private walk(trie: VocabTrie, node: number, state: number, mask: Uint8Array): void {
    const { char, end, tokStart, ids } = trie;
    const seg = Math.floor(state / SUB);
    const sub = state - seg * SUB;
    const segment = this.grammar.segments[seg];
    if (segment instanceof StringSegment && segment.isPlain(sub)) {
      const fallback = (t: VocabTrie, child: number, at: number) => {
        const next = this.step(seg * SUB + at, t.char[child]!);
        if (next < 0) return;
        for (let k = t.tokStart[child]!, last = t.tokStart[child + 1]!; k < last; k++)
          mask[t.ids[k]!] = 1;
        if (t.end[child]! > child + 1) this.walk(t, child, next, mask);
      };
      if (node === 0 && trie === this.trie && this.freeStrings[seg] === 1) {
        // Free text: plain tokens by length, then only the pieces with quotes or backslashes.
        const { ids: plain, upTo } = this.plain;
        const count = upTo[Math.min(segment.room(sub), upTo.length - 1)] ?? 0;
        for (let k = 0; k < count; k++) mask[plain[k]!] = 1;
        segment.walkInside(this.plain.rest, 0, sub, mask, fallback);
      } else segment.walkInside(trie, node, sub, mask, fallback);
      return;
    }
    const stop = end[node]!;
    for (let child = node + 1; child < stop; child = end[child]!) {
      const next = this.step(state, char[child]!);
      if (next < 0) continue;
      for (let t = tokStart[child]!, last = tokStart[child + 1]!; t < last; t++) mask[ids[t]!] = 1;
      if (end[child]! > child + 1) this.walk(trie, child, next, mask);
    }
  }

  /** One character: continue the current segment, or end it and start the next one. */
  private step(state: number, ch: number): number {
    const segments = this.grammar.segments;
    const seg = Math.floor(state / SUB);
    const sub = state - seg * SUB;
    const current = segments[seg]!;
    const r = current.step(sub, ch);
    if (r >= 0) return seg * SUB + r;
    const follow = current.next(sub);
    if (follow < 0) return -1;
    const following = segments[follow]!;
    const r2 = following.step(following.start, ch);
    return r2 < 0 ? -1 : follow * SUB + r2;
  }
}

function reject(tokenId: number, why: string): never {
  throw new KlarError('invalid-input', `Token ${tokenId} is not allowed here: ${why}.`, {
    tokenId,
  });
}
