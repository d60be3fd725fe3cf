import type { CachedModelInfo } from './engine-types.js';

/**
 * Copies of the runtime's cache names (packages/runtime/src/files/model-cache.ts). Copied, not
 * imported: importing `@klar/runtime` at page load would pull its ML code into the main thread.
 * The real-runtime e2e test checks they still match.
 */
export const MODEL_CACHE_NAME = 'klar-models-v1';
const MODEL_HEADER = 'x-klar-model';

/**
 * The models stored on this device, read straight from the Cache API, so listing them starts no
 * engine and no worker. Empty where the Cache API is missing or blocked.
 */
export async function listStoredModels(): Promise<CachedModelInfo[]> {
  if (typeof caches === 'undefined') return [];
  try {
    if (!(await caches.has(MODEL_CACHE_NAME))) return [];
    const cache = await caches.open(MODEL_CACHE_NAME);
    const byModel = new Map<string, { files: number; bytes: number }>();
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const model = response.headers.get(MODEL_HEADER) ?? 'unknown';
      const entry = byModel.get(model) ?? { files: 0, bytes: 0 };
      entry.files += 1;
      entry.bytes += Number(response.headers.get('content-length') ?? 0);
      byModel.set(model, entry);
    }
    return [...byModel].map(([model, v]) => ({ model, files: v.files, bytes: v.bytes }));
  } catch {
    return [];
  }
}

/** Deletes one model's stored files (or all), without the engine. */
export async function deleteStoredModels(model?: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  if (model === undefined) {
    await caches.delete(MODEL_CACHE_NAME);
    return;
  }
  if (!(await caches.has(MODEL_CACHE_NAME))) return;
  const cache = await caches.open(MODEL_CACHE_NAME);
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (response?.headers.get(MODEL_HEADER) === model) await cache.delete(request);
  }
}
