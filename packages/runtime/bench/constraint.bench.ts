// ms per step of allowedTokens + advance over whole random generations. Prints; never asserts.
import { performance } from 'node:perf_hooks';
import { createJsonSchemaConstraint, type TokenVocabulary } from '../src/constraints/index.js';
import { gpt2LikeVocabulary, prng, syntheticVocabulary } from '../test/constraint-fixtures.js';

const form = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 60 },
    personnummer: { type: 'string', pattern: '^\\d{6}-\\d{4}$' },
    postnummer: { type: 'string', pattern: '^\\d{3} ?\\d{2}$' },
    email: { type: 'string', format: 'email', maxLength: 60 },
    born: { type: 'string', format: 'date' },
    kommun: { enum: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Östersund'] },
    children: { type: 'integer', minimum: 0, maximum: 20 },
    income: { type: 'number', minimum: 0, maximum: 10000000 },
    consent: { type: 'boolean' },
    message: { type: 'string', maxLength: 200 },
  },
  required: ['name', 'personnummer', 'email', 'consent', 'message'],
} as const;

function bench(label: string, vocabulary: TokenVocabulary): void {
  let t = performance.now();
  createJsonSchemaConstraint(form, vocabulary); // builds and caches the vocabulary trie
  const trieMs = performance.now() - t;
  t = performance.now();
  createJsonSchemaConstraint(form, vocabulary);
  const compileMs = performance.now() - t;
  const rnd = prng(7);
  const mask = new Uint8Array(vocabulary.pieces.length);
  const times: number[] = [];
  let inFreeString = 0;
  for (let run = 0; run < 3; run++) {
    const c = createJsonSchemaConstraint(form, vocabulary);
    while (!c.isComplete()) {
      const s = performance.now();
      c.allowedTokens(mask);
      let count = 0;
      for (let id = 0; id < mask.length; id++) count += mask[id]!;
      let k = Math.floor(rnd() * count);
      let pick = 0;
      for (let id = 0; id < mask.length; id++) if (mask[id] === 1 && k-- === 0) pick = id;
      c.advance(pick);
      times.push(performance.now() - s);
      if (count > vocabulary.pieces.length / 2) inFreeString++;
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(
    `${label}: ${vocabulary.pieces.length} tokens; trie ${trieMs.toFixed(0)} ms once, compile ${compileMs.toFixed(1)} ms; ` +
      `${times.length} steps (${inFreeString} in free text): mean ${mean.toFixed(2)} ms/step, p50 ${p(0.5)}, p95 ${p(0.95)}, max ${p(1)}`,
  );
}

bench('synthetic 150k', syntheticVocabulary(150_000));
bench('GPT-2-like 50k', gpt2LikeVocabulary());
