import type { Availability } from './types.js';

/** The browser's built-in AI APIs Klar can hand over to. */
export type NativeApiName = 'Summarizer' | 'Rewriter' | 'Translator' | 'LanguageDetector';

/** The static side of a built-in API: `availability(options)` and `create(options)`. */
export interface NativeFactory<Instance> {
  availability(options?: Record<string, unknown>): Promise<Availability>;
  create(options?: Record<string, unknown>): Promise<Instance>;
}

/**
 * The built-in API of that name, when this is a window that has it. Workers never use it: the
 * built-in APIs are defined on the window only, and a worker global that has one is not trusted.
 */
export function nativeApi<Instance>(name: NativeApiName): NativeFactory<Instance> | undefined {
  const scope = globalThis as unknown as Record<string, unknown> & { document?: unknown };
  if (typeof scope.document !== 'object' || scope.document === null) return undefined;
  const api = scope[name] as Partial<NativeFactory<Instance>> | undefined;
  if (typeof api?.availability !== 'function' || typeof api.create !== 'function') return undefined;
  return api as NativeFactory<Instance>;
}

/** Whether a built-in API that answered `availability` may be used under the integrator's options. */
export function nativeAcceptable(
  availability: Availability,
  options: { readonly allowNativeDownload?: boolean },
): boolean {
  if (availability === 'available') return true;
  return (
    options.allowNativeDownload === true &&
    (availability === 'downloadable' || availability === 'downloading')
  );
}

/**
 * Asks the built-in API, if any and if allowed, for these options; undefined when it should not
 * be used (absent, turned off, unavailable for these languages, or it threw).
 */
export async function usableNative<Instance>(
  name: NativeApiName,
  options: { readonly useNative?: boolean; readonly allowNativeDownload?: boolean },
  nativeOptions: Record<string, unknown>,
): Promise<{ api: NativeFactory<Instance>; availability: Availability } | undefined> {
  if (options.useNative === false) return undefined;
  const api = nativeApi<Instance>(name);
  if (!api) return undefined;
  let availability: Availability;
  try {
    availability = await api.availability(nativeOptions);
  } catch {
    // A built-in API that rejects the options (e.g. an unknown language tag) cannot serve them.
    return undefined;
  }
  return nativeAcceptable(availability, options) ? { api, availability } : undefined;
}

/** Drops undefined values, so a built-in API sees only the options that were set. */
export function definedOnly(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
