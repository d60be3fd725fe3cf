import type { TranslateChunk } from '../../../src/tasks/translation.js';
import { assert, assertEqual, assertRejects } from '../support/assert.js';
import { fixtureClient } from '../support/fixtures.js';

const MARIAN = 'fixtures/klar-tiny-marian-sv-en';
const TEXT = 'Du får ett svar inom två veckor. Beslutet kan överklagas.';

describe('translation (WebGPU)', () => {
  it('streams per sentence on WebGPU and gives the same text as WASM', async function () {
    // SwiftShader compiles every WebGPU kernel of both graphs on first use: minutes here.
    this.timeout(360_000);
    const gpu = fixtureClient({ backend: 'webgpu' });
    const cpu = fixtureClient({ backend: 'wasm' });
    const request = {
      model: MARIAN,
      text: TEXT,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
      maxNewTokensPerSentence: 4,
    };
    const chunks: TranslateChunk[] = [];
    const onGpu = await gpu.runTask('translation', request, { onChunk: (c) => chunks.push(c) });
    const onCpu = await cpu.runTask('translation', request);
    assertEqual(onGpu.backend, 'webgpu', 'runs on WebGPU');
    assertEqual(chunks.length, 2, 'one chunk per sentence');
    assert(
      chunks.every((c) => c.text.trim().length > 0),
      'each sentence is translated',
    );
    assertEqual(onGpu.text, onCpu.text, 'same greedy output on both backends');
    await Promise.all([gpu.dispose(), cpu.dispose()]);
  });

  it('picks the direction before loading: en→fi has no model', async () => {
    const gpu = fixtureClient({ backend: 'webgpu' });
    await assertRejects(
      gpu.runTask('translation', { text: 'Hello.', sourceLanguage: 'en', targetLanguage: 'fi' }),
      'model-not-found',
      'en→fi',
    );
    await gpu.dispose();
  });
});
