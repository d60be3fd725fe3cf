import type { CachedModelInfo } from '../types.js';
import { type ExpectedFile, looksLikeHtml } from './file-checks.js';

/** Cache API bucket for model files. Entries written before the checks are recognised below. */
export const MODEL_CACHE_NAME = 'klar-models-v1';
const MODEL_HEADER = 'x-klar-model';
const SHA_HEADER = 'x-klar-sha256';
/** Written only by versions that check size, type and checksum before storing. */
const CHECKED_HEADER = 'x-klar-checked';
const CHECKED_FORMAT = '2';
/** `sha256` when the bytes matched the manifest's checksum; `unverified` when it had none. */
const INTEGRITY_HEADER = 'x-klar-integrity';

export interface CachedFile {
  readonly bytes: Uint8Array;
  /** The digest of the stored bytes. */
  readonly sha256: string | null;
  /** False for entries stored by a version before the checks: verify before use. */
  readonly checked: boolean;
}

function cacheAvailable(): boolean {
  return typeof caches !== 'undefined';
}

async function openCache(): Promise<Cache | null> {
  if (!cacheAvailable()) return null;
  try {
    return await caches.open(MODEL_CACHE_NAME);
  } catch {
    // Storage can be blocked (privacy settings, opaque origin) or cleared underneath us.
    return null;
  }
}

function isChecked(response: Response): boolean {
  return response.headers.get(CHECKED_HEADER) === CHECKED_FORMAT;
}

/** First bytes of a stored body without reading the whole (possibly 1 GB) file. */
async function headOf(response: Response): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    const { value } = await reader.read();
    return value ?? new Uint8Array();
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * Whether a stored entry may stand for the expected file without reading it: written by a
 * checking version, with the manifest's checksum (or, for unverified models, its exact size).
 */
function matches(response: Response, expected: ExpectedFile | undefined): boolean {
  if (!isChecked(response)) return false;
  if (!expected) return true;
  const size = Number(response.headers.get('content-length'));
  if (expected.sha256) return response.headers.get(SHA_HEADER) === expected.sha256.toLowerCase();
  return !expected.sizeExact || size === expected.size;
}

/** Persistent store of checked model files. Every method degrades to "nothing cached". */
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
    const cache = await openCache();
    const response = await cache?.match(url).catch(() => undefined);
    if (!response) return null;
    try {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { bytes, sha256: response.headers.get(SHA_HEADER), checked: isChecked(response) };
    } catch {
      return null;
    }
  }

  /** Throws the platform's QuotaExceededError when storage is full; the caller decides. */
  async write(
    url: string,
    model: string,
    bytes: Uint8Array,
    sha256: string,
    verifiedBySha256 = true,
  ): Promise<void> {
    if (!this.#enabled) return;
    const cache = await caches.open(MODEL_CACHE_NAME);
    const headers = new Headers({
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.byteLength),
      [MODEL_HEADER]: model,
      [SHA_HEADER]: sha256,
      [CHECKED_HEADER]: CHECKED_FORMAT,
      [INTEGRITY_HEADER]: verifiedBySha256 ? 'sha256' : 'unverified',
    });
    await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
  }

  async delete(url: string): Promise<void> {
    const cache = await openCache();
    await cache?.delete(url).catch(() => false);
  }

  /**
   * Stored models. Entries from earlier versions that hold a web page (the old dev-server
   * fallback stored index.html as model files) are purged here and not listed.
   */
  async list(): Promise<CachedModelInfo[]> {
    const cache = await openCache();
    if (!cache) return [];
    const byModel = new Map<string, { files: number; bytes: number }>();
    for (const request of await cache.keys().catch(() => [] as readonly Request[])) {
      const response = await cache.match(request).catch(() => undefined);
      if (!response) continue;
      if (!isChecked(response) && looksLikeHtml(await headOf(response.clone()))) {
        await cache.delete(request).catch(() => false);
        continue;
      }
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
      await caches.delete(MODEL_CACHE_NAME).catch(() => false);
      return;
    }
    const cache = await openCache();
    if (!cache) return;
    for (const request of await cache.keys().catch(() => [] as readonly Request[])) {
      const response = await cache.match(request).catch(() => undefined);
      if (response?.headers.get(MODEL_HEADER) === model) await cache.delete(request);
    }
  }

  /**
   * True when every URL is stored by a checking version (and, when `expected` is given per
   * URL, with that checksum or exact size). Entries from earlier versions don't count until a
   * load has verified them; those holding a web page, or a stale checksum, are purged.
   */
  async hasAll(
    urls: readonly string[],
    expected?: ReadonlyMap<string, ExpectedFile>,
  ): Promise<boolean> {
    if (!this.#enabled) return false;
    const cache = await openCache();
    if (!cache) return false;
    let all = true;
    for (const url of urls) {
      const response = await cache.match(url).catch(() => undefined);
      if (!response) {
        all = false;
        continue;
      }
      if (matches(response, expected?.get(url))) continue;
      all = false;
      const stale = isChecked(response) || looksLikeHtml(await headOf(response));
      if (stale) await cache.delete(url).catch(() => false);
    }
    return all;
  }
}
