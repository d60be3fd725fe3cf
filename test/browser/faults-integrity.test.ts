// Fault 7 and the integrity rules: nothing unchecked, HTML or truncated is ever stored as a model.
import { createKlar, type KlarOptions } from '../../packages/runtime/src/index.js';
import {
  assert,
  assertEqual,
  assertRejects,
} from '../../packages/runtime/test/browser/support/assert.js';
import {
  CACHE_NAME,
  clearModelCache,
  editedManifest,
  faultRequests,
  LM,
  LM_FILES,
  PROMPT,
  storedUrls,
  withoutChecksums,
} from '../support/faults.js';

const client = (options: KlarOptions) =>
  createKlar({ backend: 'wasm', manifest: '/models/manifest.json', ...options });

const details = (e: Error) => (e as Error & { details?: Record<string, unknown> }).details ?? {};

describe('integrity that cannot be skipped', () => {
  beforeEach(clearModelCache);

  it('a file without sha256 is refused before any request unless the model is marked unverified', async () => {
    const manifest = await editedManifest(withoutChecksums);
    const klar = client({ modelBaseUrl: '/legacy-models/', manifest });
    const before = (await faultRequests('/legacy-models/')).length;
    const error = await assertRejects(
      klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 }),
      'integrity-failed',
      'unverifiable model',
    );
    assertEqual(details(error).problem, 'no-checksum', 'the problem is named');
    assert(/models:mirror/.test(error.message), 'the message names the fix');
    assertEqual((await faultRequests('/legacy-models/')).length, before, 'nothing was requested');
    assertEqual(await storedUrls(), [], 'nothing stored');
    // The engine still answers (never 'available': nothing usable is stored).
    const after = await klar.availability('text-generation', LM);
    assert(['downloadable', 'unavailable'].includes(after), `the page is still usable (${after})`);
    await klar.dispose();
  });

  it('"integrity": "unverified" lets the agency accept files without sha256', async () => {
    const manifest = await editedManifest((e) => {
      withoutChecksums(e);
      e.integrity = 'unverified';
    });
    const klar = client({ modelBaseUrl: '/legacy-models/', manifest });
    const result = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 3 });
    assertEqual(result.tokenIds.length, 3, 'it runs');
    assertEqual((await storedUrls()).length, LM_FILES, 'and is stored');
    const stored = await (await caches.open(CACHE_NAME)).match(
      new URL('/legacy-models/fixtures/klar-tiny-llama/onnx/model.onnx', location.href).href,
    );
    assertEqual(
      stored?.headers.get('x-klar-integrity'),
      'unverified',
      'marked unverified in the cache',
    );
    await klar.dispose();
  });

  for (const [prefix, label] of [
    ['/html-models/', 'served as text/html'],
    ['/html-octet-models/', 'served as application/octet-stream'],
  ] as const) {
    it(`an HTML page where a model file should be (${label}) is an error and nothing is cached`, async () => {
      for (const manifest of [
        '/models/manifest.json',
        await editedManifest((e) => {
          withoutChecksums(e);
          e.integrity = 'unverified';
          e.verified = false; // sizes are estimates: only the content checks can catch it
        }),
      ]) {
        const klar = client({ modelBaseUrl: prefix, manifest });
        const error = await assertRejects(
          klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 }),
          'integrity-failed',
          `HTML for a model file (${typeof manifest === 'string' ? 'checksums' : 'unverified'})`,
        );
        // With exact sizes a page sent as octet-stream is already refused by its length.
        const named =
          prefix === '/html-octet-models/' && typeof manifest === 'string'
            ? ['html', 'size']
            : ['html'];
        assert(named.includes(String(details(error).problem)), `named: ${details(error).problem}`);
        assertEqual(await storedUrls(), [], 'nothing cached');
        assertEqual(
          await klar.availability('text-generation', LM),
          'downloadable',
          'not "available"',
        );
        await klar.dispose();
      }
    });
  }

  it('a truncated file is an error and nothing is cached (with and without sha256)', async () => {
    for (const manifest of [
      '/models/manifest.json',
      await editedManifest((e) => {
        withoutChecksums(e);
        e.integrity = 'unverified';
      }),
    ]) {
      const klar = client({ modelBaseUrl: '/truncated-models/', manifest });
      const error = await assertRejects(
        klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 }),
        'integrity-failed',
        'truncated weights',
      );
      assertEqual(details(error).problem, 'size', 'named as a size mismatch');
      assert(
        !(await storedUrls()).some((u) => u.endsWith('.onnx')),
        'the truncated weights are not stored',
      );
      await klar.dispose();
    }
    // The page is still usable: the same model from a good host works.
    const good = client({ modelBaseUrl: '/models/' });
    assertEqual(
      (await good.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 })).tokenIds.length,
      2,
      'a good host still works afterwards',
    );
    await good.dispose();
  });

  it('pages stored as model files by earlier versions are purged; verified old entries are kept', async () => {
    const manifest = await (await fetch('/models/manifest.json')).json();
    const entry = manifest.models.find((m: { id: string }) => m.id === LM);
    const cache = await caches.open(CACHE_NAME);
    const folder = new URL('/legacy-models/fixtures/klar-tiny-llama/', location.href).href;
    const oldFormat = (body: BodyInit, sha: string) =>
      new Response(body, {
        headers: {
          'content-type': 'application/octet-stream',
          'x-klar-model': LM,
          'x-klar-sha256': sha,
        },
      });
    // What an earlier version stored behind a dev server's index.html fallback.
    for (const f of entry.files) {
      await cache.put(new URL(f.path, folder).href, oldFormat('<!doctype html><html></html>', 'x'));
    }
    const klar = client({ modelBaseUrl: '/legacy-models/' });
    assertEqual(
      await klar.availability('text-generation', LM),
      'downloadable',
      'a stored page is no model',
    );
    assertEqual(await klar.listCache(), [], 'listing purges the pages');
    assertEqual(await storedUrls(), [], 'they are gone from storage');

    // Real bytes stored by an earlier version: verified against the manifest once, not refetched.
    for (const f of entry.files) {
      const bytes = await (await fetch(`/models/${LM}/${f.path}`)).arrayBuffer();
      await cache.put(new URL(f.path, folder).href, oldFormat(bytes, f.sha256));
    }
    const before = (await faultRequests('/legacy-models/')).length;
    const result = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 2 });
    assertEqual(result.tokenIds.length, 2, 'works from the old entries');
    assertEqual(
      (await faultRequests('/legacy-models/')).length,
      before,
      'no file downloaded again',
    );
    await klar.dispose();
  });
});
