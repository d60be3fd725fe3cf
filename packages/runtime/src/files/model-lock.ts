import { KlarError } from '../errors.js';

/**
 * Runs `task` holding an origin-wide Web Lock named after the model folder, so two tabs (or
 * two workers in one page) that need the same model download it once: the second waits, then
 * finds the files stored. Without Web Locks (insecure context, old browser) it just runs.
 */
export async function withModelLock<T>(
  folderUrl: string,
  signal: AbortSignal | undefined,
  task: () => Promise<T>,
): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  if (signal?.aborted) throw new KlarError('aborted', 'Loading the model was stopped.');
  try {
    return await locks.request(
      `klar-model-download:${folderUrl}`,
      signal ? { mode: 'exclusive', signal } : { mode: 'exclusive' },
      task,
    );
  } catch (error) {
    // Only waiting for the lock can fail with AbortError; the task throws KlarErrors.
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw new KlarError('aborted', 'Loading the model was stopped.');
    }
    throw error;
  }
}
