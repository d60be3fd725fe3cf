import { assert, deepEqual, equal } from '../testing/assert.js';
import { SpeechSegmenter } from './speech-segmenter.js';

const RATE = 48_000;

/** 100 ms chunks: `pattern` is one letter per chunk, `s` speech (a tone), `_` silence. */
function chunks(pattern: string) {
  return [...pattern].map((c, i) => {
    const samples = new Float32Array(RATE / 10);
    if (c === 's')
      for (let j = 0; j < samples.length; j++)
        samples[j] = 0.3 * Math.sin((2 * Math.PI * 220 * (i * samples.length + j)) / RATE);
    return { samples, rms: c === 's' ? 0.3 / Math.SQRT2 : 0 };
  });
}

/** A detector that finds the tone, in seconds (what Silero VAD answers). */
async function detector(audio: Float32Array) {
  const found: { start: number; end: number }[] = [];
  const frame = RATE / 10;
  for (let i = 0; i < audio.length; i += frame) {
    if (!audio.subarray(i, i + frame).some((v) => Math.abs(v) > 0.01)) continue;
    const last = found.at(-1);
    if (last && Math.abs(last.end - i / RATE) < 1e-9) last.end = (i + frame) / RATE;
    else found.push({ start: i / RATE, end: (i + frame) / RATE });
  }
  return found;
}

describe('SpeechSegmenter', () => {
  for (const [name, findSpeech] of [
    ['with a detector', detector],
    ['by loudness', undefined],
  ] as const) {
    describe(name, () => {
      const make = () =>
        new SpeechSegmenter({ sampleRate: RATE, ...(findSpeech ? { findSpeech } : {}) });

      it('waits while the citizen is still talking', async () => {
        const s = make();
        for (const c of chunks('__ssssss')) s.push(c);
        deepEqual(await s.take(false), []);
      });

      it('cuts at a pause and keeps what follows', async () => {
        const s = make();
        for (const c of chunks('__sssss________sss')) s.push(c);
        const [stretch, ...more] = await s.take(false);
        equal(more.length, 0);
        assert(stretch, 'a stretch at the pause');
        // The speech (0.5 s), at most a chunk before and after it, and no long silence.
        assert(
          stretch.length >= 0.5 * RATE && stretch.length <= 0.7 * RATE + 1,
          `${stretch.length}`,
        );
        const [rest] = await s.take(true);
        assert(
          rest && rest.length >= 0.3 * RATE && rest.length <= 0.4 * RATE + 1,
          `${rest?.length}`,
        );
      });

      it('drops silence and never sends it to the recogniser', async () => {
        const s = make();
        for (const c of chunks('_'.repeat(30))) s.push(c);
        deepEqual(await s.take(false), []);
        assert(s.pendingSeconds <= 1.0001, `keeps at most a second: ${s.pendingSeconds}`);
        deepEqual(await s.take(true), []);
        equal(s.pendingSeconds, 0);
      });

      it('cuts a long monologue without a pause', async () => {
        const s = make();
        for (const c of chunks('s'.repeat(250))) s.push(c);
        const [stretch] = await s.take(false);
        assert(stretch && stretch.length >= 7 * RATE, `${stretch?.length}`);
      });

      it('takes everything that holds speech when the citizen stops', async () => {
        const s = make();
        for (const c of chunks('_sss')) s.push(c);
        const [stretch] = await s.take(true);
        assert(stretch && stretch.length >= 0.3 * RATE, `${stretch?.length}`);
        equal(s.pendingSeconds, 0);
      });
    });
  }

  it('falls back to loudness when the detector fails, and says so once', async () => {
    const failures: unknown[] = [];
    const s = new SpeechSegmenter({
      sampleRate: RATE,
      onDetectorFailure: (error) => failures.push(error),
      findSpeech: () => Promise.reject(Object.assign(new Error('no'), { code: 'model-not-found' })),
    });
    for (const c of chunks('__sssss________')) s.push(c);
    const [stretch] = await s.take(false);
    assert(stretch, 'cut by loudness');
    equal(s.usesDetector, false);
    for (const c of chunks('sssss________')) s.push(c);
    await s.take(false);
    equal(failures.length, 1);
  });
});
