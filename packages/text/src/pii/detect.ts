import { type DetectOptions, RecognizerRegistry } from './registry.js';
import type { PiiSpan } from './types.js';

export interface DetectWithRegistryOptions extends DetectOptions {
  /** The recognisers to run. Default: the read-only built-in registry. */
  registry?: RecognizerRegistry;
}

let builtIns: RecognizerRegistry | undefined;

/**
 * The registry used when none is passed: the built-in rule recognisers, read-only, so no
 * module of a page can change what another module's detection finds. For your own recognisers
 * make a registry with `createRecognizerRegistry()` and pass it as `{ registry }`.
 */
export function builtInRegistry(): RecognizerRegistry {
  builtIns ??= new RecognizerRegistry({ readOnly: true });
  return builtIns;
}

/** Finds personal data with the rule recognisers (synchronous, deterministic, linear time). */
export function detectPersonalData(
  text: string,
  options: DetectWithRegistryOptions = {},
): PiiSpan[] {
  return (options.registry ?? builtInRegistry()).detect(text, options);
}

/** Like detectPersonalData, and also awaits async plug-ins (e.g. a name/place model). */
export function detectPersonalDataAsync(
  text: string,
  options: DetectWithRegistryOptions = {},
): Promise<PiiSpan[]> {
  return (options.registry ?? builtInRegistry()).detectAsync(text, options);
}
