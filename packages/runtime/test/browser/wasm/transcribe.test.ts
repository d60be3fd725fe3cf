import { decodeWav } from '../../../../../models/tools/speech/wav.js';
import { resample } from '../../../src/audio/resample.js';
import type { TranscribeChunk } from '../../../src/tasks/transcription.js';
import { assert, assertEqual, assertRejects } from '../support/assert.js';
import { fixtureClient } from '../support/fixtures.js';

const WHISPER = 'fixtures/klar-tiny-whisper';

/** `seconds` of 16 kHz mono: a tone with a little deterministic noise. */
function audio(seconds: number): Float32Array {
  return Float32Array.from(
    { length: seconds * 16_000 },
    (_, i) => 0.3 * Math.sin(i / 9) + ((i * 7919) % 17) / 2000,
  );
}

describe('transcription (WASM)', () => {
  // One client (one worker, one model load) for every test: loading is slow on a busy machine.
  const klar = fixtureClient({ backend: 'wasm' });
  after(() => klar.dispose());

  it('streams partial text with the language forced, and the audio is transferred', async () => {
    const chunks: TranscribeChunk[] = [];
    const samples = audio(3);
    const result = await klar.runTask(
      'automatic-speech-recognition',
      { model: WHISPER, audio: samples, language: 'sv', maxNewTokens: 8 },
      { onChunk: (c) => chunks.push(c) },
    );
    assertEqual(result.model, WHISPER, 'model');
    assertEqual(result.backend, 'wasm', 'backend');
    assertEqual(result.language, 'sv', 'forced language');
    assert(chunks.length >= 2, `partial text arrives in pieces (${chunks.length})`);
    assertEqual(
      chunks
        .map((c) => c.text)
        .join('')
        .trim(),
      result.text,
      'chunks add up to the text',
    );
    assertEqual(result.segments.length, 1, 'one window');
    assertEqual(result.segments[0]!.end, 3, 'the window ends with the audio');
    assertEqual(samples.byteLength, 0, 'the samples moved to the worker instead of being copied');
  });

  it('audio longer than 30 s is heard in 30 s windows overlapping by 5 s, merged and streamed once', async () => {
    const chunks: TranscribeChunk[] = [];
    const result = await klar.runTask(
      'automatic-speech-recognition',
      { model: WHISPER, audio: audio(70), maxNewTokens: 6 },
      { onChunk: (c) => chunks.push(c) },
    );
    // Windows [0, 30], [25, 55], [50, 70]; each segment owns its window up to mid-overlap.
    assertEqual(
      result.segments.map((s) => [s.start, s.end]),
      [
        [0, 27.5],
        [27.5, 52.5],
        [52.5, 70],
      ],
      'three overlapping windows cover the audio',
    );
    assertEqual(result.language, 'sv', 'Swedish by default');
    assertEqual(
      result.segments
        .map((s) => s.text)
        .filter(Boolean)
        .join(' '),
      result.text,
      'segment texts add up to the text',
    );
    assertEqual(
      chunks.map((c) => c.text).join(''),
      result.text,
      'streamed text is the merged text',
    );
    assert(
      chunks.every((c, i) => i === 0 || c.window >= chunks[i - 1]!.window),
      'chunks come in window order',
    );
  });

  it('audio at another sample rate is resampled in the worker (same words as at 16 kHz)', async () => {
    const speech = decodeWav(
      new Uint8Array(await (await fetch('/test/audio/sv-sentence.wav')).arrayBuffer()),
    );
    const at16 = await klar.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: speech.samples.slice(),
      maxNewTokens: 6,
    });
    const at44 = resample(speech.samples, 16_000, 44_100);
    const result = await klar.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: at44,
      sampleRate: 44_100,
      maxNewTokens: 6,
    });
    assertEqual(at44.byteLength, 0, 'the 44.1 kHz samples were transferred');
    assertEqual(result.text, at16.text, 'same text as the 16 kHz original');
    assert(
      Math.abs(result.segments[0]!.end - speech.samples.length / 16_000) < 1e-3,
      'times are seconds of the audio',
    );
    await assertRejects(
      klar.runTask('automatic-speech-recognition', {
        model: WHISPER,
        audio: audio(1),
        sampleRate: 4_000,
      }),
      'invalid-input',
      'a sample rate outside 8–96 kHz',
    );
  });

  it("language 'auto': Whisper names the spoken language, and the text is what forcing that language gives", async () => {
    const detected = await klar.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: audio(4),
      language: 'auto',
      maxNewTokens: 6,
    });
    assert(
      ['sv', 'en'].includes(detected.language),
      `a language the model knows: ${detected.language}`,
    );
    const confidence = detected.languageConfidence ?? -1;
    assert(confidence >= 0.5 && confidence <= 1, `confidence of the best of two: ${confidence}`);
    const forced = await klar.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: audio(4),
      language: detected.language,
      maxNewTokens: 6,
    });
    assertEqual(detected.text, forced.text, 'same text as with the language forced');
    assertEqual(forced.languageConfidence, undefined, 'no confidence when forced');
    // One candidate: that language, with certainty.
    const other = detected.language === 'sv' ? 'en' : 'sv';
    const only = await klar.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: audio(4),
      language: 'auto',
      candidateLanguages: [other],
      maxNewTokens: 6,
    });
    assertEqual(only.language, other, 'the only candidate');
    assertEqual(only.languageConfidence, 1, 'certain among one');
    await assertRejects(
      klar.runTask('automatic-speech-recognition', {
        model: WHISPER,
        audio: audio(1),
        language: 'auto',
        candidateLanguages: ['fi'],
      }),
      'invalid-input',
      'a candidate the model lacks',
    );
  });

  it('refuses bad input and an unknown language with typed errors', async () => {
    await assertRejects(
      klar.runTask('automatic-speech-recognition', {
        model: WHISPER,
        audio: [0, 0.1] as unknown as Float32Array,
      }),
      'invalid-input',
      'not a Float32Array',
    );
    await assertRejects(
      klar.runTask('automatic-speech-recognition', {
        model: WHISPER,
        audio: audio(1),
        language: 'fi',
      }),
      'invalid-input',
      'a language the model lacks',
    );
  });

  it('abort stops within one decoder step; the next request works', async function () {
    this.timeout(240_000);
    const controller = new AbortController();
    const chunks: TranscribeChunk[] = [];
    const run = klar.runTask(
      'automatic-speech-recognition',
      { model: WHISPER, audio: audio(2), maxNewTokens: 200 },
      {
        signal: controller.signal,
        onChunk: (c) => {
          chunks.push(c);
          if (chunks.length === 3) controller.abort();
        },
      },
    );
    await assertRejects(run, 'aborted', 'aborted');
    assertEqual(chunks.length, 3, 'no text reaches the page after the abort');
    const next = await klar.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: audio(1),
      maxNewTokens: 2,
    });
    assert(next.text.length > 0, 'the next request completes');
  });
});
