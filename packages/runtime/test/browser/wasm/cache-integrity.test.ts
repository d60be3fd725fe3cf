import type { ProgressEvent } from '../../../src/types.js';
import { assert, assertEqual, assertRejects } from '../support/assert.js';
import {
  clearModelCache,
  fixtureClient,
  LM,
  PROMPT,
  servedModelFiles,
} from '../support/fixtures.js';

const LM_FILES = 6;

describe('model files: integrity and cache', () => {
  beforeEach(clearModelCache);

  it('a tampered file fails with integrity-failed and is not cached', async () => {
    const klar = fixtureClient({
      backend: 'wasm',
      modelBaseUrl: '/tampered-models/',
      manifest: '/models/manifest.json',
    });
    const error = await assertRejects(
      klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 4 }),
      'integrity-failed',
      'tampered model',
    );
    assert(/checksum/.test(error.message), 'message says what happened');
    const cache = await caches.open('klar-models-v1');
    const keys = (await cache.keys()).map((r) => r.url);
    assert(
      !keys.some((k) => k.endsWith('.onnx')),
      `no tampered weights stored (stored: ${keys.join(', ')})`,
    );
    await klar.dispose();
  });

  it('a second load is served from the cache with zero model-file requests', async function () {
    // Two workers each compile onnxruntime-web: minutes on a loaded CI machine.
    this.timeout(360_000);
    const before = (await servedModelFiles()).length;
    const first = fixtureClient({ backend: 'wasm' });
    await first.generate({ model: LM, prompt: PROMPT, maxNewTokens: 4 });
    await first.dispose();
    const afterFirst = (await servedModelFiles()).length;
    assertEqual(afterFirst - before, LM_FILES, 'first load downloads each file once');

    const events: ProgressEvent[] = [];
    const second = fixtureClient({ backend: 'wasm' });
    await second.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 4 },
      { onProgress: (e) => events.push(e) },
    );
    assertEqual((await servedModelFiles()).length, afterFirst, 'no model file requested again');
    const downloads = events.filter((e) => e.status === 'download') as Extract<
      ProgressEvent,
      { status: 'download' }
    >[];
    assert(
      downloads.length > 0 && downloads.every((d) => d.fromCache),
      'progress says the files came from the cache',
    );

    const listed = await second.listCache();
    assertEqual(
      listed.map((m) => [m.model, m.files]),
      [[LM, LM_FILES]],
      'the cache can be listed',
    );
    await second.clearCache(LM);
    assertEqual(await second.listCache(), [], 'and cleared');
    await second.dispose();
  });

  it('two callers share one download and one session', async function () {
    this.timeout(360_000);
    const before = (await servedModelFiles()).length;
    const klar = fixtureClient({ backend: 'wasm' });
    const [a, b] = await Promise.all([
      klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 6 }),
      klar.generate({ model: LM, prompt: 'Hej! Hur ansöker jag?', maxNewTokens: 6 }),
    ]);
    assertEqual(
      (await servedModelFiles()).length - before,
      LM_FILES,
      'files fetched once for both',
    );
    assertEqual([a.tokenIds.length, b.tokenIds.length], [6, 6], 'both complete');
    const alone = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 6 });
    assertEqual(a.tokenIds, alone.tokenIds, 'queued requests give the same result as alone');
    await klar.dispose();
  });

  it('a full storage quota degrades to uncached use with a warning', async function () {
    this.timeout(360_000);
    const events: ProgressEvent[] = [];
    const klar = fixtureClient({
      backend: 'wasm',
      worker: false,
      platform: { failCacheWrites: true },
    });
    const result = await klar.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 4 },
      { onProgress: (e) => events.push(e) },
    );
    assertEqual(result.tokenIds.length, 4, 'the request still completes');
    const warnings = events.filter((e) => e.status === 'warning') as Extract<
      ProgressEvent,
      { status: 'warning' }
    >[];
    assertEqual(
      warnings.map((w) => w.warning.code),
      ['quota-exceeded'],
      'one quota warning',
    );
    assertEqual(await klar.listCache(), [], 'nothing stored');
    await klar.dispose();
  });
});
