import { KlarError } from '../shared/errors.js';
import type { RawIdentifier } from './identify.js';

/** What `LanguageDetector.source` says when Klar's own identifier answers. */
export const KLAR_IDENTIFIER_SOURCE = 'cld3';

/**
 * Bytes of text CLD3 reads (the start of a long text is enough to tell its language). No lower
 * bound here: Klar's own letter rule (identify.ts) decides what is too short.
 */
const MAX_BYTES = 2048;

interface Cld3Identifier {
  findLanguage(text: string): { language: string; probability: number; is_reliable: boolean };
}

// One CLD3 instance per page, loaded on first use: its WebAssembly (about 500 KB gzipped, in
// the package's own JavaScript, so nothing is fetched from anywhere) never weighs on a page
// that does not identify a language.
let loading: Promise<RawIdentifier> | undefined;

/** Klar's packaged language identifier (Google's CLD3, compiled to WebAssembly by cld3-asm). */
export function loadCld3(): Promise<RawIdentifier> {
  loading ??= start().catch((cause: unknown) => {
    loading = undefined;
    throw new KlarError(
      'backend-unavailable',
      `LanguageDetector: Klar's language identifier (CLD3, WebAssembly) could not start: ${String(
        (cause as Error)?.message ?? cause,
      )}. Check that WebAssembly is allowed: a Content-Security-Policy needs 'wasm-unsafe-eval' in script-src on this page.`,
      { cause: String(cause) },
    );
  });
  return loading;
}

async function start(): Promise<RawIdentifier> {
  const { loadModule } = await import('cld3-asm');
  const factory = await loadModule();
  const cld3 = factory.create(0, MAX_BYTES) as Cld3Identifier;
  return (text) => {
    const result = cld3.findLanguage(text);
    return {
      language: result.language,
      probability: result.probability,
      isReliable: result.is_reliable,
    };
  };
}
