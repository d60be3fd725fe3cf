/** Stable error codes. Integrators switch on `code`; the message says what to do. */
export type KlarTextErrorCode =
  | 'invalid-input'
  | 'invalid-option'
  | 'invalid-recognizer'
  | 'duplicate-recognizer'
  | 'recognizer-failed'
  | 'aborted';

/** The one error type `@klar/text` throws. Plain data, so it survives `postMessage`. */
export class KlarTextError extends Error {
  override readonly name = 'KlarTextError' as const;
  readonly code: KlarTextErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: KlarTextErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    if (details) this.details = details;
  }
}

export function isKlarTextError(value: unknown, code?: KlarTextErrorCode): value is KlarTextError {
  return value instanceof KlarTextError && (code === undefined || value.code === code);
}

/** Guards every public entry point: a non-string would otherwise fail deep inside a regex. */
export function assertText(value: unknown, where: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new KlarTextError(
      'invalid-input',
      `${where}: expected the text as a string but got ${value === null ? 'null' : typeof value}. ` +
        'Pass the text itself (use String(value) or an empty string for missing text).',
    );
  }
}
