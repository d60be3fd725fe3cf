import { KlarError } from '../errors.js';
import { type FileCheckPolicy, filePolicyOf } from '../manifest/parse.js';
import type { ModelFile } from '../manifest/types.js';
import { downloadFile } from './download.js';
import { type ExpectedFile, fileError, looksLikeHtml } from './file-checks.js';
import type { ModelCache } from './model-cache.js';
import { withModelLock } from './model-lock.js';
import { sha256Hex } from './sha256.js';

export type FileEvent =
  | { readonly kind: 'initiate'; readonly file: string }
  | {
      readonly kind: 'download';
      readonly file: string;
      readonly loaded: number;
      readonly total: number;
      readonly modelLoaded: number;
      readonly modelTotal: number;
      readonly fromCache: boolean;
    }
  | { readonly kind: 'warning'; readonly error: KlarError };

export interface FetchModelFilesOptions {
  readonly model: string;
  /** Absolute URL of the model's folder, ending in `/`. */
  readonly folderUrl: string;
  readonly files: readonly ModelFile[];
  readonly cache: ModelCache;
  readonly signal?: AbortSignal;
  readonly onEvent: (event: FileEvent) => void;
  /** Test hook: make cache writes fail as if storage were full. */
  readonly failCacheWrites?: boolean;
  /**
   * The model's policy; by default the one parseManifest recorded for these files (strict:
   * sha256 required, sizes exact, for files not from a parsed manifest).
   */
  readonly policy?: FileCheckPolicy;
}

/** The manifest's promise for one file, under its model's policy. */
export function expectedFile(file: ModelFile, policy = filePolicyOf(file)): ExpectedFile {
  return {
    path: file.path,
    size: file.size,
    ...(file.sha256 ? { sha256: file.sha256.toLowerCase() } : {}),
    // A sha256 pins the bytes, so its size is exact whatever `verified` says.
    sizeExact: policy.sizeExact || file.sha256 !== undefined,
  };
}

/**
 * Loads every file of a model, from the cache when stored, else from the model host, holding
 * a Web Lock per model folder so concurrent tabs download once. Before any request, a file
 * without a sha256 is refused unless the manifest marks the model `integrity: "unverified"`.
 * Downloads are checked for content type, HTML and size (see download.ts) and their sha256
 * before they are used or cached: a failure throws `integrity-failed` and nothing is written.
 * Stored entries that no longer match the manifest, or that an earlier version stored without
 * these checks and that fail them, are purged and downloaded again. A full quota only warns.
 */
export async function fetchModelFiles(
  options: FetchModelFilesOptions,
): Promise<Map<string, Uint8Array>> {
  const { files, model, signal } = options;
  for (const file of files) {
    const policy = options.policy ?? filePolicyOf(file);
    if (!file.sha256 && policy.integrity !== 'unverified') {
      const url = new URL(file.path, options.folderUrl).href;
      throw fileError(
        'no-checksum',
        url,
        model,
        `The manifest lists ${file.path} of ${model} without a sha256, so it cannot be verified and was not downloaded. Mirror the model with npm run models:mirror (it writes sha256 and sizes), or mark the entry "integrity": "unverified" if you accept unverified files.`,
      );
    }
  }
  return withModelLock(options.folderUrl, signal, () => loadFiles(options));
}

async function loadFiles(options: FetchModelFilesOptions): Promise<Map<string, Uint8Array>> {
  const { files, cache, onEvent, signal, model } = options;
  const modelTotal = files.reduce((sum, f) => sum + f.size, 0);
  let modelLoaded = 0;
  let quotaWarned = false;
  const result = new Map<string, Uint8Array>();

  for (const file of files) {
    if (signal?.aborted) throw new KlarError('aborted', 'Loading the model was stopped.');
    const url = new URL(file.path, options.folderUrl).href;
    const expected = expectedFile(file, options.policy ?? filePolicyOf(file));
    onEvent({ kind: 'initiate', file: file.path });

    const stored = await storedCopy(cache, url, model, expected);
    if (stored) {
      modelLoaded += stored.byteLength;
      onEvent({
        kind: 'download',
        file: file.path,
        loaded: stored.byteLength,
        total: stored.byteLength,
        modelLoaded,
        modelTotal,
        fromCache: true,
      });
      result.set(file.path, stored);
      continue;
    }

    const before = modelLoaded;
    const bytes = await downloadFile({
      url,
      model,
      expected,
      signal,
      bypassHttpCache: cache.enabled,
      onProgress: ({ loaded, total }) => {
        onEvent({
          kind: 'download',
          file: file.path,
          loaded,
          total,
          modelLoaded: before + loaded,
          modelTotal,
          fromCache: false,
        });
      },
    });
    modelLoaded = before + bytes.byteLength;

    const digest = await sha256Hex(bytes);
    if (expected.sha256 && digest !== expected.sha256) {
      throw fileError(
        'sha256',
        url,
        model,
        `The file ${file.path} of ${model} does not match its checksum. It was not used or stored. Re-mirror the model or update the manifest.`,
        { file: file.path, expected: expected.sha256, actual: digest },
      );
    }
    result.set(file.path, bytes);

    try {
      if (options.failCacheWrites)
        throw new DOMException('Simulated full storage', 'QuotaExceededError');
      await cache.write(url, model, bytes, digest, expected.sha256 !== undefined);
    } catch (error) {
      if (!quotaWarned) {
        quotaWarned = true;
        onEvent({
          kind: 'warning',
          error: new KlarError(
            'quota-exceeded',
            'There is not enough storage on this device to keep the model. It works now but will be downloaded again next time.',
            { cause: String(error) },
          ),
        });
      }
    }
  }
  return result;
}

/**
 * The stored bytes when they stand for the expected file; otherwise purges the entry (a
 * stale checksum, a web page, a wrong size) and returns null so the file is downloaded.
 * An entry from a version before the checks is re-hashed once and upgraded if it matches.
 */
async function storedCopy(
  cache: ModelCache,
  url: string,
  model: string,
  expected: ExpectedFile,
): Promise<Uint8Array | null> {
  const cached = await cache.read(url);
  if (!cached) return null;
  const { bytes } = cached;
  const sizeOk = !expected.sizeExact || bytes.byteLength === expected.size;
  if (cached.checked && sizeOk) {
    if (!expected.sha256 || cached.sha256 === expected.sha256) return bytes;
  } else if (!cached.checked && sizeOk && expected.sha256 && !looksLikeHtml(bytes)) {
    const digest = await sha256Hex(bytes);
    if (digest === expected.sha256) {
      await cache.write(url, model, bytes, digest, true).catch(() => undefined);
      return bytes;
    }
  }
  await cache.delete(url);
  return null;
}
