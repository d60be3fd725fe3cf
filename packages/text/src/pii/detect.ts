import { type DetectOptions, RecognizerRegistry } from './registry.js';
import type { PiiSpan, Recognizer } from './types.js';

export interface DetectWithRegistryOptions extends DetectOptions {
  /** Registry to use instead of the shared default one. */
  registry?: RecognizerRegistry;
}

let sharedRegistry: RecognizerRegistry | undefined;

/** The registry `detectPersonalData()` uses when none is passed: built-ins plus what you register. */
export function defaultRegistry(): RecognizerRegistry {
  sharedRegistry ??= new RecognizerRegistry();
  return sharedRegistry;
}

/** Adds a recogniser to the default registry. Returns a function that removes it. */
export function registerRecognizer(recognizer: Recognizer): () => void {
  return defaultRegistry().register(recognizer);
}

/** Finds personal data with the rule recognisers (synchronous, deterministic, linear time). */
export function detectPersonalData(
  text: string,
  options: DetectWithRegistryOptions = {},
): PiiSpan[] {
  return (options.registry ?? defaultRegistry()).detect(text, options);
}

/** Like detectPersonalData, and also awaits async plug-ins (e.g. a name/place model). */
export function detectPersonalDataAsync(
  text: string,
  options: DetectWithRegistryOptions = {},
): Promise<PiiSpan[]> {
  return (options.registry ?? defaultRegistry()).detectAsync(text, options);
}
