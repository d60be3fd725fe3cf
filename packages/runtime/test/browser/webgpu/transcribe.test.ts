import type { TranscribeChunk } from '../../../src/tasks/transcription.js';
import { assert, assertEqual } from '../support/assert.js';
import { fixtureClient } from '../support/fixtures.js';

const WHISPER = 'fixtures/klar-tiny-whisper';

describe('transcription (WebGPU)', () => {
  it('streams partial text on WebGPU with the language forced', async function () {
    // SwiftShader compiles every WebGPU kernel of both graphs on first use: minutes here.
    this.timeout(420_000);
    const klar = fixtureClient({ backend: 'webgpu' });
    const samples = Float32Array.from(
      { length: 2 * 16_000 },
      (_, i) => 0.3 * Math.sin(i / 9) + ((i * 7919) % 17) / 2000,
    );
    const chunks: TranscribeChunk[] = [];
    const result = await klar.runTask(
      'automatic-speech-recognition',
      { model: WHISPER, audio: samples, language: 'en', maxNewTokens: 4 },
      { onChunk: (c) => chunks.push(c) },
    );
    assertEqual(result.backend, 'webgpu', 'runs on WebGPU');
    assertEqual(result.language, 'en', 'forced language');
    assert(chunks.length >= 2, `partial text arrives in pieces (${chunks.length})`);
    assertEqual(
      chunks
        .map((c) => c.text)
        .join('')
        .trim(),
      result.text,
      'chunks add up',
    );
    assertEqual(samples.byteLength, 0, 'the samples were transferred');
    await klar.dispose();
  });
});
