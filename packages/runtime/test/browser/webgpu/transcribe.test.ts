import type { TranscribeChunk } from '../../../src/tasks/transcription.js';
import { assert, assertEqual } from '../support/assert.js';
import { fixtureClient } from '../support/fixtures.js';

const WHISPER = 'fixtures/klar-tiny-whisper';

describe('transcription (WebGPU)', () => {
  // One client for both tests: SwiftShader compiles every kernel of both graphs once.
  const klar = fixtureClient({ backend: 'webgpu' });
  after(() => klar.dispose());

  it('streams partial text on WebGPU with the language forced', async function () {
    // SwiftShader compiles every WebGPU kernel of both graphs on first use: minutes here.
    this.timeout(420_000);
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
  });

  it('audio longer than 30 s is windowed on WebGPU (two windows overlapping by 5 s)', async function () {
    this.timeout(420_000);
    const chunks: TranscribeChunk[] = [];
    const result = await klar.runTask(
      'automatic-speech-recognition',
      {
        model: WHISPER,
        audio: new Float32Array(40 * 16_000).map((_, i) => 0.2 * Math.sin(i / 7)),
        maxNewTokens: 3,
      },
      { onChunk: (c) => chunks.push(c) },
    );
    assertEqual(result.backend, 'webgpu', 'runs on WebGPU');
    assertEqual(
      result.segments.map((s) => [s.start, s.end]),
      [
        [0, 27.5],
        [27.5, 40],
      ],
      'two windows',
    );
    assertEqual(
      chunks.map((c) => c.text).join(''),
      result.text,
      'streamed text is the merged text',
    );
  });
});
