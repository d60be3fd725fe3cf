import type { ModelManifest } from '../manifest/types.js';
import type { BackendPreference } from '../types.js';

/** KlarOptions with defaults applied and URLs made absolute; one per engine instance. */
export interface EngineConfig {
  readonly modelBaseUrl: string;
  readonly wasmPaths: string;
  readonly backend: BackendPreference;
  readonly cache: boolean;
  readonly manifest: ModelManifest | string;
  readonly maxModelBytes?: number;
}
