import type { SamplingOptions } from '../types.js';

// The one seeded PRNG lives in @klar/text (shared with benchmarks and tests); re-exported here
// so existing imports keep working.
export { seededRandom } from '@klar/text/random';

export function isSampling(options: SamplingOptions | undefined): boolean {
  return (options?.temperature ?? 0) > 0;
}

/**
 * Picks a token from logits with temperature, top-k and top-p, using our seeded generator
 * (transformers.js samples with Math.random, which can't be seeded). Disallowed tokens are
 * -Infinity and are never picked.
 */
export function sampleToken(
  logits: Float32Array,
  options: SamplingOptions,
  random: () => number,
): number {
  const temperature = options.temperature ?? 1;
  const candidates: number[] = [];
  for (let i = 0; i < logits.length; i++)
    if (logits[i]! > Number.NEGATIVE_INFINITY) candidates.push(i);
  candidates.sort((a, b) => logits[b]! - logits[a]!);
  const topK =
    options.topK && options.topK > 0
      ? Math.min(options.topK, candidates.length)
      : candidates.length;
  const kept = candidates.slice(0, Math.max(1, topK));
  const max = logits[kept[0]!]!;
  const weights = kept.map((i) => Math.exp((logits[i]! - max) / temperature));
  let total = weights.reduce((a, b) => a + b, 0);
  const topP = options.topP ?? 1;
  if (topP < 1) {
    let cumulative = 0;
    let cut = weights.length;
    for (let i = 0; i < weights.length; i++) {
      cumulative += weights[i]! / total;
      if (cumulative >= topP) {
        cut = i + 1;
        break;
      }
    }
    weights.length = cut;
    kept.length = cut;
    total = weights.reduce((a, b) => a + b, 0);
  }
  let r = random() * total;
  for (let i = 0; i < kept.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return kept[i]!;
  }
  return kept[kept.length - 1]!;
}
