// ONNX Runtime's one-time start-up (its .mjs, .wasm, initialisation) runs while a model's
// files still arrive, not after them. /late-models/ holds the weights until a worker imports
// ORT's .mjs from /ort-logged/: a runtime that waited for the weights would be seen only after
// the server's 20 s timeout.
import { type Backend, createKlar } from '../../packages/runtime/src/index.js';
import { assert, assertEqual } from '../../packages/runtime/test/browser/support/assert.js';
import {
  clearModelCache,
  faultRequests,
  holdWeightsForNextRuntimeStart,
  LM,
  PROMPT,
} from '../support/faults.js';

async function loadWithWeightsHeld(backend: Backend) {
  await holdWeightsForNextRuntimeStart();
  const before = (await faultRequests('/late-models/')).length;
  const klar = createKlar({
    backend,
    manifest: '/models/manifest.json',
    modelBaseUrl: '/late-models/',
    wasmPaths: '/ort-logged/',
  });
  try {
    const result = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 3 });
    const weights = (await faultRequests('/late-models/'))
      .slice(before)
      .filter((r) => r.path.endsWith('.onnx'));
    return { result, weights };
  } finally {
    await klar.dispose();
  }
}

describe('ONNX Runtime starts while the model files arrive', () => {
  beforeEach(clearModelCache);

  for (const backend of ['wasm', 'webgpu'] as const) {
    it(`${backend}: ORT is imported before the held weights are sent, and the load completes`, async function () {
      this.timeout(240_000);
      const { result, weights } = await loadWithWeightsHeld(backend);
      assertEqual(result.tokenIds.length, 3, 'the request completes');
      assertEqual(result.backend, backend, 'on the backend asked for');
      assert(weights.length > 0, 'the weights came from /late-models/');
      for (const w of weights)
        assertEqual(w.heldUntil, 'runtime-imported', `${w.path} was released by ORT's start`);
    });
  }
});
