import type { ModelManifest } from '../shared/engine-types.js';

/** A small manifest for tests: one text-generation model and one NER model. */
export const testManifest: ModelManifest = {
  version: 1,
  models: [
    {
      id: 'test/tiny-lm',
      task: 'text-generation',
      role: 'default',
      name: 'Tiny Test LM',
      languages: ['sv'],
      license: 'Apache-2.0',
      dtypes: { webgpu: 'q4', wasm: 'q4' },
      files: [
        { path: 'config.json', size: 1000 },
        { path: 'onnx/model_q4.onnx', size: 250_000_000, dtype: 'q4' },
      ],
      contextLength: 2048,
    },
    {
      id: 'test/tiny-ner',
      task: 'token-classification',
      role: 'default',
      name: 'Tiny Test NER',
      languages: ['sv'],
      license: 'MIT',
      dtypes: { webgpu: 'fp32', wasm: 'fp32' },
      files: [{ path: 'onnx/model.onnx', size: 1_000_000 }],
    },
  ],
};
