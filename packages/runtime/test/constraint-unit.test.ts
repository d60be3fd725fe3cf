// Exact behaviour of the constraint on small hand-made vocabularies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createJsonSchemaConstraint, type TokenVocabulary } from '../src/constraints/index.js';
import { isKlarError } from '../src/errors.js';
import {
  allowed,
  feed,
  prng,
  randomRun,
  realisticVocabulary,
  vocab,
} from './constraint-fixtures.js';

/** Every complete document the grammar allows (the language is finite), by breadth-first search. */
function enumerate(schema: Record<string, unknown>, v: TokenVocabulary, limit = 5000): string[] {
  const out: string[] = [];
  const queue: string[][] = [[]];
  while (queue.length > 0 && out.length < limit) {
    const path = queue.shift()!;
    const c = createJsonSchemaConstraint(schema, v, { whitespace: 'none' });
    feed(c, v, ...path);
    for (const p of allowed(c, v)) {
      if (p === '<eos>') out.push(path.join(''));
      else queue.push([...path, p]);
    }
  }
  return out;
}

describe('json-schema constraint', () => {
  it('emits properties in schema order and allows EOS only when complete', () => {
    const v = vocab(['{"', '":', '"}', 'true']);
    const c = createJsonSchemaConstraint(
      {
        type: 'object',
        properties: { a: { type: 'boolean' }, b: { type: 'boolean' } },
        required: ['b'],
      },
      v,
      { whitespace: 'none' },
    );
    assert.deepEqual(allowed(c, v).sort(), ['{', '{"']);
    feed(c, v, '{"');
    assert.deepEqual(allowed(c, v).sort(), ['a', 'b']); // a is optional, b comes next
    feed(c, v, 'a', '":', 'true');
    assert.deepEqual(allowed(c, v), [',']);
    feed(c, v, ',', '"', 'b', '":', 'f', 'a', 'l', 's');
    assert.equal(c.isComplete(), false);
    assert.deepEqual(allowed(c, v), ['e']);
    feed(c, v, 'e');
    assert.deepEqual(allowed(c, v), ['}']);
    feed(c, v, '}');
    assert.ok(c.isComplete());
    assert.deepEqual(allowed(c, v), ['<eos>']);
    c.advance(0);
    assert.equal(c.text(), '{"a":true,"b":false}');
    assert.deepEqual(allowed(c, v), []);
  });

  it('rejects a disallowed token with invalid-input and keeps its state', () => {
    const v = vocab(['{"', '"}']);
    const c = createJsonSchemaConstraint(
      { type: 'object', properties: { n: { type: 'integer' } } },
      v,
    );
    feed(c, v, '{"', 'n', '"', ':');
    for (const bad of ['"', 'x', '"}']) {
      assert.throws(
        () => feed(c, v, bad),
        (e) => isKlarError(e, 'invalid-input'),
      );
    }
    assert.throws(
      () => c.advance(0),
      (e) => isKlarError(e, 'invalid-input'),
    ); // EOS too early
    assert.equal(c.text(), '{"n":');
    feed(c, v, '4', '2', '}');
    assert.equal(c.text(), '{"n":42}');
  });

  it('offers only enum continuations', () => {
    const v = vocab(['"Stock', 'holm', 'hol', 'Malmö"']);
    const c = createJsonSchemaConstraint({ enum: ['Stockholm', 'Stockhult', 'Malmö'] }, v);
    assert.deepEqual(
      allowed(c, v).sort(),
      ['"', '"Stock', 'Malmö"'.slice(0, 0) || '"Stock'].slice(0, 2),
    );
    feed(c, v, '"Stock');
    assert.deepEqual(allowed(c, v).sort(), ['h', 'hol', 'holm']);
    feed(c, v, 'h', 'u');
    assert.deepEqual(allowed(c, v), ['l']);
    const all = enumerate({ enum: ['Stockholm', 'Stockhult', 'Malmö', 1, 12, null] }, vocab());
    assert.deepEqual(all.sort(), ['"Malmö"', '"Stockholm"', '"Stockhult"', '1', '12', 'null']);
  });

  it('escapes: \\" \\\\ \\n allowed, raw control characters and \\u never', () => {
    const v = vocab(['\\n', '\\"', '\\\\', '\\u00e5', '\n', '\t', 'a"', '"}']);
    const c = createJsonSchemaConstraint({ type: 'string' }, v);
    feed(c, v, '"');
    const ok = allowed(c, v);
    for (const p of ['\\n', '\\"', '\\\\', '\\', 'a"']) assert.ok(ok.includes(p), p);
    for (const p of ['\\u00e5', '\n', '\t', '"}']) assert.ok(!ok.includes(p), JSON.stringify(p));
    feed(c, v, '\\"', 'x', '\\n', '\\', '\\', 'a"');
    assert.ok(c.isComplete());
    assert.equal(JSON.parse(c.text()), '"x\n\\a');
  });

  it('counts decoded characters for maxLength and minLength', () => {
    const v = vocab(['\\n']);
    const c = createJsonSchemaConstraint({ type: 'string', minLength: 2, maxLength: 3 }, v);
    feed(c, v, '"', 'a');
    assert.ok(!allowed(c, v).includes('"'), 'too short to close');
    feed(c, v, '\\n', 'ö');
    assert.deepEqual(allowed(c, v), ['"']);
  });

  it('caps strings at maxStringLength so generation ends', () => {
    const v = realisticVocabulary();
    const c = createJsonSchemaConstraint({ type: 'string' }, v, { maxStringLength: 12 });
    const { text } = randomRun(c, v, prng(1));
    assert.ok([...JSON.parse(text)].length <= 12);
  });

  it('integers: exactly the values in [minimum, maximum], no leading zeros, no -0', () => {
    const all = enumerate({ type: 'integer', minimum: -12, maximum: 7 }, vocab());
    const expected = Array.from({ length: 20 }, (_, i) => String(i - 12));
    assert.deepEqual(all.sort(), expected.sort());
    const excl = enumerate(
      { type: 'integer', exclusiveMinimum: 98, exclusiveMaximum: 103 },
      vocab(),
    );
    assert.deepEqual(excl.sort(), ['100', '101', '102', '99']);
  });

  it('numbers stay within fractional bounds', () => {
    const v = realisticVocabulary();
    for (let seed = 0; seed < 200; seed++) {
      const c = createJsonSchemaConstraint({ type: 'number', minimum: -1.5, maximum: 2.25 }, v);
      const { text } = randomRun(c, v, prng(seed));
      const n = JSON.parse(text) as number;
      assert.ok(n >= -1.5 && n <= 2.25, text);
    }
  });

  it('patterns: postnummer', () => {
    const all = enumerate({ type: 'string', pattern: '^1\\d{0,1} ?2$' }, vocab());
    assert.deepEqual(
      all.sort(),
      [
        '"1 2"',
        ...Array.from({ length: 10 }, (_, d) => [`"1${d} 2"`, `"1${d}2"`]).flat(),
        '"12"',
      ].sort(),
    );
  });

  it('nullable properties may be null; optional ones may be omitted', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: ['string', 'null'], maxLength: 0 }, b: { type: 'boolean' } },
      required: ['a'],
    };
    const all = enumerate(schema, vocab());
    assert.deepEqual(
      all.sort(),
      [
        '{"a":""}',
        '{"a":"","b":false}',
        '{"a":"","b":true}',
        '{"a":null}',
        '{"a":null,"b":false}',
        '{"a":null,"b":true}',
      ].sort(),
    );
  });

  it('minimal whitespace: one optional space after : and ,', () => {
    const v = vocab(['": "', ', "']);
    const c = createJsonSchemaConstraint(
      { type: 'object', properties: { a: { const: 1 }, b: { const: 2 } }, required: ['a', 'b'] },
      v,
    );
    feed(c, v, '{', '"', 'a', '"', ':');
    assert.deepEqual(allowed(c, v).sort(), [' ', '1']);
    feed(c, v, ' ', '1', ', "', 'b', '"', ':', '2', '}');
    assert.equal(c.text(), '{"a": 1, "b":2}');
  });

  it('throws a clear error when the vocabulary lacks needed characters', () => {
    const noDigits: TokenVocabulary = {
      pieces: ['', '{', '}', '"', ':', ',', 'a', 'n'],
      eosTokenIds: [0],
    };
    assert.throws(
      () =>
        createJsonSchemaConstraint(
          { type: 'object', properties: { n: { type: 'integer' } } },
          noDigits,
        ),
      (e) => isKlarError(e, 'invalid-input') && /digits/.test(e.message),
    );
    const noQ: TokenVocabulary = { pieces: ['', '{', '}', '"', ':', ',', 'a'], eosTokenIds: [0] };
    assert.throws(
      () => createJsonSchemaConstraint({ type: 'object', properties: { q: { const: 'a' } } }, noQ),
      (e) =>
        isKlarError(e, 'invalid-input') && /missing single-character tokens: .*q/.test(e.message),
    );
  });

  it('unsupported parts: warnings for unenforced rules, errors for structures', () => {
    const v = vocab();
    const c = createJsonSchemaConstraint(
      {
        type: 'object',
        properties: {
          a: { type: 'string', pattern: '(?=x)' },
          b: { type: 'string', format: 'uri' },
          c: { type: 'number', multipleOf: 5 },
        },
      },
      v,
    );
    assert.equal(c.warnings.length, 3);
    assert.match(c.warnings[0]!, /^\/properties\/a: pattern .* is not enforced/);
    assert.throws(
      () => createJsonSchemaConstraint({ type: 'array' }, v),
      (e) => isKlarError(e, 'invalid-input'),
    );
    assert.throws(
      () => createJsonSchemaConstraint({ anyOf: [] }, v),
      (e) => isKlarError(e, 'invalid-input'),
    );
  });

  it('caches the vocabulary trie and builds a 150k vocabulary constraint quickly', () => {
    const v = realisticVocabulary();
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) createJsonSchemaConstraint({ type: 'boolean' }, v);
    assert.ok(performance.now() - t0 < 1000);
  });

  it('arrays of enum values: min/max items, uniqueItems', () => {
    const unique = enumerate(
      {
        type: 'array',
        items: { enum: ['a', 'b', 'c'] },
        uniqueItems: true,
        minItems: 1,
        maxItems: 2,
      },
      vocab(),
    );
    const expected = ['a', 'b', 'c'].flatMap((x) => [
      `["${x}"]`,
      ...['a', 'b', 'c'].filter((y) => y !== x).map((y) => `["${x}","${y}"]`),
    ]);
    assert.deepEqual(unique.sort(), expected.sort());
    const numbers = enumerate({ type: 'array', items: { enum: [1, 12] }, maxItems: 2 }, vocab());
    assert.deepEqual(
      numbers.sort(),
      ['[1,12]', '[12,1]', '[12,12]', '[12]', '[1,1]', '[1]', '[]'].sort(),
    );
    const v = vocab();
    const c = createJsonSchemaConstraint(
      { type: 'array', items: { enum: [1, 12] }, uniqueItems: true },
      v,
      { whitespace: 'none' },
    );
    feed(c, v, '[', '1', '2', ',');
    assert.deepEqual(allowed(c, v), ['1']);
    feed(c, v, '1');
    assert.deepEqual(allowed(c, v), [']']); // 12 is taken, so `1` can't grow into it
  });
});
