import type { ModelUnavailableReason } from './i18n/translation.js';

/** The `code` of a KlarError, read by shape so it works across module copies and workers. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return 'aborted';
  return undefined;
}

export function isAborted(error: unknown): boolean {
  return errorCode(error) === 'aborted';
}

/** Whether this browser could run a model at all: WebGPU or WebAssembly exists. */
export function deviceCanRunModels(): boolean {
  const hasGpu = typeof navigator !== 'undefined' && 'gpu' in navigator;
  return hasGpu || typeof WebAssembly === 'object';
}

/**
 * Codes that mean the site is not set up right (a file missing, blocked or wrong), not that the
 * device can't: the citizen hears "not available on this site right now", the developer gets the
 * URL and the fix in the console.
 */
const SETUP_CODES = new Set([
  'invalid-manifest',
  'model-not-found',
  'integrity-failed',
  'backend-unavailable',
  'webgpu-unavailable',
  'session-failed',
  'download-failed',
  // Not a runtime code: the elements' name for a worker that died before its first answer.
  'worker-start',
]);

export function isSetupProblem(error: unknown, online = navigator.onLine): boolean {
  const code = errorCode(error);
  if (code === 'download-failed') return online;
  return code === undefined ? true : SETUP_CODES.has(code);
}

/** What to tell the citizen when the model cannot be used, from a KlarError code. */
export function reasonFor(error: unknown, online = navigator.onLine): ModelUnavailableReason {
  const code = errorCode(error);
  switch (code) {
    case 'webgpu-unavailable':
    case 'backend-unavailable':
    case 'session-failed':
      // Only the device's fault when it truly has neither WebGPU nor WebAssembly.
      return deviceCanRunModels() ? 'site-unavailable' : 'no-backend';
    case 'unsupported-task':
      return 'no-model';
    case 'model-not-found':
    case 'invalid-manifest':
    case 'integrity-failed':
      return 'site-unavailable';
    case 'model-too-large':
    case 'quota-exceeded':
      return 'too-large';
    case 'download-failed':
      return online ? 'site-unavailable' : 'offline';
    default:
      // worker-crashed, device-lost, internal: worth trying again.
      return 'failed';
  }
}
