import { env } from '@huggingface/transformers';
import { runtimeFileUrls, setRuntimeBase } from './ort-build.js';

/**
 * transformers.js keeps one mutable `env` per JS realm. Klar confines it here: models are
 * never fetched by transformers.js itself. Klar downloads and verifies the files, registers
 * the bytes under a private prefix, and this fetch hook serves them. Anything else under the
 * prefix is a 404, so a missing optional file can never cause a network request.
 */
const VIRTUAL_ROOT = '/__klar_models__/';
const registered = new Map<string, Uint8Array>();
let loadCounter = 0;

export interface RegisteredModel {
  /** The repo-like id to pass to `from_pretrained`. */
  readonly virtualId: string;
  release(): void;
}

/** Makes verified bytes loadable by transformers.js under a unique id for this one load. */
export function registerModelFiles(files: ReadonlyMap<string, Uint8Array>): RegisteredModel {
  loadCounter += 1;
  const virtualId = `klar-load-${loadCounter}/model`;
  const keys: string[] = [];
  for (const [path, bytes] of files) {
    const key = `${virtualId}/${path}`;
    registered.set(key, bytes);
    keys.push(key);
  }
  return {
    virtualId,
    release: () => {
      for (const key of keys) registered.delete(key);
    },
  };
}

function lookup(url: string): Uint8Array | undefined {
  const at = url.indexOf(VIRTUAL_ROOT);
  const key = at >= 0 ? url.slice(at + VIRTUAL_ROOT.length) : url.replace(/^\/+/, '');
  return registered.get(key);
}

let configuredWasmPaths: string | null = null;

/** Idempotent per realm. `wasmPaths` is where onnxruntime-web's .wasm/.mjs are served. */
export function configureTransformers(wasmPaths: string): void {
  const onnx = env.backends.onnx as {
    wasm?: { wasmPaths?: unknown; numThreads?: number; proxy?: boolean };
  };
  if (configuredWasmPaths === wasmPaths) return;
  configuredWasmPaths = wasmPaths;
  setRuntimeBase(wasmPaths);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = VIRTUAL_ROOT;
  env.useBrowserCache = false;
  env.useCustomCache = false;
  env.useWasmCache = false;
  const platformFetch = globalThis.fetch.bind(globalThis);
  env.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes(VIRTUAL_ROOT) || url.startsWith('klar-load-')) {
      const bytes = lookup(url);
      return bytes
        ? new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200 })
        : new Response(null, { status: 404, statusText: 'Not in the Klar manifest' });
    }
    return platformFetch(input, init);
  }) as typeof env.fetch;
  if (onnx.wasm) {
    // Same origin only: transformers.js would otherwise default to a CDN. The WebGPU build
    // until prepareOrtBuild() picks the realm's build before its first session.
    onnx.wasm.wasmPaths = runtimeFileUrls('webgpu');
    onnx.wasm.proxy = false;
    // Threads need cross-origin isolation (COOP/COEP); without it ORT must stay single-threaded.
    onnx.wasm.numThreads = globalThis.crossOriginIsolated
      ? Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 1)
      : 1;
  }
}

/** Hands our own GPU device to onnxruntime-web before its first WebGPU session. */
export function useGpuDevice(device: GPUDevice): void {
  const onnx = env.backends.onnx as { webgpu?: { device?: GPUDevice } };
  if (onnx.webgpu) onnx.webgpu.device = device;
}
