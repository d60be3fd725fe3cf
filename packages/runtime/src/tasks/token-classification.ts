import { AutoModelForTokenClassification, AutoTokenizer } from '@huggingface/transformers';
import { classifyTokens } from '../engine/classify-tokens.js';
import type { TaskDefinition } from './types.js';

/** Token classification (named entities: people, places, organisations) with a BERT-style encoder. */
export const tokenClassification: TaskDefinition = {
  task: 'token-classification',
  checkEntry: () => [],
  loadProcessor: (id) => AutoTokenizer.from_pretrained(id),
  createModel: (id, options) => AutoModelForTokenClassification.from_pretrained(id, options),
  operations: {
    'token-classification': { run: classifyTokens },
  },
};
