import { KlarError } from '../shared/errors.js';
import type { RawIdentifier } from './identify.js';

/** What `LanguageDetector.source` says when Klar's own identifier answers. */
export const KLAR_IDENTIFIER_SOURCE = 'cld3';

/** Bytes of text CLD3 reads: the start of a long text tells its language. */
const MAX_BYTES = 2048;
/** Size of one field of CLD3's LanguageResult struct (wasm32): char* language, float probability, bool reliable. */
const POINTER = 4;
/**
 * The glue's data: URI of the WebAssembly module ("AGFzbQ" is base64 for its magic "\0asm"),
 * whatever quotes a minifier put around it.
 */
const EMBEDDED_WASM = /data:application\/octet-stream;base64,(AGFzbQ[A-Za-z0-9+/]*={0,2})/;

/** The parts of the emscripten module (cld3-asm's glue) Klar calls. */
interface Cld3Runtime {
  cwrap(name: string, returns: 'number' | null, args?: string[]): (...args: number[]) => number;
  allocateUTF8(text: string): number;
  UTF8ToString(pointer: number): string;
  getValue(pointer: number, type: 'i8' | '*' | 'float'): number;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

// One CLD3 instance per page, loaded on first use: its WebAssembly (inside cld3-asm's own
// JavaScript, about 500 KB gzipped; nothing is fetched) never weighs on a page that does not
// identify a language.
let loading: Promise<RawIdentifier> | undefined;

/**
 * Klar's packaged language identifier: Google's CLD3 (Apache-2.0), compiled to WebAssembly by
 * cld3-asm (MIT). Klar drives the glue itself rather than through cld3-asm's `loadModule`, whose
 * loader pulls Node-only modules and a 3-second start-up timeout into the page.
 */
export function loadCld3(): Promise<RawIdentifier> {
  loading ??= start().catch((cause: unknown) => {
    loading = undefined;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KlarError(
      'backend-unavailable',
      `LanguageDetector: Klar's language identifier (CLD3, WebAssembly) could not start: ${reason}. A Content-Security-Policy on this page needs 'wasm-unsafe-eval' in script-src.`,
      { cause: reason },
    );
  });
  return loading;
}

async function start(): Promise<RawIdentifier> {
  const { runtime } = await startRuntime();
  const create = runtime.cwrap('Cld_create', 'number', ['number', 'number']);
  const find = runtime.cwrap('Cld_findLanguage', null, ['number', 'number', 'number']);
  const resultSize = runtime.cwrap('get_SizeLanguageResult', 'number')();
  const cld = create(0, MAX_BYTES);
  return (text) => {
    const textPointer = runtime.allocateUTF8(text);
    const result = runtime._malloc(resultSize);
    try {
      find(cld, textPointer, result);
      const languagePointer = runtime.getValue(result, '*');
      const language = runtime.UTF8ToString(languagePointer);
      const probability = runtime.getValue(result + POINTER, 'float');
      const isReliable = runtime.getValue(result + 2 * POINTER, 'i8') !== 0;
      runtime._free(languagePointer);
      // The byte ranges CLD3 also returns are not allocated by findLanguage (only by the
      // most-frequent-languages call), so there is nothing else to free.
      return { language, probability, isReliable };
    } finally {
      runtime._free(result);
      runtime._free(textPointer);
    }
  };
}

async function startRuntime(): Promise<{ runtime: Cld3Runtime }> {
  // Bundlers map the node build to the browser build through cld3-asm's "browser" field; the
  // explicit choice keeps Node (tests, benches) and unbundled pages working too.
  const { default: createModule } = isNode()
    ? await import('cld3-asm/dist/esm/lib/node/cld3.js')
    : await import('cld3-asm/dist/esm/lib/browser/cld3.js');
  const wasmBinary = embeddedWasm(createModule);
  // The emscripten module is a thenable whose `then` calls back with itself: a promise resolved
  // with it (or an async function returning it) never settles. It only travels in a wrapper.
  return new Promise<{ runtime: Cld3Runtime }>((resolve, reject) => {
    const holder: { runtime?: Cld3Runtime } = {};
    holder.runtime = createModule({
      wasmBinary,
      print: () => {},
      printErr: () => {},
      onAbort: (reason: unknown) => reject(new Error(String(reason))),
      onRuntimeInitialized: () =>
        queueMicrotask(() => resolve({ runtime: holder.runtime as Cld3Runtime })),
    }) as Cld3Runtime;
  });
}

/**
 * The WebAssembly bytes the glue carries as a data: URI. Handed over directly, so the glue does
 * not `fetch()` its own data: URI, which a page's `connect-src 'self'` refuses (a CSP violation
 * report, then a fallback). Read from the factory's source text: no eval, no request.
 */
function embeddedWasm(createModule: unknown): Uint8Array | undefined {
  const base64 = EMBEDDED_WASM.exec(Function.prototype.toString.call(createModule))?.[1];
  if (!base64) return undefined; // The glue then decodes it itself (after a refused fetch).
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isNode(): boolean {
  const scope = globalThis as { process?: { versions?: { node?: string } }; document?: unknown };
  return typeof scope.process?.versions?.node === 'string' && scope.document === undefined;
}
