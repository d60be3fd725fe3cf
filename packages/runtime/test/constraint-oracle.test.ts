// The trie walk (with its fast paths) against advance(), and completability at the edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createJsonSchemaConstraint, type TokenVocabulary } from '../src/constraints/index.js';
import { isKlarError } from '../src/errors.js';
import { allowed, feed, prng, realisticVocabulary, vocab } from './constraint-fixtures.js';

describe('allowedTokens agrees with advance()', () => {
  it('for every token at every step of random runs (fast paths included)', () => {
    const v = realisticVocabulary();
    const schemas = [
      { type: 'string', maxLength: 6 },
      {
        type: 'object',
        properties: {
          a: { type: 'string', maxLength: 4 },
          b: { type: 'string', pattern: '^\\d{2} ?x$' },
        },
      },
      {
        type: 'object',
        properties: {
          n: { type: 'number', minimum: -3, maximum: 40 },
          e: { enum: ['ja', 'nej', null] },
        },
      },
      { type: 'array', items: { enum: ['ja', 'nej', 1, 12] }, uniqueItems: true, minItems: 1 },
    ];
    for (const [i, schema] of schemas.entries()) {
      for (let seed = 0; seed < 4; seed++) {
        const c = createJsonSchemaConstraint(schema, v);
        const history: number[] = [];
        const rnd = prng(seed * 10 + i);
        const mask = new Uint8Array(v.pieces.length);
        while (!c.isComplete() || rnd() < 0.5) {
          c.allowedTokens(mask);
          for (let id = 0; id < v.pieces.length; id++) {
            const probe = createJsonSchemaConstraint(schema, v);
            for (const h of history) probe.advance(h);
            let ok = true;
            try {
              probe.advance(id);
            } catch {
              ok = false;
            }
            assert.equal(
              mask[id] === 1,
              ok,
              `${JSON.stringify(c.text())} + ${JSON.stringify(v.pieces[id])}`,
            );
          }
          const options = [...mask.keys()].filter((id) => mask[id] === 1 && id !== 0);
          if (options.length === 0) break;
          const id = options[Math.floor(rnd() * options.length)]!;
          c.advance(id);
          history.push(id);
        }
      }
    }
  });
});

describe('completability', () => {
  it('after a backslash only escape letters may follow', () => {
    const v: TokenVocabulary = {
      pieces: ['', '"', '\\', '\\n', 'a', 'n', 'u', '/'],
      eosTokenIds: [0],
    };
    const c = createJsonSchemaConstraint({ type: 'string' }, v);
    c.advance(1);
    c.advance(2);
    assert.deepEqual(allowed(c, v).sort(), ['"', '/', '\\', '\\n', 'n']); // \\n: escaped \ then n
  });

  it('keeps every state completable with single characters (pattern + length)', () => {
    const v = vocab();
    // Only "aaa…" strings of length 3, 6 or 9 match and fit maxLength 10.
    const c = createJsonSchemaConstraint({ type: 'string', pattern: '^(aaa)+$', maxLength: 10 }, v);
    feed(c, v, '"', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a');
    assert.deepEqual(allowed(c, v), ['"']); // a tenth `a` could never be closed
    assert.throws(
      () => createJsonSchemaConstraint({ type: 'string', format: 'date', maxLength: 9 }, v),
      (e) => isKlarError(e, 'invalid-input') && /length bounds/.test(e.message),
    );
  });
});
