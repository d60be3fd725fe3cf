// Measures the audio path; packages/runtime/bench/audio.bench.ts drives this page and prints.
import { decodeWav } from '../../../../models/tools/speech/wav.js';
import { resample } from '../../src/audio/resample.js';
import { createKlar } from '../../src/index.js';

const WHISPER = 'fixtures/klar-tiny-whisper';
const MARIAN = 'fixtures/klar-tiny-marian-sv-en';
/** A decision letter's worth of plain Swedish: 8 sentences, 60 words. */
const LETTER = [
  'Vi har beslutat att bevilja din ansökan om bostadsbidrag.',
  'Du får 1 850 kronor i månaden från och med den 1 mars.',
  'Pengarna betalas ut den 27 varje månad till ditt konto.',
  'Du måste meddela oss om din inkomst ändras.',
  'Om du flyttar ska du också höra av dig till oss.',
  'Om du inte håller med om beslutet kan du överklaga det.',
  'Överklagandet ska ha kommit in till oss inom tre veckor.',
  'Har du frågor kan du ringa oss på vardagar.',
].join(' ');
const options = { modelBaseUrl: '/models/', manifest: '/models/manifest.json' } as const;

/** `seconds` of audio: the speech–pause–speech test file over and over. */
function repeated(speech: Float32Array, seconds: number): Float32Array {
  const out = new Float32Array(seconds * 16_000);
  for (let at = 0; at < out.length; at += speech.length)
    out.set(speech.subarray(0, out.length - at), at);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Each figure as soon as it is measured (the bench prints these lines as they come). */
const report = (figure: Record<string, unknown>) => console.log(`bench:${JSON.stringify(figure)}`);
const TOKENS = 16;
const LENGTHS = [30, 55] as const; // one window; two windows overlapping by 5 s

async function main() {
  const speechUrl = new URL('../../../../test/audio/speech-pause-speech.wav', import.meta.url);
  const speech = decodeWav(new Uint8Array(await (await fetch(speechUrl)).arrayBuffer())).samples;
  await caches.delete('klar-models-v1');

  // Resampling, as the worker does it for a 48 kHz microphone.
  const at48 = resample(repeated(speech, 60), 16_000, 48_000);
  let t = performance.now();
  resample(at48, 48_000, 16_000);
  const resample48To16MsPerMinute = performance.now() - t;
  report({ resample48To16MsPerMinute });

  // VAD (always WASM): cold load with the first request, then time per second of audio.
  const klar = createKlar({ ...options, backend: 'wasm' });
  t = performance.now();
  await klar.runTask('voice-activity-detection', { audio: speech.slice() });
  const vadFirstRequestMs = performance.now() - t;
  const vadMsPerAudioSecond: number[] = [];
  for (let round = 0; round < 3; round++) {
    t = performance.now();
    await klar.runTask('voice-activity-detection', { audio: repeated(speech, 60) });
    vadMsPerAudioSecond.push((performance.now() - t) / 60);
  }
  await klar.dispose();
  report({
    vadFirstRequestMs,
    vadMsPerAudioSecond: median(vadMsPerAudioSecond),
    vadRounds: vadMsPerAudioSecond,
  });

  // Transcription on the Whisper fixture per backend: audio seconds per wall second, after a
  // warm-up request (model load, and on WebGPU the kernel compilation).
  const transcription = [];
  for (const backend of ['wasm', 'webgpu'] as const) {
    const engine = createKlar({ ...options, backend });
    t = performance.now();
    const warm = await engine.runTask('automatic-speech-recognition', {
      model: WHISPER,
      audio: repeated(speech, 5),
      maxNewTokens: 4,
    });
    const firstRequestMs = performance.now() - t;
    report({ backend: warm.backend, firstRequestMs });
    const rates: Record<string, number> = {};
    for (const seconds of LENGTHS) {
      t = performance.now();
      await engine.runTask('automatic-speech-recognition', {
        model: WHISPER,
        audio: repeated(speech, seconds),
        maxNewTokens: TOKENS,
      });
      rates[`${seconds}s`] = seconds / ((performance.now() - t) / 1000);
      report({ backend: warm.backend, seconds, audioSecondsPerSecond: rates[`${seconds}s`] });
    }
    transcription.push({ backend: warm.backend, firstRequestMs, audioSecondsPerSecond: rates });
    await engine.dispose();
  }

  // Translation on the Marian fixture (sv→en) per backend: sentences per wall second, after a
  // warm-up request, with the same cap on new tokens per sentence.
  const translation = [];
  for (const backend of ['wasm', 'webgpu'] as const) {
    const engine = createKlar({ ...options, backend });
    const request = {
      model: MARIAN,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
      maxNewTokensPerSentence: TOKENS,
    };
    t = performance.now();
    const warm = await engine.runTask('translation', { ...request, text: 'Hej.' });
    const firstRequestMs = performance.now() - t;
    const rounds: number[] = [];
    let sentences = 0;
    for (let round = 0; round < 3; round++) {
      t = performance.now();
      const result = await engine.runTask('translation', { ...request, text: LETTER });
      sentences = result.sentences.length;
      rounds.push(sentences / ((performance.now() - t) / 1000));
    }
    const figure = { backend: warm.backend, firstRequestMs, sentences, sentencesPerSecond: rounds };
    report(figure);
    translation.push(figure);
    await engine.dispose();
  }

  (window as unknown as { benchResults: unknown }).benchResults = {
    translation,
    resample48To16MsPerMinute,
    vadFirstRequestMs,
    vadMsPerAudioSecond: median(vadMsPerAudioSecond),
    vadRounds: vadMsPerAudioSecond,
    transcription,
  };
  document.getElementById('state')!.textContent = 'done';
}

main().catch((error) => {
  (window as unknown as { benchResults: unknown }).benchResults = { error: String(error) };
});
