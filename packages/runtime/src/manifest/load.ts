import { KlarError } from '../errors.js';
import { parseManifest } from './parse.js';
import type { ModelManifest } from './types.js';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Fetches and checks a manifest. `fetchFn` is injectable so tests and workers pass their own. */
export async function loadManifest(
  url: string,
  fetchFn: FetchLike = (u, i) => fetch(u, i),
  signal?: AbortSignal,
): Promise<ModelManifest> {
  let response: Response;
  try {
    response = await fetchFn(url, signal ? { signal } : undefined);
  } catch (error) {
    throw new KlarError('download-failed', `Could not fetch the model manifest at ${url}.`, {
      url,
      cause: String(error),
    });
  }
  if (!response.ok) {
    throw new KlarError(
      'download-failed',
      `The model manifest at ${url} answered HTTP ${response.status}. Check modelBaseUrl and that manifest.json is served there.`,
      { url, status: response.status },
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KlarError('invalid-manifest', `The model manifest at ${url} is not valid JSON.`, {
      url,
    });
  }
  return parseManifest(json);
}
