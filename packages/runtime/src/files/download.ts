import { KlarError } from '../errors.js';
import {
  checkResponseHeaders,
  type ExpectedFile,
  htmlError,
  looksLikeHtml,
  sizeError,
} from './file-checks.js';

export interface DownloadProgress {
  readonly loaded: number;
  readonly total: number;
}

export interface DownloadRequest {
  readonly url: string;
  readonly model: string;
  readonly expected: ExpectedFile;
  readonly signal?: AbortSignal;
  readonly onProgress: (progress: DownloadProgress) => void;
  /** True when Klar keeps its own verified copy: the HTTP cache would only double it. */
  readonly bypassHttpCache: boolean;
  /** How often a connection that broke off is resumed (or restarted) before giving up. */
  readonly maxResumes?: number;
}

const DEFAULT_MAX_RESUMES = 3;

function aborted(): KlarError {
  return new KlarError('aborted', 'The download was stopped.');
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

async function request(req: DownloadRequest, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(req.url, {
      signal: req.signal,
      credentials: 'same-origin',
      headers,
      ...(req.bypassHttpCache ? { cache: 'no-store' as const } : {}),
    });
  } catch (error) {
    if (req.signal?.aborted) throw aborted();
    const offline = isOffline();
    throw new KlarError(
      'download-failed',
      offline
        ? `Could not download ${req.url}: this device is offline. AI help needs the model once; try again when online.`
        : `Could not download ${req.url}. Check that the model host is reachable and allows this origin (CORS, CSP connect-src).`,
      { url: req.url, offline, cause: String(error) },
    );
  }
}

/** A validator that makes a Range request return 206 only for the very same file. */
function strongValidator(response: Response): string | null {
  const etag = response.headers.get('etag');
  if (etag && !etag.startsWith('W/')) return etag;
  return response.headers.get('last-modified');
}

/**
 * Fetches one model file into memory, reporting progress as bytes arrive. A connection that
 * breaks off is resumed with an HTTP Range request (restarted if the host ignores Range), at
 * most `maxResumes` times. The headers are checked before the body is read and the bytes
 * before they are returned, so an HTML page or a truncated file never reaches the cache.
 * The caller still verifies the sha256.
 */
export async function downloadFile(req: DownloadRequest): Promise<Uint8Array> {
  const { url, model, expected, signal } = req;
  const maxResumes = req.maxResumes ?? DEFAULT_MAX_RESUMES;
  let chunks: Uint8Array[] = [];
  let loaded = 0;
  let validator: string | null = null;
  let breaks = 0;

  for (;;) {
    if (signal?.aborted) throw aborted();
    const resuming = loaded > 0;
    const headers: Record<string, string> = resuming
      ? { Range: `bytes=${loaded}-`, ...(validator ? { 'If-Range': validator } : {}) }
      : {};
    const response = await request(req, headers);
    if (response.status === 404) {
      throw new KlarError(
        'model-not-found',
        `The model file ${url} was not found (404). Check the model base URL and that the files are mirrored there.`,
        { url },
      );
    }
    if (!response.ok || !response.body) {
      throw new KlarError(
        'download-failed',
        `Downloading ${url} failed with HTTP ${response.status}.`,
        {
          url,
          status: response.status,
        },
      );
    }
    if (resuming) {
      const start = Number(/^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1]);
      if (response.status !== 206 || start !== loaded) {
        // The host sent the whole file again (no Range support, or the file changed): restart.
        chunks = [];
        loaded = 0;
        if (response.status === 206) {
          await response.body.cancel().catch(() => undefined);
          continue;
        }
      }
    }
    checkResponseHeaders(response, url, model, expected);
    if (loaded === 0) validator = strongValidator(response);
    const header = Number(response.headers.get('content-length'));
    const total =
      expected.sizeExact || !(header > 0) ? expected.size : Math.max(header + loaded, loaded);

    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (loaded === 0 && looksLikeHtml(value)) throw htmlError(url, model);
        chunks.push(value);
        loaded += value.byteLength;
        // More bytes than the manifest promises: not this file; stop before memory fills up.
        if (expected.sizeExact && loaded > expected.size)
          throw sizeError(url, model, expected, loaded);
        req.onProgress({ loaded, total: Math.max(total, loaded) });
      }
      break;
    } catch (error) {
      reader.cancel().catch(() => undefined);
      if (error instanceof KlarError) throw error;
      if (signal?.aborted) throw aborted();
      breaks += 1;
      if (breaks > maxResumes) {
        throw new KlarError(
          'download-failed',
          `The download of ${url} broke off ${breaks} times. Try again later; nothing partial was stored.`,
          { url, offline: isOffline(), cause: String(error) },
        );
      }
    }
  }

  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  if (looksLikeHtml(bytes)) throw htmlError(url, model);
  if (expected.sizeExact && loaded !== expected.size) throw sizeError(url, model, expected, loaded);
  return bytes;
}
