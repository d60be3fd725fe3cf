import { KlarBaseError } from '@klar/text/errors';

/** Stable error codes. Integrators switch on `code`; the message is for people. */
export type KlarErrorCode =
  | 'webgpu-unavailable'
  /**
   * No backend can start here. When ONNX Runtime's own files are at fault, `details` says
   * `{ url, status?, contentType?, cause }` with cause 'missing' | 'not-wasm' | 'not-javascript' |
   * 'unreachable' | 'csp' | 'no-webassembly' (see backend/runtime-files-check.ts).
   */
  | 'backend-unavailable'
  | 'device-lost'
  | 'session-failed'
  | 'integrity-failed'
  | 'aborted'
  | 'quota-exceeded'
  | 'model-not-found'
  | 'model-too-large'
  | 'download-failed'
  | 'input-too-long'
  | 'invalid-input'
  | 'invalid-manifest'
  /** This build cannot run the task (e.g. speech recognition today): refused before any download. */
  | 'unsupported-task'
  /** The worker died mid-request (terminated, out of memory); the next request gets a fresh one. */
  | 'worker-crashed'
  | 'disposed'
  | 'internal';

export interface KlarErrorData {
  readonly name: 'KlarError';
  readonly code: KlarErrorCode;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

/** The one error type Klar throws. It survives the worker boundary (see `transfer.ts`). */
export class KlarError extends KlarBaseError<KlarErrorCode> {
  override readonly name = 'KlarError' as const;
  readonly code: KlarErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: KlarErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    if (details) this.details = details;
  }

  override toJSON(): KlarErrorData {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }

  static fromJSON(data: KlarErrorData): KlarError {
    return new KlarError(data.code, data.message, data.details);
  }
}

export function isKlarError(value: unknown, code?: KlarErrorCode): value is KlarError {
  return value instanceof KlarError && (code === undefined || value.code === code);
}

/** Wraps anything thrown into a KlarError, keeping an existing one as it is. */
export function toKlarError(
  value: unknown,
  fallback: KlarErrorCode = 'internal',
  context = '',
): KlarError {
  if (value instanceof KlarError) return value;
  if (value instanceof DOMException && value.name === 'AbortError') {
    return new KlarError('aborted', 'The request was stopped.');
  }
  const text = value instanceof Error ? value.message : String(value);
  return new KlarError(fallback, context ? `${context}: ${text}` : text);
}
