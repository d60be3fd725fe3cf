import { type KlarError, toKlarError } from '../errors.js';
import type { BackendPreference, ProgressEvent } from '../types.js';
import type { LoadedModel } from './loaded-model.js';

/** Failures that mean "WebGPU can't do this here", as opposed to bad files or bad input. */
const BACKEND_FAILURES = new Set(['session-failed', 'device-lost', 'webgpu-unavailable']);

/** Whether `auto` should retry on WASM after `reason`, thrown while loading on WebGPU. */
export function isBackendFailure(reason: KlarError, preference: BackendPreference): boolean {
  return preference === 'auto' && BACKEND_FAILURES.has(reason.code);
}

/** What the fallback needs from the model sessions. */
export interface WasmReplacer {
  replaceWithWasm(
    broken: LoadedModel,
    reason: KlarError,
    requestId: string,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<LoadedModel>;
}

export interface FallbackContext {
  readonly requestId: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * The one WebGPU → WASM fallback every task runs through: when an attempt on WebGPU fails
 * (device lost, a kernel failing mid-request), the model moves to WASM and the attempt runs
 * again there. The attempt gets the model to use and resumes from its own saved state, so
 * generation continues from the tokens it already has. Aborts and bad input are not
 * backend problems and pass through.
 */
export async function runWithBackendFallback<T>(
  sessions: WasmReplacer,
  first: LoadedModel,
  context: FallbackContext,
  attempt: (loaded: LoadedModel) => Promise<T>,
): Promise<T> {
  let loaded = first;
  for (;;) {
    try {
      return await attempt(loaded);
    } catch (error) {
      const reason = toKlarError(error, 'device-lost', 'WebGPU failed during the request');
      if (
        context.signal?.aborted ||
        loaded.backend !== 'webgpu' ||
        reason.code === 'aborted' ||
        reason.code === 'invalid-input' ||
        reason.code === 'input-too-long'
      )
        throw error;
      loaded = await sessions.replaceWithWasm(
        loaded,
        reason,
        context.requestId,
        context.onProgress,
      );
    }
  }
}
