import type { Availability } from '../types.js';

export interface AvailabilityFacts {
  /** A model for the task exists in the manifest and fits the size budget. */
  readonly resolvable: boolean;
  /** Every file of the resolved model and dtype is in the local cache. */
  readonly cachedCompletely: boolean;
  /** A download of that model is under way in this engine. */
  readonly downloading: boolean;
  /** At least one backend (WebGPU or WASM) can run here. */
  readonly backendAvailable: boolean;
}

/** Maps what the engine knows to the W3C Writing Assistance API's availability terms. */
export function availabilityOf(facts: AvailabilityFacts): Availability {
  if (!facts.resolvable || !facts.backendAvailable) return 'unavailable';
  if (facts.cachedCompletely) return 'available';
  return facts.downloading ? 'downloading' : 'downloadable';
}
