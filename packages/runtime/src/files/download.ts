import { KlarError } from '../errors.js';

export interface DownloadProgress {
  readonly loaded: number;
  readonly total: number;
}

/**
 * Fetches a file into memory, reporting progress as bytes arrive. `expectedSize` from the
 * manifest stands in when the server sends no Content-Length (compressed responses).
 */
export async function downloadBytes(
  url: string,
  expectedSize: number,
  signal: AbortSignal | undefined,
  onProgress: (progress: DownloadProgress) => void,
  bypassHttpCache: boolean,
): Promise<Uint8Array> {
  let response: Response;
  try {
    // When Klar keeps its own verified copy, a second copy in the HTTP cache would only
    // double the model's footprint on the citizen's device.
    response = await fetch(url, {
      signal,
      credentials: 'same-origin',
      ...(bypassHttpCache ? { cache: 'no-store' as const } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw new KlarError('aborted', 'The download was stopped.');
    throw new KlarError(
      'download-failed',
      `Could not download ${url}. Check that the model host is reachable and allows this origin (CORS).`,
      { url, cause: String(error) },
    );
  }
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
  const header = Number(response.headers.get('content-length'));
  const total = Number.isFinite(header) && header > 0 ? header : expectedSize;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress({ loaded, total: Math.max(total, loaded) });
    }
  } catch (error) {
    if (signal?.aborted) throw new KlarError('aborted', 'The download was stopped.');
    throw new KlarError('download-failed', `The download of ${url} broke off. Try again.`, {
      url,
      cause: String(error),
    });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
