import { errorCode, isSetupProblem } from './errors.js';

/** What the integrator can do about each setup problem. */
const FIXES: Readonly<Record<string, string>> = {
  'invalid-manifest':
    'Serve the model manifest as JSON (status 200) at the URL above, or point <meta name="klar-model-base" content="/models/"> at the folder that holds manifest.json.',
  'model-not-found':
    'List a model for this task in manifest.json (with role "default", or name it with the element\'s model attribute), and check that its files are served under the model base URL.',
  'integrity-failed':
    'A model file has no sha256 in manifest.json, or did not match it. Mirror the model with `npm run models:mirror` (it writes sha256 and sizes), or mark it "integrity": "unverified" if your agency accepts that; if the server answers with an HTML page (e.g. a single-page-app fallback) or an old file, serve the exact file and answer 404 for missing ones.',
  'download-failed':
    "A model file could not be fetched. Check that the URL above is served from this origin and that the Content-Security-Policy allows connect-src 'self'.",
  'backend-unavailable':
    "ONNX Runtime could not start. Copy the ort-wasm-simd-threaded*.mjs/.wasm files the runtime loads next to klar.js (or to wasmPaths), serve .wasm as application/wasm, and allow 'wasm-unsafe-eval' in script-src of the CSP, on the page and on the worker script.",
  'webgpu-unavailable':
    'The page forces the WebGPU backend but this browser has no usable adapter. Use backend: "auto" so WebAssembly is used instead.',
  'session-failed':
    "ONNX Runtime could not create a session. Check that the ONNX Runtime files and the model files are the ones the manifest names, that .wasm is served as application/wasm, and that the CSP allows 'wasm-unsafe-eval'.",
  'worker-start':
    "Klar's worker stopped before its first answer. Check that the worker script next to the runtime (klar-worker.js in the bundle) is served as JavaScript with status 200, and that the CSP allows worker-src 'self' and script-src 'self' 'wasm-unsafe-eval' on the page and on the worker script.",
  engine:
    "The Klar engine or its worker could not start. Check that the worker script next to the runtime is served as JavaScript (status 200) and that the CSP allows worker-src 'self' and script-src 'self'.",
};

const reported = new WeakMap<object, Set<string>>();

/**
 * Where to look for a problem the runtime reports without a URL (describe() gives only a code):
 * the manifest for manifest problems, the ONNX Runtime folder for backend problems, else the
 * model folder. Read from a `KlarClient`'s resolved config; undefined for other engines.
 */
export function setupUrl(engine: unknown, code: string | undefined): string | undefined {
  const config = (engine as { config?: Record<string, unknown> } | null)?.config;
  if (!config) return undefined;
  const pick =
    code === 'invalid-manifest' || code === 'model-not-found'
      ? config.manifest
      : code === 'backend-unavailable' || code === 'session-failed'
        ? config.wasmPaths
        : config.modelBaseUrl;
  return typeof pick === 'string' ? pick : undefined;
}

/**
 * Tells the developer, once per page and problem, what is wrong with the site's setup and how to
 * fix it (the citizen only hears that AI help is not available on this site right now).
 * `engine` (a KlarClient) names the folder to check when the error itself carries no URL.
 * Returns whether it was a setup problem.
 */
export function reportSetupProblem(
  error: unknown,
  page: object,
  engine?: unknown,
  /** What the citizen loses; a part that degrades gracefully says so. */
  headline = 'AI help is not available on this site',
): boolean {
  if (!isSetupProblem(error)) return false;
  const code = errorCode(error) ?? 'engine';
  const seen = reported.get(page) ?? new Set<string>();
  reported.set(page, seen);
  // One message per page: the first setup problem is the one to fix.
  if (seen.size) return true;
  seen.add(code);
  const given = (error as { message?: unknown } | null)?.message;
  const message = typeof given === 'string' && given ? given : String(error);
  const details = (error as { details?: Record<string, unknown> } | null)?.details;
  // The runtime's own URL first; else the folder its configuration says to look in.
  const url =
    typeof details?.url === 'string' ? details.url : (urlIn(message) ?? setupUrl(engine, code));
  const fix = (error as { fix?: unknown } | null)?.fix;
  const fixFor =
    (typeof fix === 'string' ? FIXES[fix] : undefined) ?? FIXES[code] ?? FIXES.engine ?? '';
  const fixText = url
    ? fixFor
    : fixFor.replaceAll(' at the URL above', '').replace('the URL above', 'its URL');
  console.error(
    `[Klar] ${headline}: ${message}${url ? `\n  URL: ${url}` : ''}\n  Fix: ${fixText}`,
    error,
  );
  return true;
}

/** A new setup (another engine) may have new problems worth one message again. */
export function forgetSetupReports(page: object): void {
  reported.delete(page);
}

function urlIn(text: string): string | undefined {
  return /\bhttps?:\/\/\S+/.exec(text)?.[0]?.replace(/[).,;]+$/, '');
}
