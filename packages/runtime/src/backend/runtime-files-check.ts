import { KlarError } from '../errors.js';

/** Why ONNX Runtime's own files can't start; `details.cause` of the 'backend-unavailable' error. */
export type RuntimeFilesCause =
  | 'missing'
  | 'not-wasm'
  | 'not-javascript'
  | 'unreachable'
  | 'csp'
  | 'no-webassembly';

export interface RuntimeFileUrls {
  readonly mjs: string;
  readonly wasm: string;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"
const EMPTY_MODULE = new Uint8Array([...WASM_MAGIC, 0x01, 0x00, 0x00, 0x00]);
/** What the checks read of each file: the .wasm's magic number. */
const HEAD_BYTES = WASM_MAGIC.length;
const SERVE_FIX =
  'Copy the ONNX Runtime files the runtime loads (ort-wasm-simd-threaded.mjs and .wasm, ort-wasm-simd-threaded.asyncify.mjs and .wasm) next to klar.js (or to wasmPaths), answer 200 for them, serve .wasm as application/wasm and .mjs as JavaScript, and never answer an HTML page (single-page-app fallback) for them.';
const CSP_FIX =
  "Add 'wasm-unsafe-eval' to script-src of the Content-Security-Policy, on the page AND on the worker script (klar-worker.js).";

const checks = new Map<string, Promise<void>>();

/**
 * Checks, once per realm and URL pair, that ONNX Runtime can start before ORT ever sees its
 * files: ORT's own failures ("BufferSource argument is empty", "expected magic word") name no
 * URL, and its Emscripten glue prints extra console errors. A failed check is not cached, so a
 * fixed server works on the next try without a reload.
 */
export function checkRuntimeFiles(
  urls: RuntimeFileUrls,
  fetchFile: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<void> {
  const key = `${urls.mjs}\n${urls.wasm}`;
  let check = checks.get(key);
  if (!check) {
    check = runChecks(urls, fetchFile);
    checks.set(key, check);
    check.catch(() => checks.delete(key));
  }
  return check;
}

async function runChecks(urls: RuntimeFileUrls, fetchFile: typeof fetch): Promise<void> {
  if (typeof WebAssembly === 'undefined') {
    throw failure(
      'no-webassembly',
      'This browser has no WebAssembly, so ONNX Runtime cannot start.',
      { url: urls.wasm },
    );
  }
  await checkWasmCompiles(urls.wasm);
  // Both requests at once (one round trip, not two, before ORT starts); when both files are
  // wrong, the .wasm's problem is the one reported, as it always was.
  const [wasm, mjs] = await Promise.allSettled([
    checkWasmFile(urls.wasm, fetchFile),
    checkModuleFile(urls.mjs, fetchFile),
  ]);
  if (wasm.status === 'rejected') throw wasm.reason;
  if (mjs.status === 'rejected') throw mjs.reason;
}

/** A CSP without 'wasm-unsafe-eval' refuses to compile even an empty module. */
async function checkWasmCompiles(wasmUrl: string): Promise<void> {
  try {
    await WebAssembly.compile(EMPTY_MODULE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw failure('csp', `WebAssembly compilation is blocked here (${reason}). ${CSP_FIX}`, {
      url: wasmUrl,
      directive: 'script-src',
      reason,
    });
  }
}

async function checkWasmFile(url: string, fetchFile: typeof fetch): Promise<void> {
  const response = await get(url, fetchFile);
  const contentType = response.headers.get('content-type') ?? '';
  const head = await firstBytes(response, HEAD_BYTES);
  if (!WASM_MAGIC.every((byte, i) => head[i] === byte)) {
    throw failure(
      'not-wasm',
      `${url} is not a WebAssembly file (Content-Type "${contentType || 'none'}", it starts with "${preview(head)}"). ${SERVE_FIX}`,
      { url, status: response.status, contentType },
    );
  }
}

async function checkModuleFile(url: string, fetchFile: typeof fetch): Promise<void> {
  const response = await get(url, fetchFile);
  const contentType = response.headers.get('content-type') ?? '';
  await response.body?.cancel();
  // Module scripts need a JavaScript MIME type; anything else fails the dynamic import.
  if (!/javascript|ecmascript/i.test(contentType)) {
    throw failure(
      'not-javascript',
      `${url} is not served as JavaScript (Content-Type "${contentType || 'none'}"). ${SERVE_FIX}`,
      { url, status: response.status, contentType },
    );
  }
}

/**
 * A GET that leaves no copy in the HTTP cache and fails with the URL when it isn't 200. On this
 * origin it asks only for the first bytes (Range: 206 where the server supports it), so a
 * visit's check doesn't start a 14–27 MB response to cancel it; a server without Range answers
 * 200 with the whole file, which the check stops reading. Another origin gets a plain GET: a
 * Range header could need a CORS preflight that host doesn't answer.
 */
async function get(url: string, fetchFile: typeof fetch, ranged = true): Promise<Response> {
  const range =
    ranged && isSameOrigin(url) ? { headers: { Range: `bytes=0-${HEAD_BYTES - 1}` } } : {};
  let response: Response;
  try {
    response = await fetchFile(url, { cache: 'no-store', credentials: 'same-origin', ...range });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw failure(
      'unreachable',
      `${url} could not be fetched (${reason}). Serve it from this origin and allow it in connect-src of the Content-Security-Policy. ${SERVE_FIX}`,
      { url, reason },
    );
  }
  // 416: the range starts past the end, an empty file; ask again for all of it to report that.
  if (response.status === 416 && 'headers' in range) {
    await response.body?.cancel();
    return get(url, fetchFile, false);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw failure('missing', `${url} answered ${response.status}. ${SERVE_FIX}`, {
      url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
    });
  }
  return response;
}

function isSameOrigin(url: string): boolean {
  const here = (globalThis as { location?: { origin?: string } }).location?.origin;
  return here !== undefined && new URL(url).origin === here;
}

/** Reads only the first bytes, then stops the download (the .wasm is ~27 MB). */
async function firstBytes(response: Response, count: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).subarray(0, count);
  const head = new Uint8Array(count);
  let filled = 0;
  try {
    while (filled < count) {
      const { done, value } = await reader.read();
      if (done) break;
      const part = value.subarray(0, count - filled);
      head.set(part, filled);
      filled += part.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return head.subarray(0, filled);
}

function preview(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
}

function failure(
  cause: RuntimeFilesCause,
  message: string,
  details: Record<string, unknown>,
): KlarError {
  return new KlarError('backend-unavailable', `ONNX Runtime cannot start: ${message}`, {
    ...details,
    cause,
  });
}
