// Property tests: random form schemas, random allowed tokens → always valid JSON for the schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PreTrainedTokenizer } from '@huggingface/transformers';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import {
  buildTokenVocabulary,
  createJsonSchemaConstraint,
  type TokenVocabulary,
} from '../src/constraints/index.js';
import { isKlarError } from '../src/errors.js';
import { prng, randomRun, realisticVocabulary } from './constraint-fixtures.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

const PATTERNS = [
  '^\\d{3} ?\\d{2}$', // postnummer
  '^\\d{6}-\\d{4}$', // personnummer
  '^(19|20)?\\d{6}[-+]?\\d{4}$',
  '^[A-ZÅÄÖ][a-zåäö]+( [A-ZÅÄÖ][a-zåäö]+)*$',
  '^(ja|nej|kanske)$',
  '^\\+46 ?\\d{2,3}[- ]?\\d{5,8}$',
  '^[^@"]{2,5}$',
  'gatan', // unanchored: must contain it
  '^[0-9]{2,4}(-[0-9]+)?$',
  '^SE\\d{10}01$|^\\d{10}$',
];
const WORDS = ['Stockholm', 'Göteborg', 'Malmö', 'ja', 'nej', 'Östersund', 'a', 'ab', 'say "hi"'];

const bounds = fc
  .tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 0, max: 5000 }))
  .map(([lo, width]) => ({ minimum: lo, maximum: lo + width }));

const property: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record(
    {
      type: fc.constant('string'),
      maxLength: fc.integer({ min: 3, max: 30 }),
      minLength: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: ['type'] },
  ),
  fc
    .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
    .map((e) => ({ enum: e })),
  fc
    .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
    .map((e) => ({ type: 'string', enum: e })),
  fc.constant({ type: 'string', format: 'date' }),
  fc.constant({ type: 'string', format: 'email', maxLength: 40 }),
  fc.constantFrom(...PATTERNS).map((pattern) => ({ type: 'string', pattern })),
  fc
    .record({ type: fc.constant('integer'), b: fc.option(bounds) })
    .map(({ b }) => ({ type: 'integer', ...b })),
  fc
    .record({ type: fc.constant('number'), b: fc.option(bounds) })
    .map(({ b }) => ({ type: 'number', ...b })),
  fc.constant({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 }),
  fc.constant({ type: 'number', minimum: -1.5, maximum: 2.25 }),
  fc.constant({ type: 'boolean' }),
  fc
    .record({
      items: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
      unique: fc.boolean(),
      min: fc.integer({ min: 0, max: 1 }),
      max: fc.option(fc.integer({ min: 1, max: 4 })),
    })
    .map(({ items, unique, min, max }) => ({
      type: 'array',
      items: { type: 'string', enum: items },
      uniqueItems: unique,
      minItems: min,
      ...(max === null ? {} : { maxItems: max }),
    })),
  fc.constant({ type: ['string', 'null'], maxLength: 8 }),
  fc.constant({
    type: 'object',
    properties: {
      gata: { type: 'string', maxLength: 5 },
      nr: { type: 'integer', minimum: 1, maximum: 200 },
    },
    required: ['gata'],
  }),
);

const NAMES = [
  'namn',
  'ålder',
  'e-post',
  'postnummer',
  'född',
  'kommun',
  'a',
  'b',
  'x"y',
  'slash/key',
];
const formSchema = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), property, fc.boolean()), {
    minLength: 0,
    maxLength: 6,
    selector: ([name]) => name,
  })
  .map((entries) => ({
    type: 'object',
    properties: Object.fromEntries(entries.map(([name, schema]) => [name, schema])),
    required: entries.filter(([, , req]) => req).map(([name]) => name),
    additionalProperties: false,
  }));

function check(
  schema: Record<string, unknown>,
  vocabulary: TokenVocabulary,
  seed: number,
  whitespace: 'none' | 'minimal',
) {
  const constraint = createJsonSchemaConstraint(schema, vocabulary, {
    whitespace,
    maxStringLength: 40,
  });
  assert.deepEqual(constraint.warnings, []);
  const { text } = randomRun(constraint, vocabulary, prng(seed));
  assert.ok(constraint.isComplete());
  const value: unknown = JSON.parse(text);
  const validate = ajv.compile(schema);
  assert.ok(
    validate(value),
    `${text}\n${JSON.stringify(validate.errors)}\n${JSON.stringify(schema)}`,
  );
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (whitespace === 'none') assert.doesNotMatch(outsideStrings, /\s/);
  else assert.doesNotMatch(outsideStrings, /\s\s|[{\s]\s|\s[}:,]/);
}

describe('json-schema constraint: random forms × random tokens', () => {
  it('always produces JSON that validates (realistic vocabulary)', () => {
    const vocabulary = realisticVocabulary();
    fc.assert(
      fc.property(
        formSchema,
        fc.integer(),
        fc.constantFrom('none' as const, 'minimal' as const),
        (schema, seed, ws) => {
          for (let run = 0; run < 3; run++) check(schema, vocabulary, seed + run, ws);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('also holds for a real byte-level BPE tokenizer (tiny fixture)', () => {
    const dir = new URL('../../../models/fixtures/klar-tiny-llama/', import.meta.url);
    const read = (f: string) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
    const tokenizer = new PreTrainedTokenizer(
      read('tokenizer.json'),
      read('tokenizer_config.json'),
    );
    const vocabulary = buildTokenVocabulary(tokenizer);
    assert.equal(vocabulary.pieces.length, 512);
    assert.deepEqual(vocabulary.eosTokenIds, [tokenizer.eos_token_id]);
    assert.ok(vocabulary.pieces.includes(' för'), 'leading spaces survive decoding');
    assert.ok(!vocabulary.pieces.some((p) => p.includes('\uFFFD')), 'partial UTF-8 bytes excluded');
    let spelled = 0;
    fc.assert(
      fc.property(formSchema, fc.integer(), (schema, seed) => {
        try {
          check(schema, vocabulary, seed, 'minimal');
          spelled++;
        } catch (error) {
          // Ö, for one, exists only as two byte pieces in this 512-token vocabulary.
          if (!isKlarError(error, 'invalid-input') || !/can't spell/.test(error.message))
            throw error;
        }
      }),
      { numRuns: 100 },
    );
    assert.ok(spelled > 50);
  });
});
