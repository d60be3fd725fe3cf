// The one-node model that starts ONNX Runtime at the beginning of a load (ort-start.ts) must
// be a model ORT accepts and runs, or the start-up stops before ORT builds its session
// machinery. Checked with onnxruntime-web's own WASM backend, in Node.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ort from 'onnxruntime-web';
import { startModelForTests, startOnnxRuntime } from '../src/backend/ort-start.js';

describe('ONNX Runtime start-up model', () => {
  it('is a valid ONNX model: y = Identity(x) over a float tensor', async () => {
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(startModelForTests, {
      executionProviders: ['wasm'],
    });
    assert.deepEqual(session.inputNames, ['x']);
    assert.deepEqual(session.outputNames, ['y']);
    const { y } = await session.run({ x: new ort.Tensor('float32', Float32Array.of(4.5), [1]) });
    assert.deepEqual(Array.from(y!.data as Float32Array), [4.5]);
    await session.release();
  });

  it('starts once per realm and never rejects', async () => {
    const first = startOnnxRuntime();
    assert.equal(startOnnxRuntime(), first, 'one start-up per realm');
    await first;
  });
});
