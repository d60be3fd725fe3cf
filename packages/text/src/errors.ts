/**
 * Errors shared by every Klar package. This file imports nothing, so `@klar/runtime` (and anyone
 * else) can take the base class from `@klar/text/errors` without pulling in the text tools.
 */

/** What every Klar error looks like as plain data (after `toJSON`, across `postMessage`). */
export interface KlarErrorJSON<Code extends string = string> {
  readonly name: string;
  readonly code: Code;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

/**
 * The one base of `KlarError` (runtime) and `KlarTextError` (text): a stable `code` to switch on,
 * optional `details`, and a `toJSON` that keeps all three. Subclasses declare their own code
 * union and name, so `instanceof` on either class keeps working, and `instanceof KlarBaseError`
 * catches both.
 */
export abstract class KlarBaseError<Code extends string = string> extends Error {
  abstract readonly code: Code;
  abstract readonly details?: Record<string, unknown>;

  toJSON(): KlarErrorJSON<Code> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** True for any Klar error, from whichever package, optionally with the given code. */
export function isKlarBaseError(value: unknown, code?: string): value is KlarBaseError {
  return value instanceof KlarBaseError && (code === undefined || value.code === code);
}

/** Stable error codes. Integrators switch on `code`; the message says what to do. */
export type KlarTextErrorCode =
  | 'invalid-input'
  | 'invalid-option'
  | 'invalid-recognizer'
  | 'duplicate-recognizer'
  | 'recognizer-failed'
  | 'aborted';

/** The one error type `@klar/text` throws. Plain data, so it survives `postMessage`. */
export class KlarTextError extends KlarBaseError<KlarTextErrorCode> {
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
