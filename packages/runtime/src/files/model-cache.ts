import type { CachedModelInfo } from '../types.js';

/** Cache API bucket for model files. Bump the version if the stored format changes. */
export const MODEL_CACHE_NAME = 'klar-models-v1';
const MODEL_HEADER = 'x-klar-model';
const SHA_HEADER = 'x-klar-sha256';

export interface CachedFile {
  readonly bytes: Uint8Array;
  readonly sha256: string | null;
}

function cacheAvailable(): boolean {
  return typeof caches !== 'undefined';
}

/** Persistent store of verified model files. Every method degrades to "nothing cached". */
export class ModelCache {
  readonly #enabled: boolean;

  constructor(enabled: boolean) {
    this.#enabled = enabled && cacheAvailable();
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  async read(url: string): Promise<CachedFile | null> {
    if (!this.#enabled) return null;
    const cache = await caches.open(MODEL_CACHE_NAME);
    const response = await cache.match(url);
    if (!response) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, sha256: response.headers.get(SHA_HEADER) };
  }

  /** Throws the platform's QuotaExceededError when storage is full; the caller decides. */
  async write(url: string, model: string, bytes: Uint8Array, sha256: string): Promise<void> {
    if (!this.#enabled) return;
    const cache = await caches.open(MODEL_CACHE_NAME);
    const headers = new Headers({
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.byteLength),
      [MODEL_HEADER]: model,
      [SHA_HEADER]: sha256,
    });
    await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
  }

  async list(): Promise<CachedModelInfo[]> {
    if (!cacheAvailable()) return [];
    const cache = await caches.open(MODEL_CACHE_NAME);
    const byModel = new Map<string, { files: number; bytes: number }>();
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const model = response.headers.get(MODEL_HEADER) ?? 'unknown';
      const size = Number(response.headers.get('content-length') ?? 0);
      const entry = byModel.get(model) ?? { files: 0, bytes: 0 };
      entry.files += 1;
      entry.bytes += size;
      byModel.set(model, entry);
    }
    return [...byModel].map(([model, v]) => ({ model, files: v.files, bytes: v.bytes }));
  }

  async clear(model?: string): Promise<void> {
    if (!cacheAvailable()) return;
    if (model === undefined) {
      await caches.delete(MODEL_CACHE_NAME);
      return;
    }
    const cache = await caches.open(MODEL_CACHE_NAME);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response?.headers.get(MODEL_HEADER) === model) await cache.delete(request);
    }
  }

  /** True when every URL is stored. */
  async hasAll(urls: readonly string[]): Promise<boolean> {
    if (!this.#enabled) return false;
    const cache = await caches.open(MODEL_CACHE_NAME);
    for (const url of urls) if (!(await cache.match(url))) return false;
    return true;
  }
}
