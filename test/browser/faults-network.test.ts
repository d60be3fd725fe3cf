// Faults 1, 2, 4, 5 and 6 of issue 11, in real Chromium against a deliberately faulty host.
import {
  createKlar,
  type KlarOptions,
  type ProgressEvent,
} from '../../packages/runtime/src/index.js';
import {
  assert,
  assertEqual,
  assertRejects,
} from '../../packages/runtime/test/browser/support/assert.js';
import {
  clearModelCache,
  delay,
  faultRequests,
  LM,
  LM_FILES,
  PROMPT,
  setOffline,
  storedUrls,
} from '../support/faults.js';

const client = (modelBaseUrl: string, options: KlarOptions = {}) =>
  createKlar({ backend: 'wasm', manifest: '/models/manifest.json', modelBaseUrl, ...options });

type Download = Extract<ProgressEvent, { status: 'download' }>;

describe('faults in real Chromium', () => {
  beforeEach(clearModelCache);
  afterEach(() => setOffline(false));

  it('1. a connection dropped mid-file is resumed with Range; partial bytes are never cached', async () => {
    const klar = client('/drop-models/');
    const result = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 3 });
    assertEqual(result.tokenIds.length, 3, 'the request completes');
    const weights = (await faultRequests('/drop-models/')).filter((r) => r.path.endsWith('.onnx'));
    assertEqual(weights.length, 2, 'the weights were requested twice: cut, then resumed');
    assertEqual(weights[1]?.status, 206, 'the second request resumed (206)');
    assertEqual(
      weights[1]?.range,
      `bytes=${weights[0]?.sent}-`,
      'from the byte where it broke off',
    );
    assertEqual((await storedUrls()).length, LM_FILES, 'every file stored once, whole');
    const again = await client('/drop-models/').generate({
      model: LM,
      prompt: PROMPT,
      maxNewTokens: 3,
    });
    assertEqual(
      again.tokenIds,
      result.tokenIds,
      'the stored (resumed) weights give the same output',
    );
    await klar.dispose();
  });

  it('1b. a host without Range support makes the client restart the file', async () => {
    const klar = client('/drop-norange-models/');
    const result = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 3 });
    assertEqual(result.tokenIds.length, 3, 'the request completes');
    const weights = (await faultRequests('/drop-norange-models/')).filter((r) =>
      r.path.endsWith('.onnx'),
    );
    assertEqual(
      weights.map((r) => r.status),
      [200, 200],
      'restarted from byte 0',
    );
    await klar.dispose();
  });

  it('1c. a connection that keeps breaking gives up within the limit: typed error, nothing partial stored', async () => {
    const klar = client('/drop-always-models/');
    const error = await assertRejects(
      klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 3 }),
      'download-failed',
      'host that always cuts',
    );
    assert(/broke off/.test(error.message), `says what happened: ${error.message}`);
    const weights = (await faultRequests('/drop-always-models/')).filter((r) =>
      r.path.endsWith('.onnx'),
    );
    assertEqual(weights.length, 4, 'one try and three resumes, then it stops');
    assert(!(await storedUrls()).some((u) => u.endsWith('.onnx')), 'no partial weights stored');
    await klar.dispose();
  });

  it('2. offline with the model stored works; offline without it is a typed download error', async function () {
    this.timeout(400_000); // three cold worker starts on a loaded machine
    const online = client('/switch-models/');
    await online.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 });
    await online.dispose();
    await setOffline(true);
    const offline = client('/switch-models/');
    assertEqual(
      await offline.availability('text-generation', LM),
      'available',
      'stored: available',
    );
    const before = (await faultRequests('/switch-models/')).length;
    const result = await offline.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 });
    assertEqual(result.tokenIds.length, 2, 'runs offline from the cache');
    assertEqual((await faultRequests('/switch-models/')).length, before, 'no request needed');
    await offline.dispose();

    await clearModelCache();
    const cold = client('/switch-models/');
    assertEqual(
      await cold.availability('text-generation', LM),
      'downloadable',
      'not stored: downloadable',
    );
    const error = await assertRejects(
      cold.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 }),
      'download-failed',
      'offline without the model',
    );
    assert(
      !/device/i.test(error.message) || /offline/i.test(error.message),
      'never "your device can\'t"',
    );
    assertEqual(await storedUrls(), [], 'nothing stored');
    await setOffline(false);
    const back = await cold.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 });
    assertEqual(back.tokenIds.length, 2, 'back online, the same client works');
    await cold.dispose();
  });

  it('4. two workers (as two tabs) needing the same model at once download it once', async () => {
    const a = client('/lock-models/');
    const b = client('/lock-models/');
    const [ra, rb] = await Promise.all([
      a.generate({ model: LM, prompt: PROMPT, maxNewTokens: 4 }),
      b.generate({ model: LM, prompt: PROMPT, maxNewTokens: 4 }),
    ]);
    assertEqual(ra.tokenIds, rb.tokenIds, 'both get the same answer');
    const files = (await faultRequests('/lock-models/')).filter((r) =>
      r.path.includes('/fixtures/'),
    );
    assertEqual(files.length, LM_FILES, 'each file downloaded once for both workers');
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('5. storage cleared between requests: downloadable again, no crash', async () => {
    const klar = client('/legacy-models/');
    await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 });
    assertEqual(await klar.availability('text-generation', LM), 'available', 'stored');
    await clearModelCache();
    assertEqual(await klar.listCache(), [], 'the list is empty');
    const again = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 });
    assertEqual(again.tokenIds.length, 2, 'the loaded model keeps working');
    const fresh = client('/legacy-models/');
    assertEqual(
      await fresh.availability('text-generation', LM),
      'downloadable',
      'a new engine asks for the download again (the consent question comes back)',
    );
    assertEqual(
      (await fresh.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 })).tokenIds.length,
      2,
      'and downloads it',
    );
    await Promise.all([klar.dispose(), fresh.dispose()]);
  });

  it('6. a slow host: progress keeps moving, abort stops the download, nothing stored', async () => {
    const klar = client('/slow-models/');
    const controller = new AbortController();
    const progress: Download[] = [];
    const pending = klar.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 2 },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.status !== 'download') return;
          progress.push(e);
          if (e.file.endsWith('.onnx') && e.loaded > 64 * 1024) controller.abort();
        },
      },
    );
    await assertRejects(pending, 'aborted', 'aborted download');
    const weights = progress.filter((e) => e.file.endsWith('.onnx')).map((e) => e.loaded);
    assert(weights.length >= 8, `progress moved in many small steps (${weights.length})`);
    assert(
      weights.every((v, i) => i === 0 || v > weights[i - 1]!),
      'and always forward',
    );
    await delay(600);
    const onnx = (await faultRequests('/slow-models/')).filter((r) => r.path.endsWith('.onnx'));
    const sent = onnx.at(-1)?.sent ?? 0;
    await delay(400);
    const later = (await faultRequests('/slow-models/')).filter((r) => r.path.endsWith('.onnx'));
    assertEqual(
      later.at(-1)?.sent,
      sent,
      'the server stopped sending: the download really stopped',
    );
    assert(later.at(-1)?.closedEarly === true, 'the connection was closed before the end');
    assert(!(await storedUrls()).some((u) => u.endsWith('.onnx')), 'no partial weights stored');
    assertEqual(
      await klar.availability('text-generation', LM),
      'downloadable',
      'still downloadable',
    );
    await klar.dispose();
  });
});
