// The file loader's integrity rules, with a stubbed fetch and an in-memory cache (node).
// The same rules run in real Chromium in test/browser/faults-*.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import { isKlarError, type KlarError } from '../src/errors.js';
import { downloadFile } from '../src/files/download.js';
import { expectedFile, fetchModelFiles } from '../src/files/fetch-model-files.js';
import { looksLikeHtml } from '../src/files/file-checks.js';
import type { ModelCache } from '../src/files/model-cache.js';
import { filePolicyOf, parseManifest } from '../src/manifest/parse.js';
import type { ModelFile } from '../src/manifest/types.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers each call with the next response factory; records the Range header asked for. */
function stubFetch(answers: ((init: RequestInit | undefined) => Response)[]): string[] {
  const ranges: string[] = [];
  globalThis.fetch = (async (_url: string, init?: RequestInit) => {
    ranges.push(new Headers(init?.headers).get('range') ?? '');
    const next = answers.shift();
    if (!next) throw new TypeError('fetch failed');
    return next(init);
  }) as typeof fetch;
  return ranges;
}

/** A body that delivers `bytes` and then breaks off, like a dropped connection. */
function brokenBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      // Erroring in the same call would discard the queued bytes: break on the next read.
      if (sent) controller.error(new TypeError('network error'));
      else controller.enqueue(bytes);
      sent = true;
    },
  });
}

class MemoryCache {
  readonly stored = new Map<string, Uint8Array>();
  readonly enabled = true;
  async read(url: string) {
    const bytes = this.stored.get(url);
    return bytes ? { bytes, sha256: sha(bytes), checked: true } : null;
  }
  async write(url: string, _model: string, bytes: Uint8Array) {
    this.stored.set(url, bytes);
  }
  async delete(url: string) {
    this.stored.delete(url);
  }
}

const weights = new Uint8Array(10_000).map((_, i) => i % 251);
const file = (extra: Partial<ModelFile> = {}): ModelFile => ({
  path: 'onnx/model.onnx',
  size: weights.length,
  sha256: sha(weights),
  ...extra,
});
const load = (files: ModelFile[], cache = new MemoryCache()) =>
  fetchModelFiles({
    model: 'org/m',
    folderUrl: 'https://models.example/org/m/',
    files,
    cache: cache as unknown as ModelCache,
    onEvent: () => undefined,
  });
const problem = (e: unknown) => (e as KlarError).details?.problem;

describe('manifest: integrity field', () => {
  const manifest = (integrity?: unknown, verified?: boolean) => ({
    version: 1,
    models: [
      {
        id: 'org/m',
        task: 'translation',
        role: 'default',
        name: 'm',
        languages: ['sv'],
        license: 'mit',
        dtypes: { webgpu: 'fp32', wasm: 'fp32' },
        files: [{ path: 'config.json', size: 2 }],
        ...(integrity === undefined ? {} : { integrity }),
        ...(verified === undefined ? {} : { verified }),
      },
    ],
  });

  it('accepts "unverified" and "sha256", rejects anything else', () => {
    assert.equal(parseManifest(manifest('unverified')).models[0]?.integrity, 'unverified');
    assert.equal(parseManifest(manifest('sha256')).models[0]?.integrity, 'sha256');
    assert.throws(
      () => parseManifest(manifest(false)),
      (e: unknown) => isKlarError(e, 'invalid-manifest') && /integrity/.test(e.message),
    );
  });

  it('the policy of each parsed file follows its entry; unknown files get the strict one', () => {
    const parsed = parseManifest(manifest('unverified', false));
    assert.deepEqual(filePolicyOf(parsed.models[0]!.files[0]!), {
      integrity: 'unverified',
      sizeExact: false,
    });
    assert.deepEqual(filePolicyOf({ path: 'x', size: 1 }), {
      integrity: 'sha256',
      sizeExact: true,
    });
    assert.equal(JSON.stringify(parsed).includes('sizeExact'), false, 'invisible in JSON');
  });
});

