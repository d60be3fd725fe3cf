import { AutoModelForCausalLM, AutoTokenizer } from '@huggingface/transformers';
import { generateText } from '../engine/generate.js';
import { encodeInput } from '../engine/prompt.js';
import type { TaskDefinition } from './types.js';

/**
 * Text generation with a causal language model (Llama, Qwen, …): streamed tokens, sampling,
 * stop strings, JSON-schema constraints. `count-tokens` measures input with the same
 * tokenizer and chat template, loading the tokenizer files only.
 */
export const textGeneration: TaskDefinition = {
  task: 'text-generation',
  checkEntry: (entry) =>
    entry.contextLength ? [] : ['contextLength is needed to refuse inputs that do not fit'],
  loadProcessor: (id) => AutoTokenizer.from_pretrained(id),
  createModel: (id, options) => AutoModelForCausalLM.from_pretrained(id, options),
  operations: {
    'text-generation': { run: generateText },
    'count-tokens': {
      async run(request, context) {
        const { entry, tokenizer, contextLength } = await context.host.processor({
          task: 'text-generation',
          model: request.model,
          requestId: context.requestId,
          signal: context.signal,
          onProgress: context.onProgress,
        });
        const tokens = encodeInput(tokenizer, request).length;
        return { tokens, contextLength, model: entry.id };
      },
    },
  },
};
