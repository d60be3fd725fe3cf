import { KlarError, type KlarErrorCode } from '@klar/runtime';

export { KlarError, type KlarErrorCode };

/** A KlarError that also reads like the W3C `QuotaExceededError`: `requested` and `quota` in tokens. */
export type InputTooLongError = KlarError & {
  readonly code: 'input-too-long';
  readonly requested: number;
  readonly quota: number;
};

export function inputTooLong(requested: number, quota: number, what: string): InputTooLongError {
  const error = new KlarError(
    'input-too-long',
    `${what}: the input needs ${requested} tokens, the model takes ${quota}. Shorten the text, or leave splitting of long texts on.`,
    { requested, quota },
  );
  return Object.assign(error, { requested, quota }) as InputTooLongError;
}

export function destroyedError(what: string): KlarError {
  return new KlarError('disposed', `${what} was destroyed; create a new one.`);
}

export function abortedError(): KlarError {
  return new KlarError('aborted', 'The request was stopped.');
}

/** The `code` of a KlarError, read by shape so it works across module copies and workers. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return 'aborted';
  return undefined;
}

/** Rejects at once if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError();
}

/** A signal that fires when any of the given signals fires. */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length === 1) return present[0]!;
  return AbortSignal.any(present);
}