describe('model files: checks before anything is stored', () => {
  it('refuses a file without sha256 before any request', async () => {
    const ranges = stubFetch([]);
    await assert.rejects(load([file({ sha256: undefined })]), (e) => problem(e) === 'no-checksum');
    assert.equal(ranges.length, 0);
  });

  it('refuses an HTML page by content type, and by its bytes when the type lies', async () => {
    const page = '<!DOCTYPE html><html><body>app</body></html>';
    const unverified = { path: 'config.json', size: 5 };
    const policy = { integrity: 'unverified', sizeExact: false } as const;
    for (const type of ['text/html; charset=utf-8', 'application/octet-stream']) {
      stubFetch([() => new Response(page, { headers: { 'content-type': type } })]);
      const cache = new MemoryCache();
      await assert.rejects(
        fetchModelFiles({
          model: 'org/m',
          folderUrl: 'https://models.example/org/m/',
          files: [unverified],
          cache: cache as unknown as ModelCache,
          onEvent: () => undefined,
          policy,
        }),
        (e) => problem(e) === 'html',
      );
      assert.equal(cache.stored.size, 0);
    }
    assert.equal(looksLikeHtml(new TextEncoder().encode('\uFEFF  <html lang="sv">')), true);
    assert.equal(looksLikeHtml(new TextEncoder().encode('{"a":1}')), false);
    assert.equal(looksLikeHtml(weights), false);
  });

  it('refuses a truncated file by Content-Length before reading, and by its bytes after', async () => {
    const half = weights.subarray(0, weights.length / 2);
    stubFetch([() => new Response(half)]);
    const cache = new MemoryCache();
    await assert.rejects(load([file()], cache), (e) => problem(e) === 'size');
    // No Content-Length (chunked): caught when the body ends short.
    stubFetch([
      () =>
        new Response(
          new ReadableStream({
            start(c) {
              c.enqueue(half);
              c.close();
            },
          }),
        ),
    ]);
    await assert.rejects(load([file()], cache), (e) => problem(e) === 'size');
    assert.equal(cache.stored.size, 0);
  });

  it('resumes a dropped connection with Range and If-Range; never stores partial bytes', async () => {
    const first = weights.subarray(0, 4000);
    const ranges = stubFetch([
      () => new Response(brokenBody(first), { headers: { etag: '"v1"' } }),
      (init) => {
        assert.equal(new Headers(init?.headers).get('if-range'), '"v1"');
        return new Response(weights.subarray(4000), {
          status: 206,
          headers: { 'content-range': `bytes 4000-${weights.length - 1}/${weights.length}` },
        });
      },
    ]);
    const cache = new MemoryCache();
    const files = await load([file()], cache);
    assert.deepEqual(ranges, ['', 'bytes=4000-']);
    assert.deepEqual(files.get('onnx/model.onnx'), weights);
    assert.deepEqual([...cache.stored.values()][0], weights);
  });

  it('restarts when the host answers a Range request with the whole file', async () => {
    stubFetch([
      () => new Response(brokenBody(weights.subarray(0, 3000))),
      () => new Response(weights),
    ]);
    const files = await load([file()]);
    assert.deepEqual(files.get('onnx/model.onnx'), weights);
  });

  it('gives up after three resumes with download-failed', async () => {
    const cut = () => new Response(brokenBody(weights.subarray(0, 10)));
    const partial = (n: number) => () =>
      new Response(brokenBody(weights.subarray(n, n + 10)), {
        status: 206,
        headers: { 'content-range': `bytes ${n}-${weights.length - 1}/${weights.length}` },
      });
    const ranges = stubFetch([cut, partial(10), partial(20), partial(30)]);
    const cache = new MemoryCache();
    await assert.rejects(load([file()], cache), (e) => isKlarError(e, 'download-failed'));
    assert.equal(ranges.length, 4);
    assert.equal(cache.stored.size, 0);
  });

  it('a stored copy with a stale checksum is purged and downloaded again', async () => {
    const cache = new MemoryCache();
    cache.stored.set('https://models.example/org/m/onnx/model.onnx', new Uint8Array([1, 2, 3]));
    stubFetch([() => new Response(weights)]);
    const files = await load([file()], cache);
    assert.deepEqual(files.get('onnx/model.onnx'), weights);
    assert.deepEqual([...cache.stored.values()][0], weights);
  });

  it('an abort signal stops the download', async () => {
    const controller = new AbortController();
    globalThis.fetch = (async (_u: string, init?: RequestInit) =>
      new Response(
        new ReadableStream({
          pull(c) {
            if (init?.signal?.aborted) c.error(new DOMException('aborted', 'AbortError'));
            else c.enqueue(new Uint8Array(10));
          },
        }),
      )) as typeof fetch;
    await assert.rejects(
      downloadFile({
        url: 'https://models.example/x',
        model: 'org/m',
        expected: expectedFile(file()),
        signal: controller.signal,
        bypassHttpCache: true,
        onProgress: ({ loaded }) => {
          if (loaded >= 100) controller.abort();
        },
      }),
      (e) => isKlarError(e, 'aborted'),
    );
  });
});
