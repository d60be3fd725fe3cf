import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import type { ModelEntry } from '../manifest/types.js';
import type { Backend, Dtype } from '../types.js';

/**
 * Called before every forward pass: yields to the event loop, checks abort, injects faults.
 * Returns undefined when there is nothing to wait for (most steps of a fast model).
 */
export type StepHook = () => Promise<void> | undefined;

export interface LoadedModel {
  readonly entry: ModelEntry;
  readonly backend: Backend;
  readonly dtype: Dtype;
  readonly tokenizer: PreTrainedTokenizer;
  readonly model: PreTrainedModel;
  /** Set by the request running on this model (the queue keeps it to one at a time). */
  stepHook: StepHook | null;
  dispose(): Promise<void>;
}
