import {
  BaseStreamer,
  LogitsProcessor,
  StoppingCriteria,
  type Tensor,
} from '@huggingface/transformers';
import type { SamplingOptions } from '../types.js';
import { sampleToken } from './sampling.js';

/** What one step may change: which tokens are allowed, and which one is picked. */
export interface StepPolicy {
  /** Writes 1 for allowed token ids into `mask` (length = tokenizer vocabulary). */
  readonly allowed?: (mask: Uint8Array) => void;
  readonly vocabularySize?: number;
  readonly sampling?: { readonly options: SamplingOptions; readonly random: () => number };
}

/**
 * Applies the step policy to the logits of the one sequence we generate. With sampling, the
 * chosen token becomes the only finite logit, so transformers.js's greedy pick takes it.
 */
export class KlarLogitsProcessor extends LogitsProcessor {
  readonly #policy: StepPolicy;
  #mask: Uint8Array | null = null;

  constructor(policy: StepPolicy) {
    super();
    this.#policy = policy;
  }

  override _call(_inputIds: bigint[][], logits: Tensor): Tensor {
    const vocab = logits.dims.at(-1) ?? 0;
    const data = (logits.data as Float32Array).subarray(0, vocab);
    const { allowed, sampling } = this.#policy;
    if (allowed) {
      const size = this.#policy.vocabularySize ?? vocab;
      this.#mask ??= new Uint8Array(size);
      this.#mask.fill(0);
      allowed(this.#mask);
      for (let i = 0; i < vocab; i++)
        if (i >= size || this.#mask[i] === 0) data[i] = Number.NEGATIVE_INFINITY;
    }
    if (sampling) {
      const chosen = sampleToken(data, sampling.options, sampling.random);
      data.fill(Number.NEGATIVE_INFINITY);
      data[chosen] = 0;
    }
    return logits;
  }
}

export class CallbackStoppingCriteria extends StoppingCriteria {
  readonly #shouldStop: () => boolean;

  constructor(shouldStop: () => boolean) {
    super();
    this.#shouldStop = shouldStop;
  }

  override _call(inputIds: number[][]): boolean[] {
    const stop = this.#shouldStop();
    return inputIds.map(() => stop);
  }
}

/** Receives each generated token; the first `put` is the prompt and is skipped. */
export class TokenStreamer extends BaseStreamer {
  readonly #onToken: (tokenId: number) => void;
  #sawPrompt = false;

  constructor(onToken: (tokenId: number) => void) {
    super();
    this.#onToken = onToken;
  }

  override put(value: bigint[][]): void {
    if (!this.#sawPrompt) {
      this.#sawPrompt = true;
      return;
    }
    const token = value[0]?.[0];
    if (token !== undefined) this.#onToken(Number(token));
  }

  override end(): void {}
}
