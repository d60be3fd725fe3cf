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

const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `mean ${mean.toFixed(2)}, p50 ${at(0.5).toFixed(2)}, p95 ${at(0.95).toFixed(2)}, max ${at(1).toFixed(2)}`;
};

/** Whole random generations of the form: every step is allowedTokens + pick + advance. */
function bench(label: string, vocabulary: TokenVocabulary): void {
  let t = performance.now();
  createJsonSchemaConstraint(form, vocabulary); // builds and caches the vocabulary tries
  const trieMs = performance.now() - t;
  t = performance.now();
  createJsonSchemaConstraint(form, vocabulary);
  const compileMs = performance.now() - t;
  const rnd = prng(7);
  const mask = new Uint8Array(vocabulary.pieces.length);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 3; run++) {
    const c = createJsonSchemaConstraint(form, vocabulary);
    while (!c.isComplete()) {
      const s = performance.now();
      const u = process.cpuUsage();
      c.allowedTokens(mask);
      cpu.push(ms(process.cpuUsage(u)));
      wall.push(performance.now() - s);
      let count = 0;
      for (let id = 0; id < mask.length; id++) count += mask[id]!;
      let k = Math.floor(rnd() * count);
      let pick = 0;
      for (let id = 0; id < mask.length; id++) if (mask[id] === 1 && k-- === 0) pick = id;
      c.advance(pick);
    }
  }
  console.log(
    `${label}: ${vocabulary.pieces.length} tokens; tries ${trieMs.toFixed(0)} ms once per vocabulary, schema compile ${compileMs.toFixed(1)} ms`,
  );
  console.log(
    `  allowedTokens over ${wall.length} steps of 3 random form fills: wall ms/step ${stats(wall)}`,
  );
  console.log(`  ${' '.repeat(43 + String(wall.length).length)}cpu  ms/step ${stats(cpu)}`);
  // The heaviest states: most of the vocabulary is allowed.
  for (const [name, schema, prefix] of [
    ['free text, 1st char', { type: 'string', maxLength: 200 }, ['"']],
    ['email local part', { type: 'string', format: 'email', maxLength: 60 }, ['"', 'a']],
    [
      'name pattern',
      { type: 'string', pattern: "^[A-ZÅÄÖ][a-zåäö'-]+( [A-ZÅÄÖ][a-zåäö'-]+)*$" },
      ['"', 'A'],
    ],
  ] as const) {
    const c = createJsonSchemaConstraint(schema, vocabulary);
    for (const p of prefix) c.advance(vocabulary.pieces.indexOf(p));
    const w: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      const c0 = process.cpuUsage();
      c.allowedTokens(mask);
      u.push(ms(process.cpuUsage(c0)));
      w.push(performance.now() - s);
    }
    let allowed = 0;
    for (let id = 0; id < mask.length; id++) allowed += mask[id]!;
    const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(2);
    console.log(
      `  worst-case state "${name}" (${allowed} allowed): wall p50 ${p50(w)} ms, cpu p50 ${p50(u)} ms`,
    );
  }
}

bench('synthetic 150k', syntheticVocabulary(150_000));
bench('GPT-2-like 50k', gpt2LikeVocabulary());
