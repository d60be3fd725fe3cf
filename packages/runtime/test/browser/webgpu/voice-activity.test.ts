import { assert, assertEqual } from '../support/assert.js';
import { fixtureClient } from '../support/fixtures.js';
import { testSpeech } from '../support/speech.js';

describe('voice activity detection on a WebGPU engine', () => {
  it('runs Silero VAD on WASM (and says so) and finds the speech', async () => {
    const klar = fixtureClient({ backend: 'webgpu' });
    try {
      const described = await klar.describe('voice-activity-detection');
      assertEqual(described.backend, 'wasm', 'describe() names the backend VAD will run on');
      const { samples, speech } = await testSpeech('speech-pause-speech.wav');
      const result = await klar.runTask('voice-activity-detection', { audio: samples });
      assertEqual(result.backend, 'wasm', 'VAD always runs on WASM, and reports it');
      assertEqual(result.segments.length, speech.length, JSON.stringify(result.segments));
      for (const [i, found] of result.segments.entries())
        assert(
          Math.abs(found.start - speech[i]!.start) <= 0.3 &&
            Math.abs(found.end - speech[i]!.end) <= 0.3,
          `segment ${i}: ${found.start}–${found.end} s`,
        );
    } finally {
      await klar.dispose();
    }
  });
});
