import { env } from '@huggingface/transformers';
import { isKlarError, KlarError } from '../errors.js';
import type { Backend } from '../types.js';
import { checkRuntimeFiles, type RuntimeFileUrls } from './runtime-files-check.js';

/**
 * The two onnxruntime-web builds Klar serves. `webgpu` (the asyncify build: 26.9 MB, 6.6 MB
 * gzip) runs WebGPU and WASM sessions. `cpu` (14.3 MB, 3.7 MB gzip) runs WASM sessions only,
 * and its one-time start-up in a fresh worker, most of a load on small models, is about 2.5×
 * shorter (no asyncify instrumentation). A realm loads one build, at its first session.
 */
export type OrtBuild = 'webgpu' | 'cpu';

const FILE_STEM: Record<OrtBuild, string> = {
  webgpu: 'ort-wasm-simd-threaded.asyncify',
  cpu: 'ort-wasm-simd-threaded',
};

let runtimeBase: string | null = null;
let chosen: OrtBuild | null = null;
let choosing: Promise<OrtBuild> | null = null;

/** Where ORT's files are served (`wasmPaths`, ending in `/`). Set once per realm. */
export function setRuntimeBase(wasmPaths: string): void {
  runtimeBase = wasmPaths;
}

/** The URLs of one build's .mjs/.wasm pair; null before `setRuntimeBase`. */
export function runtimeFileUrls(build: OrtBuild): RuntimeFileUrls | null {
  if (runtimeBase === null) return null;
  return {
    mjs: `${runtimeBase}${FILE_STEM[build]}.mjs`,
    wasm: `${runtimeBase}${FILE_STEM[build]}.wasm`,
  };
}

/**
 * The build an engine wants: `cpu` when its models will run on WASM only and no other engine
 * can share its ORT and want WebGPU. A Klar worker serves one engine, whose backend choice is
 * final; in a page, in-thread engines (`worker: false`) share one ORT, and a later one may run
 * WebGPU, so the page realm keeps the WebGPU build wherever WebGPU exists.
 */
export function ortBuildFor(backend: Backend | null): OrtBuild {
  if (backend === 'webgpu') return 'webgpu';
  const inWorker =
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  const webGpuExists = typeof navigator !== 'undefined' && 'gpu' in navigator;
  return inWorker || !webGpuExists ? 'cpu' : 'webgpu';
}

/**
 * Picks the realm's build before its first session: checks the files (so a setup mistake is
 * reported with its URL, not by ORT) and hands ORT their URLs. Later calls get the build
 * already chosen, whatever they want. A site that serves only the WebGPU build still works on
 * WASM: `warn` is told, with the URL and the fix. A failed choice is not kept, so a fixed
 * server works on the next try.
 */
export function prepareOrtBuild(
  wanted: OrtBuild,
  warn: (warning: KlarError) => void,
): Promise<OrtBuild> {
  if (chosen) return Promise.resolve(chosen);
  choosing ??= choose(wanted, warn).then(
    (build) => {
      chosen = build;
      return build;
    },
    (error: unknown) => {
      choosing = null;
      throw error;
    },
  );
  return choosing;
}

/** Refuses a WebGPU session in a realm whose ORT was started without WebGPU. */
export function requireWebGpuBuild(build: OrtBuild): void {
  if (build === 'webgpu') return;
  throw new KlarError(
    'webgpu-unavailable',
    "ONNX Runtime in this realm was started with its CPU-only build (an earlier engine here ran on WASM), so it can't run WebGPU sessions. Each createKlar() client has its own worker; create the WebGPU engine in a realm of its own.",
    { ortBuild: build },
  );
}

async function choose(wanted: OrtBuild, warn: (warning: KlarError) => void): Promise<OrtBuild> {
  if (wanted === 'cpu') {
    try {
      await check('cpu');
      return use('cpu');
    } catch (error) {
      const cause = isKlarError(error) ? error.details?.cause : undefined;
      // A CSP block or no WebAssembly fails the other build too: report it as it is.
      if (cause !== 'missing' && cause !== 'not-wasm' && cause !== 'not-javascript') throw error;
      warn(
        new KlarError(
          'backend-unavailable',
          `ONNX Runtime's CPU build can't be loaded, so this device (no WebGPU) uses the larger WebGPU build: 26.9 MB instead of 14.3 MB, and a slower start. ${(error as Error).message}`,
          { ...(isKlarError(error) ? error.details : {}), ortBuild: 'webgpu' },
        ),
      );
    }
  }
  await check('webgpu');
  return use('webgpu');
}

async function check(build: OrtBuild): Promise<void> {
  const urls = runtimeFileUrls(build);
  // Checked over HTTP only; tests that serve ORT some other way have nothing to check.
  if (urls && /^https?:/.test(urls.wasm)) await checkRuntimeFiles(urls);
}

function use(build: OrtBuild): OrtBuild {
  const onnx = env.backends.onnx as { wasm?: { wasmPaths?: unknown } };
  const urls = runtimeFileUrls(build);
  if (onnx.wasm && urls) onnx.wasm.wasmPaths = { ...urls };
  return build;
}
