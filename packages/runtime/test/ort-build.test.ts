// Which onnxruntime-web build a realm loads (node, stubbed fetch): the CPU build for engines
// that run on WASM only, the WebGPU build otherwise, the WebGPU build with a warning when a site
// serves only that one, and never a remembered failure. Each case imports a fresh module.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { env } from '@huggingface/transformers';
import { isKlarError, type KlarError } from '../src/errors.js';

const WASM_BYTES = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
const platformFetch = globalThis.fetch;
let next = 0;

async function freshRealm() {
  next += 1;
  const module = (await import(
    `../src/backend/ort-build.ts?realm=${next}`
  )) as typeof import('../src/backend/ort-build.js');
  const base = `https://kommun.example/klar-${next}/`;
  module.setRuntimeBase(base);
  return { ...module, base };
}

/** Serves every ORT file except the paths `missing` says are gone; records what was asked. */
function serve(missing: (url: string) => boolean) {
  const calls: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    if (missing(url)) return new Response('Not found', { status: 404 });
    return url.endsWith('.wasm')
      ? new Response(WASM_BYTES, { headers: { 'content-type': 'application/wasm' } })
      : new Response('export default 1;', { headers: { 'content-type': 'text/javascript' } });
  }) as typeof fetch;
  return calls;
}

const wasmPaths = () =>
  (env.backends.onnx as { wasm?: { wasmPaths?: unknown } }).wasm?.wasmPaths as
    | { mjs: string; wasm: string }
    | undefined;

afterEach(() => {
  globalThis.fetch = platformFetch;
});

describe('prepareOrtBuild', () => {
  it('gives an engine without WebGPU the CPU build, and keeps it for the realm', async () => {
    const realm = await freshRealm();
    const calls = serve(() => false);
    const warnings: KlarError[] = [];
    assert.equal(await realm.prepareOrtBuild('cpu', (w) => warnings.push(w)), 'cpu');
    assert.deepEqual(wasmPaths(), {
      mjs: `${realm.base}ort-wasm-simd-threaded.mjs`,
      wasm: `${realm.base}ort-wasm-simd-threaded.wasm`,
    });
    assert.ok(
      calls.every((url) => !url.includes('asyncify')),
      'the WebGPU build is not fetched',
    );
    assert.deepEqual(warnings, []);
    // ORT has started with it: a later WebGPU engine in this realm gets a clear refusal.
    assert.equal(await realm.prepareOrtBuild('webgpu', () => {}), 'cpu');
    assert.throws(
      () => realm.requireWebGpuBuild('cpu'),
      (e) => isKlarError(e, 'webgpu-unavailable'),
    );
    assert.doesNotThrow(() => realm.requireWebGpuBuild('webgpu'));
  });

  it('gives a WebGPU engine the WebGPU build without touching the CPU one', async () => {
    const realm = await freshRealm();
    const calls = serve(() => false);
    assert.equal(await realm.prepareOrtBuild('webgpu', () => {}), 'webgpu');
    assert.equal(wasmPaths()?.wasm, `${realm.base}ort-wasm-simd-threaded.asyncify.wasm`);
    assert.ok(calls.every((url) => url.includes('asyncify')));
  });

  it('falls back to the WebGPU build with one warning naming the missing CPU file', async () => {
    const realm = await freshRealm();
    serve((url) => url.endsWith('/ort-wasm-simd-threaded.wasm'));
    const warnings: KlarError[] = [];
    assert.equal(await realm.prepareOrtBuild('cpu', (w) => warnings.push(w)), 'webgpu');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /ort-wasm-simd-threaded\.wasm answered 404/);
    assert.match(warnings[0]!.message, /14\.3 MB/);
    assert.equal(wasmPaths()?.wasm, `${realm.base}ort-wasm-simd-threaded.asyncify.wasm`);
  });

  it('fails with the WebGPU build named when neither is served, and tries again next time', async () => {
    const realm = await freshRealm();
    let broken = true;
    serve((url) => broken && url.endsWith('.wasm'));
    const error = await realm
      .prepareOrtBuild('cpu', () => {})
      .then(
        () => assert.fail('it passed'),
        (e: unknown) => e,
      );
    assert.ok(isKlarError(error, 'backend-unavailable'), String(error));
    assert.equal(error.details?.url, `${realm.base}ort-wasm-simd-threaded.asyncify.wasm`);
    broken = false;
    assert.equal(await realm.prepareOrtBuild('cpu', () => {}), 'cpu');
  });

  it('does not fall back when the server cannot be reached at all', async () => {
    const realm = await freshRealm();
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const warnings: KlarError[] = [];
    const error = await realm
      .prepareOrtBuild('cpu', (w) => warnings.push(w))
      .then(
        () => assert.fail('it passed'),
        (e: unknown) => e,
      );
    assert.ok(isKlarError(error, 'backend-unavailable'));
    assert.equal(error.details?.cause, 'unreachable');
    assert.deepEqual(warnings, []);
  });

  it('wants the CPU build for WASM where no other engine could want WebGPU', async () => {
    const realm = await freshRealm();
    assert.equal(realm.ortBuildFor('webgpu'), 'webgpu');
    // Node has no WebGPU, so no engine here could ever run it.
    assert.equal(realm.ortBuildFor('wasm'), 'cpu');
    assert.equal(realm.ortBuildFor(null), 'cpu');
  });
});
