import { KlarError } from '../errors.js';

/** What the manifest promises about one file; checked before anything is stored. */
export interface ExpectedFile {
  /** Path inside the model folder, for messages. */
  readonly path: string;
  readonly size: number;
  /** Lowercase hex; absent only for models the agency marked `integrity: "unverified"`. */
  readonly sha256?: string;
  /** False when the manifest's size is the hub's listing (an estimate), not a checked value. */
  readonly sizeExact: boolean;
}

export type FileProblem = 'no-checksum' | 'size' | 'sha256' | 'html';

export function fileError(
  problem: FileProblem,
  url: string,
  model: string,
  message: string,
  extra: Record<string, unknown> = {},
): KlarError {
  return new KlarError('integrity-failed', message, { problem, url, model, ...extra });
}

/** Content types no model file ever has: a web page answered in its place. */
const PAGE_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Refuses a response before its body is read: an HTML page (a dev server's or CDN's fallback
 * for a missing file) or a length that cannot be the manifest's file.
 */
export function checkResponseHeaders(
  response: Response,
  url: string,
  model: string,
  expected: ExpectedFile,
): void {
  const type = response.headers.get('content-type') ?? '';
  if (PAGE_TYPES.test(type)) {
    throw fileError(
      'html',
      url,
      model,
      `The model host answered ${url} with a web page (${type.split(';')[0]}), not a model file. The file is probably missing there and the server falls back to index.html: mirror the model (npm run models:mirror) or fix the model base URL. Nothing was stored.`,
      { contentType: type },
    );
  }
  if (!expected.sizeExact || response.headers.has('content-encoding')) return;
  // For a resumed (206) answer the total is in Content-Range; otherwise Content-Length.
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  const total = range
    ? Number(range[1])
    : response.status === 200
      ? Number(response.headers.get('content-length') ?? Number.NaN)
      : Number.NaN;
  if (Number.isFinite(total) && total !== expected.size) {
    throw sizeError(url, model, expected, total);
  }
}

export function sizeError(
  url: string,
  model: string,
  expected: ExpectedFile,
  actual: number,
): KlarError {
  return fileError(
    'size',
    url,
    model,
    `The model file ${url} has ${actual} bytes, the manifest says ${expected.size}. It is truncated or a different file: re-mirror the model or update the manifest. Nothing was stored.`,
    { expected: expected.size, actual },
  );
}

/**
 * True when bytes start like an HTML document. No model file format (ONNX protobuf, JSON,
 * vocab or merges text) starts with a tag, so this catches a fallback page served with a
 * wrong content type, and pages stored by earlier versions.
 */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return /^<(!doctype\s+html|html|head|body|script|meta|title|!--)/.test(text);
}

export function htmlError(url: string, model: string): KlarError {
  return fileError(
    'html',
    url,
    model,
    `The model host answered ${url} with an HTML page, not a model file. The file is probably missing there: mirror the model (npm run models:mirror) or fix the model base URL. Nothing was stored.`,
  );
}
