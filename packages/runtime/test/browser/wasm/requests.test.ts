import { assert, assertEqual, assertRejects } from '../support/assert.js';
import { fixtureClient, LM, NER, PROMPT } from '../support/fixtures.js';

describe('requests and errors', () => {
  const klar = fixtureClient({ backend: 'wasm' });
  after(() => klar.dispose());

  it('seeded sampling is reproducible', async () => {
    const request = {
      model: LM,
      prompt: PROMPT,
      maxNewTokens: 12,
      sampling: { temperature: 1.2, topK: 50, seed: 42 },
    };
    const a = await klar.generate(request);
    const b = await klar.generate(request);
    const c = await klar.generate({ ...request, sampling: { ...request.sampling, seed: 7 } });
    const greedy = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 12 });
    assertEqual(a.tokenIds, b.tokenIds, 'same seed, same tokens');
    assert(JSON.stringify(a.tokenIds) !== JSON.stringify(c.tokenIds), 'another seed, other tokens');
    assert(
      JSON.stringify(a.tokenIds) !== JSON.stringify(greedy.tokenIds),
      'sampling differs from greedy',
    );
  });

  it('stop strings end generation and are left out', async () => {
    const full = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 24 });
    const stop = full.text.slice(6, 9);
    assert(stop.trim().length > 0, 'fixture text long enough to cut');
    const streamed: string[] = [];
    const cut = await klar.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 24, stop: [stop] },
      { onToken: (c) => streamed.push(c.text) },
    );
    assertEqual(cut.finishReason, 'stop', 'finish reason');
    assertEqual(
      cut.text,
      full.text.slice(0, full.text.indexOf(stop)),
      'text ends before the stop string',
    );
    assertEqual(streamed.join(''), cut.text, 'the stop string was never streamed');
  });

  it('chat messages use the model chat template', async () => {
    const result = await klar.generate({
      model: LM,
      messages: [{ role: 'user', content: 'Hej' }],
      maxNewTokens: 4,
    });
    const raw = await klar.generate({ model: LM, prompt: 'Hej', maxNewTokens: 4 });
    assert(result.promptTokens > raw.promptTokens, 'the template adds its markers');
  });

  it('errors keep their code across the worker boundary', async () => {
    await assertRejects(
      klar.generate({ model: 'no/such-model', prompt: 'x' }),
      'model-not-found',
      'unknown model',
    );
    await assertRejects(klar.generate({ model: LM }), 'invalid-input', 'no prompt');
    await assertRejects(
      klar.generate({ model: LM, prompt: 'ord '.repeat(1200), maxNewTokens: 1000 }),
      'input-too-long',
      'too long',
    );
    await assertRejects(
      fixtureClient({ backend: 'wasm', maxModelBytes: 1000 }).generate({ model: LM, prompt: 'x' }),
      'model-too-large',
      'budget',
    );
  });

  it('classifies tokens with labels and offsets', async () => {
    const text = 'Anna Svensson bor i Göteborg och arbetar på Skatteverket.';
    const result = await klar.classifyTokens({ model: NER, text });
    assertEqual(result.backend, 'wasm', 'backend');
    const labels = new Set([
      'B-PER',
      'I-PER',
      'B-LOC',
      'I-LOC',
      'B-ORG',
      'I-ORG',
      'B-MISC',
      'I-MISC',
    ]);
    assert(
      result.entities.every((e) => labels.has(e.entity) && e.score > 0 && e.score <= 1),
      'labels from id2label, scores are probabilities',
    );
    for (const e of result.entities) {
      if (e.start !== undefined)
        assertEqual(
          text.slice(e.start, e.end).toLowerCase(),
          e.word.replace(/^##/, '').toLowerCase(),
          'offsets point at the word',
        );
    }
  });

  it('reports availability in Writing Assistance API terms', async () => {
    const manifest = await (await fetch('/models/manifest.json')).json();
    const fixturesOnly = {
      ...manifest,
      models: manifest.models.filter((m: { role: string }) => m.role === 'fixture'),
    };
    const local = fixtureClient({ backend: 'wasm', manifest: fixturesOnly });
    await local.clearCache();
    assertEqual(await local.availability('text-generation'), 'downloadable', 'not stored yet');
    const loading = local.load(LM);
    assertEqual(await local.availability('text-generation'), 'downloading', 'while loading');
    await loading;
    assertEqual(await local.availability('text-generation'), 'available', 'loaded and stored');
    assertEqual(
      await local.availability('language-identification'),
      'unavailable',
      'no language-identification model among the fixtures',
    );
    const withRealModels = fixtureClient({ backend: 'wasm' });
    assertEqual(
      await withRealModels.availability('text-generation', LM),
      'available',
      'a named stored model is available even when the task default is another model',
    );
    const real = await withRealModels.describe('text-generation');
    assertEqual(
      [real.availability, real.reason],
      ['unavailable', 'integrity-failed'],
      'the repo manifest lists the real default without sha256: its download would be refused',
    );
    await withRealModels.dispose();
    const unverified = fixtureClient({
      backend: 'wasm',
      manifest: {
        ...manifest,
        models: manifest.models.map((m: { id: string }) =>
          m.id === real.model ? { ...m, integrity: 'unverified' } : m,
        ),
      },
    });
    assertEqual(
      await unverified.availability('text-generation'),
      'downloadable',
      'marked unverified by the agency, the real default is downloadable (not stored here)',
    );
    await unverified.dispose();
    await local.dispose();
  });
});
