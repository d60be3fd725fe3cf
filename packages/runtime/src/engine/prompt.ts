import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { KlarError } from '../errors.js';
import type { ChatMessage } from '../types.js';

export interface PromptInput {
  readonly prompt?: string;
  /** Same as `prompt`; count-tokens calls it `text`. */
  readonly text?: string;
  readonly messages?: readonly ChatMessage[];
}

/**
 * The token ids a model sees for a request: chat messages rendered with the model's chat
 * template (generation prompt added, the template brings its own special tokens), else the
 * raw text with the tokenizer's special tokens. Generation and token counting share this, so
 * a count equals what generation will use.
 */
export function encodeInput(tokenizer: PreTrainedTokenizer, input: PromptInput): number[] {
  if (input.messages?.length) {
    const text = tokenizer.apply_chat_template(
      input.messages as { role: string; content: string }[],
      { add_generation_prompt: true, tokenize: false },
    ) as string;
    return Array.from(tokenizer.encode(text, { add_special_tokens: false }), Number);
  }
  const text = input.prompt ?? input.text;
  if (typeof text !== 'string')
    throw new KlarError('invalid-input', 'Give a text (or chat messages) to tokenize.');
  return Array.from(tokenizer.encode(text, { add_special_tokens: true }), Number);
}
