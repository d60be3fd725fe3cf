// The ONNX Runtime files preflight: each setup mistake becomes one 'backend-unavailable' error
// naming the URL and the cause, before ORT sees the files (node, stubbed fetch). The CSP case
// needs a real browser: test/embed/setup-errors.test.mjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRuntimeFiles } from '../src/backend/runtime-files-check.js';
import { isKlarError } from '../src/errors.js';

const WASM_BYTES = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 9, 9, 9]);
const HTML = '<!doctype html><html><body>Sidan finns inte</body></html>';
let next = 0;

/** Fresh URLs per case: a passed check is cached per URL pair. */
function urls() {
  next += 1;
  const base = `https://kommun.example/klar-${next}/`;
  return {
    mjs: `${base}ort-wasm-simd-threaded.asyncify.mjs`,
    wasm: `${base}ort-wasm-simd-threaded.asyncify.wasm`,
  };
}

function server(answer: (url: string) => Response): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const fake = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    return answer(url);
  }) as typeof fetch & { calls: string[] };
  fake.calls = calls;
  return fake;
}

const good = (url: string) =>
  url.endsWith('.wasm')
    ? new Response(WASM_BYTES, { headers: { 'content-type': 'application/wasm' } })
    : new Response('export default 1;', { headers: { 'content-type': 'text/javascript' } });

async function failure(files: ReturnType<typeof urls>, fetchFile: typeof fetch) {
  const error = await checkRuntimeFiles(files, fetchFile).then(
    () => assert.fail('the check passed'),
    (e: unknown) => e,
  );
  assert.ok(isKlarError(error, 'backend-unavailable'), String(error));
  return error;
}

describe('checkRuntimeFiles', () => {
  it('passes a served runtime once, and caches the pass', async () => {
    const files = urls();
    const fetchFile = server(good);
    await checkRuntimeFiles(files, fetchFile);
    await checkRuntimeFiles(files, fetchFile);
    assert.deepEqual(fetchFile.calls, [files.wasm, files.mjs]);
  });

  it('asks for both files at once, and names the .wasm when both are wrong', async () => {
    const files = urls();
    let inFlight = 0;
    let most = 0;
    const fetchFile = server(
      () => new Response(HTML, { headers: { 'content-type': 'text/html' } }),
    );
    const concurrent = (async (input: RequestInfo | URL) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return fetchFile(input);
    }) as typeof fetch;
    const error = await failure(files, concurrent);
    assert.equal(most, 2, 'the .wasm and the .mjs were requested together');
    assert.equal(error.details?.cause, 'not-wasm');
    assert.equal(error.details?.url, files.wasm);
  });

  describe("on the page's own origin", () => {
    const page = (files: { wasm: string }) => new URL(files.wasm).origin;
    const withLocation = async (origin: string, run: () => Promise<void>) => {
      Object.defineProperty(globalThis, 'location', { value: { origin }, configurable: true });
      try {
        await run();
      } finally {
        Reflect.deleteProperty(globalThis, 'location');
      }
    };
    /** A host that honours Range: 206 with the bytes asked for, 416 past the end. */
    const rangeHost = (
      body: (url: string) => Uint8Array<ArrayBuffer>,
      requests: [string, string | null][],
    ) =>
      (async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const range = new Headers(init?.headers).get('range');
        requests.push([url, range]);
        const bytes = body(url);
        const type = url.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
        const asked = /^bytes=0-(\d+)$/.exec(range ?? '');
        if (!asked) return new Response(bytes, { headers: { 'content-type': type } });
        if (bytes.length === 0) return new Response(null, { status: 416 });
        const part = bytes.slice(0, Number(asked[1]) + 1);
        return new Response(part, { status: 206, headers: { 'content-type': type } });
      }) as typeof fetch;
    const js = new TextEncoder().encode('export default 1;');

    it('asks for the first bytes only, and passes on 206', async () => {
      const files = urls();
      const requests: [string, string | null][] = [];
      await withLocation(page(files), () =>
        checkRuntimeFiles(
          files,
          rangeHost((url) => (url.endsWith('.wasm') ? WASM_BYTES : js), requests),
        ),
      );
      assert.deepEqual(requests, [
        [files.wasm, 'bytes=0-3'],
        [files.mjs, 'bytes=0-3'],
      ]);
    });

    it('asks again for an empty .wasm (416) and names it', async () => {
      const files = urls();
      const requests: [string, string | null][] = [];
      await withLocation(page(files), async () => {
        const error = await failure(
          files,
          rangeHost((url) => (url.endsWith('.wasm') ? new Uint8Array() : js), requests),
        );
        assert.equal(error.details?.cause, 'not-wasm');
        assert.equal(error.details?.url, files.wasm);
      });
      assert.deepEqual(
        requests.filter(([url]) => url === files.wasm),
        [
          [files.wasm, 'bytes=0-3'],
          [files.wasm, null],
        ],
      );
    });

    it('sends no Range to another origin (it could need a CORS preflight)', async () => {
      const files = urls();
      const requests: [string, string | null][] = [];
      await withLocation('https://e-tjanst.example', () =>
        checkRuntimeFiles(
          files,
          rangeHost((url) => (url.endsWith('.wasm') ? WASM_BYTES : js), requests),
        ),
      );
      assert.deepEqual(requests, [
        [files.wasm, null],
        [files.mjs, null],
      ]);
    });
  });

  it('names a missing .wasm with its status, and checks again next time', async () => {
    const files = urls();
    let missing = true;
    const fetchFile = server((url) =>
      missing && url.endsWith('.wasm')
        ? new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } })
        : good(url),
    );
    const error = await failure(files, fetchFile);
    assert.equal(error.details?.cause, 'missing');
    assert.equal(error.details?.url, files.wasm);
    assert.equal(error.details?.status, 404);
    assert.match(error.message, /ort-wasm-simd-threaded\.asyncify\.wasm answered 404/);
    assert.match(error.message, /application\/wasm/);
    missing = false;
    await checkRuntimeFiles(files, fetchFile);
  });

  it('names HTML served where the .wasm belongs (a single-page-app fallback)', async () => {
    const files = urls();
    const error = await failure(
      files,
      server((url) =>
        url.endsWith('.wasm')
          ? new Response(HTML, { headers: { 'content-type': 'text/html' } })
          : good(url),
      ),
    );
    assert.equal(error.details?.cause, 'not-wasm');
    assert.equal(error.details?.contentType, 'text/html');
    assert.ok(error.message.includes(files.wasm), error.message);
    assert.match(error.message, /starts with "<!do"/);
  });

  it('names an empty .wasm', async () => {
    const files = urls();
    const error = await failure(
      files,
      server((url) => (url.endsWith('.wasm') ? new Response(new Uint8Array()) : good(url))),
    );
    assert.equal(error.details?.cause, 'not-wasm');
  });

  it('names an .mjs that is not served as JavaScript', async () => {
    const files = urls();
    const error = await failure(
      files,
      server((url) =>
        url.endsWith('.mjs')
          ? new Response(HTML, { headers: { 'content-type': 'text/html' } })
          : good(url),
      ),
    );
    assert.equal(error.details?.cause, 'not-javascript');
    assert.equal(error.details?.url, files.mjs);
  });

  it('names a runtime file the network refuses', async () => {
    const files = urls();
    const error = await failure(
      files,
      server(() => {
        throw new TypeError('Failed to fetch');
      }),
    );
    assert.equal(error.details?.cause, 'unreachable');
    assert.equal(error.details?.url, files.wasm);
  });
});
