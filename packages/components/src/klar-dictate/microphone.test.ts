/**
 * The real getUserMedia and AudioWorklet path, with Chromium's fake capture device playing
 * test/audio/speech-pause-speech.wav (flags in web-test-runner.config.mjs, components group).
 */
import { sendKeys } from '@web/test-runner-commands';
import { assert, equal, until } from '../testing/assert.js';
import { type MicrophoneChunk, openMicrophone } from './microphone.js';

describe('openMicrophone (Chromium fake capture device)', () => {
  it('captures mono chunks at the device rate, hears speech, and releases the device on stop', async () => {
    // A real key press first: audio contexts start only after the page has had a user gesture.
    const button = document.createElement('button');
    button.textContent = 'start';
    document.body.append(button);
    button.focus();
    await sendKeys({ press: 'Enter' });
    button.remove();
    const chunks: MicrophoneChunk[] = [];
    const microphone = await openMicrophone((chunk) => chunks.push(chunk));
    try {
      await until(() => chunks.length >= 20, '2 s of audio', 15000);
      const rate = microphone.sampleRate;
      assert(rate >= 8000, `device rate ${rate}`);
      const expected = Math.round(rate / 10);
      equal(chunks[0]!.samples.length, expected, '100 ms chunks at the device rate');
      assert(chunks[0]!.samples instanceof Float32Array);
      await until(() => chunks.some((c) => c.rms > 0.01), 'speech from the fake device', 15000);
      equal(microphone.stopped, false);
    } finally {
      await microphone.stop();
    }
    equal(microphone.stopped, true, 'tracks ended');
    const count = chunks.length;
    await new Promise((r) => setTimeout(r, 300));
    equal(chunks.length, count, 'no chunk after stop');
  });
});
