import { KlarError } from '../errors.js';
import type { ModelFile } from '../manifest/types.js';
import { downloadBytes } from './download.js';
import type { ModelCache } from './model-cache.js';
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
}

/**
 * Loads every file of a model, from the cache when stored, else from the model host.
 * Downloaded files with a sha256 are verified before they are used or cached: a mismatch
 * throws `integrity-failed` and nothing is written. A full quota only warns.
 */
export async function fetchModelFiles(
  options: FetchModelFilesOptions,
): Promise<Map<string, Uint8Array>> {
  const { files, cache, onEvent, signal } = options;
  const modelTotal = files.reduce((sum, f) => sum + f.size, 0);
  let modelLoaded = 0;
  let quotaWarned = false;
  const result = new Map<string, Uint8Array>();

  for (const file of files) {
    if (signal?.aborted) throw new KlarError('aborted', 'Loading the model was stopped.');
    const url = new URL(file.path, options.folderUrl).href;
    onEvent({ kind: 'initiate', file: file.path });

    const cached = await cache.read(url);
    // A stored file is trusted only if it was verified against the same checksum.
    if (cached && (!file.sha256 || cached.sha256 === file.sha256)) {
      modelLoaded += cached.bytes.byteLength;
      onEvent({
        kind: 'download',
        file: file.path,
        loaded: cached.bytes.byteLength,
        total: cached.bytes.byteLength,
        modelLoaded,
        modelTotal,
        fromCache: true,
      });
      result.set(file.path, cached.bytes);
      continue;
    }

    const before = modelLoaded;
    const bytes = await downloadBytes(
      url,
      file.size,
      signal,
      ({ loaded, total }) => {
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
      cache.enabled,
    );
    modelLoaded = before + bytes.byteLength;

    const digest = await sha256Hex(bytes);
    if (file.sha256 && digest !== file.sha256.toLowerCase()) {
      throw new KlarError(
        'integrity-failed',
        `The file ${file.path} of ${options.model} does not match its checksum. It was not used or stored. Re-mirror the model or update the manifest.`,
        { model: options.model, file: file.path, expected: file.sha256, actual: digest },
      );
    }
    result.set(file.path, bytes);

    try {
      if (options.failCacheWrites)
        throw new DOMException('Simulated full storage', 'QuotaExceededError');
      await cache.write(url, options.model, bytes, digest);
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
