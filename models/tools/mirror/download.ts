import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KlarError } from '../../../packages/runtime/src/errors.js';
import { hashFile } from './hash.js';
import { describeNetworkError, hubFetch } from './network.js';

export interface DownloadOptions {
  /** When set, a mismatch deletes the download and throws `integrity-failed`. */
  readonly expectedSha256?: string;
  /** When set, the download must have exactly this many bytes. */
  readonly expectedSize?: number;
  /** Attempts in all (the first one included). */
  readonly attempts: number;
  /** Abort a transfer that delivers nothing for this long; default 60 s. */
  readonly idleTimeoutMs?: number;
  /** Wait before retry n is n × this; default 1 s. */
  readonly retryDelayMs?: number;
  /** Sent as a bearer token (gated hub repos). */
  readonly token?: string;
  readonly fetchFn?: typeof fetch;
  readonly log?: (line: string) => void;
}

export interface Downloaded {
  readonly sha256: string;
  readonly size: number;
  /** Byte offsets at which an interrupted transfer was resumed. */
  readonly resumedAt: readonly number[];
  /** The hub's `X-Repo-Commit` header: the commit a branch name resolved to. */
  readonly commit?: string;
}

/** A failure retrying cannot fix (404, 403…): stops the attempt loop at once. */
class Fatal extends KlarError {}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * One HTTP attempt, appending to `part` from `offset`. Resolves when the body was complete, with
 * the commit the hub reported (Hugging Face sends `X-Repo-Commit` on answers it serves itself).
 */
async function transfer(
  url: string,
  part: string,
  offset: number,
  o: DownloadOptions,
): Promise<string | undefined> {
  const controller = new AbortController();
  const idle = o.idleTimeoutMs ?? 60_000;
  let timer = setTimeout(() => controller.abort(), idle);
  const headers: Record<string, string> = {};
  if (offset > 0) headers.Range = `bytes=${offset}-`;
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  try {
    let res: Response;
    try {
      res = await (o.fetchFn ?? hubFetch())(url, { headers, signal: controller.signal });
    } catch (error) {
      const reason = controller.signal.aborted
        ? `no answer for ${idle / 1000} s`
        : describeNetworkError(error, url);
      throw new KlarError('download-failed', `${url}: ${reason}.`, { url, cause: reason });
    }
    if (res.status === 416 && offset > 0) {
      // Our .part already holds the whole file (or more); check it like a finished download.
      await res.body?.cancel();
      if (res.headers.get('content-range') === `bytes */${offset}`) return undefined;
      await rm(part, { force: true });
      throw new KlarError('download-failed', `${url}: stale partial file, starting over.`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
      const hint =
        res.status === 401 || res.status === 403
          ? ' The repository may be gated: accept its terms on the hub and set HF_TOKEN.'
          : res.status === 404
            ? ' Check the repo id, the pinned revision and the file path in the manifest.'
            : '';
      const Err = retryable ? KlarError : Fatal;
      throw new Err('download-failed', `${url} answered HTTP ${res.status}.${hint}`, {
        url,
        status: res.status,
      });
    }
    let append = false;
    if (res.status === 206) {
      const start = Number(/^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '')?.[1]);
      if (start !== offset) {
        await res.body?.cancel();
        await rm(part, { force: true });
        throw new KlarError('download-failed', `${url}: server resumed at the wrong byte.`);
      }
      append = true;
    }
    if (!res.body) throw new KlarError('download-failed', `${url}: empty response.`);
    const expected = Number(res.headers.get('content-length') ?? Number.NaN);
    const file = await open(part, append ? 'a' : 'w');
    let written = 0;
    try {
      const reader = res.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          const reason = controller.signal.aborted
            ? `no data for ${idle / 1000} s`
            : describeNetworkError(error, url);
          throw new KlarError(
            'download-failed',
            `${url}: cut off after ${written} bytes (${reason}).`,
            { url, cause: reason },
          );
        }
        if (chunk.done) break;
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), idle);
        await file.write(chunk.value);
        written += chunk.value.length;
      }
    } finally {
      await file.close();
    }
    if (Number.isFinite(expected) && written !== expected) {
      throw new KlarError(
        'download-failed',
        `${url}: cut off after ${written} of ${expected} bytes.`,
      );
    }
    const commit = res.headers.get('x-repo-commit') ?? '';
    return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Downloads `url` to `dest` through `dest.part`, resuming with HTTP Range after a cut, with a
 * bounded number of attempts. A .part left by an earlier run is resumed too. The final file
 * appears only after its size and sha256 checked out.
 */
export async function downloadFile(
  url: string,
  dest: string,
  o: DownloadOptions,
): Promise<Downloaded> {
  const part = `${dest}.part`;
  await mkdir(dirname(dest), { recursive: true });
  const resumedAt: number[] = [];
  let lastError: unknown;
  let complete = false;
  let commit: string | undefined;
  for (let attempt = 1; attempt <= o.attempts && !complete; attempt++) {
    let offset = await sizeOf(part);
    if (o.expectedSize !== undefined && offset > o.expectedSize) {
      await rm(part, { force: true });
      offset = 0;
    }
    if (offset > 0) {
      resumedAt.push(offset);
      o.log?.(`  resuming at byte ${offset}`);
    }
    try {
      if (o.expectedSize === undefined || offset < o.expectedSize) {
        commit = (await transfer(url, part, offset, o)) ?? commit;
      }
      complete = true;
    } catch (error) {
      if (error instanceof Fatal) throw new KlarError(error.code, error.message, error.details);
      lastError = error;
      o.log?.(`  attempt ${attempt}/${o.attempts} failed: ${(error as Error).message}`);
      if (attempt < o.attempts) {
        await new Promise((r) => setTimeout(r, attempt * (o.retryDelayMs ?? 1000)));
      }
    }
  }
  if (!complete) {
    throw new KlarError(
      'download-failed',
      `Gave up on ${url} after ${o.attempts} attempts (${(lastError as Error)?.message}). Run the same command again: it resumes from ${part}.`,
      { url },
    );
  }
  const got = await hashFile(part);
  const badSize = o.expectedSize !== undefined && got.size !== o.expectedSize;
  if (badSize || (o.expectedSha256 !== undefined && got.sha256 !== o.expectedSha256)) {
    await rm(part, { force: true });
    const what = badSize
      ? `has ${got.size} bytes, the manifest says ${o.expectedSize}`
      : `has sha256 ${got.sha256}, the manifest says ${o.expectedSha256}`;
    throw new KlarError(
      'integrity-failed',
      `${url} ${what}. The download was deleted. Either the transfer was corrupted (run again) or the file on the hub differs from the pinned one (check the revision).`,
      { url, ...got },
    );
  }
  await rename(part, dest);
  return { ...got, resumedAt, ...(commit ? { commit } : {}) };
}
