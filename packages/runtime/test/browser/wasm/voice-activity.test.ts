import { resample } from '../../../src/audio/resample.js';
import { assert, assertEqual, assertRejects } from '../support/assert.js';
import { collectProgress, fixtureClient } from '../support/fixtures.js';
import { testSpeech } from '../support/speech.js';

const VAD = 'snakers4/silero-vad';
/** How close a found edge must be to where the speech really starts or ends. */
const TOLERANCE_S = 0.3;

describe('voice activity detection (Silero VAD on WASM)', () => {
  const klar = fixtureClient({ backend: 'wasm' });
  after(() => klar.dispose());

  it('finds both phrases of speech–pause–speech within 0.3 s, from our own origin', async () => {
    const { samples, speech } = await testSpeech('speech-pause-speech.wav');
    const progress = collectProgress();
    const result = await klar.runTask(
      'voice-activity-detection',
      { audio: samples },
      { onProgress: progress.onProgress },
    );
    assertEqual(result.model, VAD, 'the manifest default');
    assertEqual(result.backend, 'wasm', 'runs on WASM');
    assertEqual(
      result.segments.length,
      speech.length,
      `segments ${JSON.stringify(result.segments)}`,
    );
    result.segments.forEach((found, i) => {
      const truth = speech[i]!;
      assert(
        Math.abs(found.start - truth.start) <= TOLERANCE_S &&
          Math.abs(found.end - truth.end) <= TOLERANCE_S,
        `segment ${i}: found ${found.start}–${found.end} s, spoken ${truth.start}–${truth.end} s`,
      );
    });
    assertEqual(samples.byteLength, 0, 'the samples moved to the worker');
    assert(
      progress.events.some((e) => e.status === 'ready' && e.backend === 'wasm'),
      'reports ready on wasm',
    );
  });

  it('finds nothing in silence and little in noise', async () => {
    const silence = await testSpeech('silence.wav');
    const quiet = await klar.runTask('voice-activity-detection', { audio: silence.samples });
    assertEqual(quiet.segments, [], 'no speech in silence');
    const noise = await testSpeech('noise.wav');
    const noisy = await klar.runTask('voice-activity-detection', { audio: noise.samples });
    const speechSeconds = noisy.segments.reduce((s, seg) => s + seg.end - seg.start, 0);
    assert(speechSeconds <= 0.25, `at most a quarter second of 1 s of noise (${speechSeconds} s)`);
  });

  it('resamples other rates in the worker: 44.1 kHz finds the same speech', async () => {
    const { samples, speech } = await testSpeech('speech-pause-speech.wav');
    const result = await klar.runTask('voice-activity-detection', {
      audio: resample(samples, 16_000, 44_100),
      sampleRate: 44_100,
    });
    assertEqual(result.segments.length, speech.length, JSON.stringify(result.segments));
    for (const [i, found] of result.segments.entries())
      assert(Math.abs(found.start - speech[i]!.start) <= TOLERANCE_S, `segment ${i} start`);
    const sentence = await testSpeech('sv-sentence.wav');
    const one = await klar.runTask('voice-activity-detection', {
      audio: sentence.samples,
      minSilenceMs: 300,
    });
    assertEqual(one.segments.length, 1, 'one Swedish sentence is one segment');
  });

  it('refuses bad input with typed errors; abort stops it', async () => {
    await assertRejects(
      klar.runTask('voice-activity-detection', { audio: [0.1] as unknown as Float32Array }),
      'invalid-input',
      'not a Float32Array',
    );
    await assertRejects(
      klar.runTask('voice-activity-detection', { audio: new Float32Array(16), threshold: 2 }),
      'invalid-input',
      'threshold outside (0, 1)',
    );
    const controller = new AbortController();
    controller.abort();
    await assertRejects(
      klar.runTask(
        'voice-activity-detection',
        { audio: new Float32Array(16_000 * 10) },
        { signal: controller.signal },
      ),
      'aborted',
      'an aborted request',
    );
    // Stopped mid-way through two minutes of audio (it yields every 32 frames to see the abort).
    const midway = new AbortController();
    const long = klar.runTask(
      'voice-activity-detection',
      { audio: new Float32Array(16_000 * 120).map((_, i) => 0.05 * Math.sin(i / 3)) },
      { signal: midway.signal },
    );
    setTimeout(() => midway.abort(), 300);
    await assertRejects(long, 'aborted', 'stopped mid-way');
    const next = await klar.runTask('voice-activity-detection', {
      audio: new Float32Array(16_000),
    });
    assertEqual(next.segments, [], 'the next request works');
  });
});
