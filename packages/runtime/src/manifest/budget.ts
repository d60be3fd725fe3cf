/** What `memoryBudgetBytes` reads; `navigator` in browsers and workers. */
export interface NavigatorLike {
  /** Device Memory API: GiB, rounded and capped by the browser (0.25 … 8, Chromium only). */
  readonly deviceMemory?: number;
}

const MB = 1_000_000;

/*
 * Default size budget for one model's download, from navigator.deviceMemory:
 *   < 1 GB → 100 MB, ≤ 1 GB → 150 MB, ≤ 2 GB → 300 MB, ≤ 4 GB → 1 GB, more → 2.5 GB.
 * The model's bytes are held in memory while the session is created (often twice, briefly),
 * so the budget stays well below the reported memory. Browsers without the API (Firefox,
 * Safari) give `undefined`: no budget, the integrator decides with `maxModelBytes`.
 */
export function memoryBudgetBytes(nav: NavigatorLike | undefined): number | undefined {
  const gb = nav?.deviceMemory;
  if (typeof gb !== 'number' || !Number.isFinite(gb) || gb <= 0) return undefined;
  if (gb < 1) return 100 * MB;
  if (gb <= 1) return 150 * MB;
  if (gb <= 2) return 300 * MB;
  if (gb <= 4) return 1000 * MB;
  return 2500 * MB;
}
