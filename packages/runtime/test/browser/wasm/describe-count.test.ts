import { resolveConfig } from '../../../src/index.js';
import type { ModelManifest } from '../../../src/types.js';
import { WorkerEngine } from '../../../src/worker/worker-engine.js';
import { assert, assertEqual, assertRejects } from '../support/assert.js';
import {
  clearModelCache,
  fixtureClient,
  LM,
  PROMPT,
  servedModelFiles,
} from '../support/fixtures.js';

async function fixturesOnly(): Promise<ModelManifest> {
  const manifest = (await (await fetch('/models/manifest.json')).json()) as ModelManifest;
  return { ...manifest, models: manifest.models.filter((m) => m.role === 'fixture') };
}

describe('describe, countTokens and the runtime contract', () => {
  it('describe() tells size, backend and storage through download and use', async () => {
    await clearModelCache();
    const manifest = await fixturesOnly();
    const entry = manifest.models.find((m) => m.id === LM)!;
    const total = entry.files.reduce((sum, f) => sum + f.size, 0);
    const klar = fixtureClient({ backend: 'wasm', manifest });
    const before = await klar.describe('text-generation');
    assertEqual(
      [before.model, before.entry?.name, before.availability, before.backend, before.stored],
      [LM, entry.name, 'downloadable', 'wasm', false],
      'cold: the fixture LM, downloadable, on WASM, not stored',
    );
    assertEqual(
      [before.downloadBytes, before.totalBytes],
      [total, total],
      'sizes from the manifest',
    );
    assertEqual(before.loadedBackend, undefined, 'nothing loaded');
    await klar.load(LM);
    const after = await klar.describe('text-generation', LM);
    assertEqual(
      [
        after.availability,
        after.stored,
        after.downloadBytes,
        after.totalBytes,
        after.loadedBackend,
      ],
      ['available', true, 0, total, 'wasm'],
      'loaded: available, stored, nothing to download',
    );
    await klar.dispose();
    const fresh = fixtureClient({ backend: 'wasm', manifest });
    const stored = await fresh.describe('text-generation');
    assertEqual(
      [stored.availability, stored.stored, stored.downloadBytes, stored.loadedBackend],
      ['available', true, 0, undefined],
      'another client: stored in the cache, not loaded',
    );
    await fresh.clearCache();
    assertEqual(
      (await fresh.describe('text-generation')).availability,
      'downloadable',
      'deleted: downloadable again',
    );
    const missing = await fresh.describe('text-generation', 'no/such-model');
    assertEqual(
      [missing.availability, missing.reason],
      ['unavailable', 'model-not-found'],
      'unknown model',
    );
    await fresh.dispose();
  });

  it('countTokens() uses the real tokenizer and never fetches the weights', async () => {
    await clearModelCache();
    const klar = fixtureClient({ backend: 'wasm' });
    const served = (await servedModelFiles()).length;
    const counted = await klar.countTokens({ model: LM, text: PROMPT });
    const files = (await servedModelFiles()).slice(served);
    assert(files.length > 0, 'tokenizer files were fetched');
    assert(!files.some((f) => f.endsWith('.onnx')), `no weights fetched: ${files.join(', ')}`);
    assertEqual([counted.model, counted.contextLength], [LM, 1024], 'model and context');
    const messages = [
      { role: 'system' as const, content: 'Svara kort.' },
      { role: 'user' as const, content: PROMPT },
    ];
    const chat = await klar.countTokens({ model: LM, messages });
    const generated = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 1 });
    const chatGenerated = await klar.generate({ model: LM, messages, maxNewTokens: 1 });
    assertEqual(counted.tokens, generated.promptTokens, 'text: the count generation uses');
    assertEqual(chat.tokens, chatGenerated.promptTokens, 'messages: chat template included');
    assert(chat.tokens > counted.tokens, 'the template adds tokens');
    const longer = await klar.countTokens({ model: LM, text: `${PROMPT} ${PROMPT}` });
    assert(longer.tokens > counted.tokens, 'a longer text has more tokens');
    await assertRejects(klar.countTokens({ model: LM }), 'invalid-input', 'nothing to count');
    await klar.dispose();
  });

  it('input-too-long carries requested and quota in tokens', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const text = 'ord '.repeat(1200);
    const { tokens } = await klar.countTokens({ model: LM, text });
    const error = (await assertRejects(
      klar.generate({ model: LM, prompt: text, maxNewTokens: 100 }),
      'input-too-long',
      'too long',
    )) as Error & { details?: { requested?: number; quota?: number } };
    assertEqual(
      [error.details?.requested, error.details?.quota],
      [tokens, 1024 - 100],
      'requested = prompt tokens, quota = context minus the output budget',
    );
    await klar.dispose();
  });

  it('a task this build cannot run is refused before any model file is fetched', async () => {
    const manifest = await fixturesOnly();
    const lm = manifest.models.find((m) => m.id === LM)!;
    // A language-identification entry (a task this build can't run) whose files exist on the
    // server: only the refusal keeps them from being downloaded.
    const langId = { ...lm, id: 'fixtures/klar-tiny-llama', task: 'language-identification' };
    const klar = fixtureClient({
      backend: 'wasm',
      manifest: { ...manifest, models: [langId] } as ModelManifest,
    });
    await clearModelCache();
    const served = (await servedModelFiles()).length;
    assertEqual(await klar.availability('language-identification'), 'unavailable', 'availability');
    const described = await klar.describe('language-identification');
    assertEqual(
      [described.availability, described.reason, described.model],
      ['unavailable', 'unsupported-task', LM],
      'describe names the entry and the reason',
    );
    await assertRejects(klar.load(LM), 'unsupported-task', 'load');
    assertEqual(
      (await fixtureClient({ backend: 'wasm' }).describe('language-identification')).reason,
      'unsupported-task',
      'language identification with the real manifest',
    );
    assertEqual((await servedModelFiles()).length - served, 0, 'zero model-file requests');
    await klar.dispose();
  });

  it('a worker that dies mid-request rejects it with worker-crashed; the next request works', async () => {
    const engine = new WorkerEngine(
      resolveConfig({
        backend: 'wasm',
        modelBaseUrl: '/models/',
        manifest: '/models/manifest.json',
      }),
    );
    let crashed = false;
    const pending = engine.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 200 },
      {
        onToken: () => {
          if (crashed) return;
          crashed = true;
          engine.simulateCrash();
        },
      },
    );
    const also = engine.describe('text-generation', LM);
    await assertRejects(pending, 'worker-crashed', 'the request in flight');
    await also.then(
      () => undefined,
      (error: { code?: string }) => assertEqual(error.code, 'worker-crashed', 'other pending call'),
    );
    const next = await engine.generate({ model: LM, prompt: PROMPT, maxNewTokens: 4 });
    assertEqual(next.tokenIds.length, 4, 'a fresh worker answers the next request');
    await engine.dispose();
  });

  it('a worker that stops answering is replaced: the call rejects with worker-crashed, the next works', async () => {
    // A worker that never answers, as a hung or silently killed one would.
    const silent = new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })));
    // Read at every tick: short for the silent worker, generous for the fresh one, whose
    // start (loading transformers.js) takes seconds on a busy machine.
    const heartbeat = { intervalMs: 100, timeoutMs: 1_000 };
    const engine = new WorkerEngine(
      resolveConfig({
        backend: 'wasm',
        modelBaseUrl: '/models/',
        manifest: '/models/manifest.json',
      }),
      silent,
      heartbeat,
    );
    await assertRejects(engine.describe('text-generation', LM), 'worker-crashed', 'no heartbeat');
    heartbeat.timeoutMs = 120_000;
    const described = await engine.describe('text-generation', LM);
    assertEqual(described.model, LM, 'a fresh worker, initialised with the same config, answers');
    await engine.dispose();
  });
});
