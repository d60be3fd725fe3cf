/**
 * The one seeded PRNG in Klar (mulberry32): tiny, fast, and the same sequence on every platform.
 * Used for sampling tokens (runtime), generated corpora (benchmarks) and property-style tests.
 * Not for anything secret. Imports nothing, so `@klar/text/random` is cheap to depend on.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
