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

/** What to tell the citizen when the model cannot be used, from a KlarError code. */
export function reasonFor(error: unknown, online = navigator.onLine): ModelUnavailableReason {
  switch (errorCode(error)) {
    case 'webgpu-unavailable':
    case 'backend-unavailable':
    case 'session-failed':
      return 'no-backend';
    case 'model-not-found':
    case 'invalid-manifest':
      return 'no-model';
    case 'model-too-large':
    case 'quota-exceeded':
      return 'too-large';
    case 'download-failed':
      return online ? 'failed' : 'offline';
    default:
      return 'failed';
  }
}
