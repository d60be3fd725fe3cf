// Generates the test speech in test/audio/: real Swedish and English speech from Debian's
// espeak-ng, silence, noise and a speech–pause–speech file, as 16 kHz mono 16-bit WAV, plus
// test/audio/speech.json with what each file holds and where its speech is (the truth the
// VAD tests check against). Needs `espeak-ng` (apt-get install espeak-ng).
// Usage: npm run models:speech [-- --out <dir>]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resample } from '../../../packages/runtime/src/audio/resample.js';
import { Prng } from '../fixtures/prng.js';
import { decodeWav, encodeWav } from './wav.js';

const RATE = 16_000;
/** Above this |sample| counts as sound when finding where a phrase starts and ends. */
const LOUD = 0.02;
/** Kept around a phrase's first and last loud sample. */
const EDGE_SECONDS = 0.05;

const repoDir = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

interface Speech {
  readonly voice: 'sv' | 'en';
  readonly text: string;
}

/** espeak-ng's 22.05 kHz output at 16 kHz, trimmed to its sound plus a short edge. */
function speak({ voice, text }: Speech): Float32Array {
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', '160', '--stdout', text]);
  const { sampleRate, samples } = decodeWav(new Uint8Array(wav));
  const audio = resample(samples, sampleRate, RATE);
  const first = audio.findIndex((v) => Math.abs(v) > LOUD);
  const last = audio.findLastIndex((v) => Math.abs(v) > LOUD);
  if (first < 0) throw new Error(`espeak-ng produced silence for "${text}"`);
  const edge = Math.round(EDGE_SECONDS * RATE);
  return audio.slice(Math.max(0, first - edge), Math.min(audio.length, last + edge + 1));
}

/** Where the loud part of `audio` begins and ends, in seconds from `offset`. */
function soundSpan(audio: Float32Array, offset: number): { start: number; end: number } {
  const first = audio.findIndex((v) => Math.abs(v) > LOUD);
  const last = audio.findLastIndex((v) => Math.abs(v) > LOUD);
  const round = (s: number) => Math.round(s * 1000) / 1000;
  return { start: round((offset + first) / RATE), end: round((offset + last + 1) / RATE) };
}

type Part = { readonly speech: Speech } | { readonly silence: number };

interface Described {
  readonly file: string;
  readonly seconds: number;
  readonly description: string;
  /** Speech in the file, in seconds; text and language per segment. */
  readonly speech: readonly { start: number; end: number; language: string; text: string }[];
}

function compose(parts: readonly Part[]): { audio: Float32Array; speech: Described['speech'] } {
  const pieces: Float32Array[] = [];
  const speech: { start: number; end: number; language: string; text: string }[] = [];
  let offset = 0;
  for (const part of parts) {
    const piece =
      'silence' in part ? new Float32Array(Math.round(part.silence * RATE)) : speak(part.speech);
    if ('speech' in part)
      speech.push({
        ...soundSpan(piece, offset),
        language: part.speech.voice,
        text: part.speech.text,
      });
    pieces.push(piece);
    offset += piece.length;
  }
  const audio = new Float32Array(offset);
  let at = 0;
  for (const piece of pieces) {
    audio.set(piece, at);
    at += piece.length;
  }
  return { audio, speech };
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = resolve(values.out ?? join(repoDir, 'test', 'audio'));
  mkdirSync(out, { recursive: true });
  const sv: Speech = { voice: 'sv', text: 'Jag vill ansöka om bostadsbidrag.' };
  const en: Speech = { voice: 'en', text: 'I would like to apply for help.' };
  const noise = new Prng(20_260_930).uniform(RATE, 0.05);
  const files: { file: string; description: string; parts?: Part[]; audio?: Float32Array }[] = [
    { file: 'sv-sentence.wav', description: 'one Swedish sentence', parts: [{ speech: sv }] },
    { file: 'en-sentence.wav', description: 'one English sentence', parts: [{ speech: en }] },
    {
      file: 'speech-pause-speech.wav',
      description: 'silence, Swedish, 1.2 s of silence, English, silence',
      parts: [
        { silence: 0.3 },
        { speech: { voice: 'sv', text: 'Jag behöver hjälp.' } },
        { silence: 1.2 },
        { speech: { voice: 'en', text: 'Thank you very much.' } },
        { silence: 0.3 },
      ],
    },
    { file: 'silence.wav', description: '1 s of digital silence', parts: [{ silence: 1 }] },
    {
      file: 'noise.wav',
      description: '1 s of white noise (uniform, standard deviation 0.05, seeded)',
      audio: noise,
    },
  ];
  const described: Described[] = [];
  for (const { file, description, parts, audio: given } of files) {
    const { audio, speech } = given ? { audio: given, speech: [] } : compose(parts ?? []);
    writeFileSync(join(out, file), encodeWav({ sampleRate: RATE, samples: audio }));
    described.push({ file, seconds: audio.length / RATE, description, speech });
    console.log(`${join(out, file)}: ${(audio.length / RATE).toFixed(2)} s`);
  }
  const espeak = execFileSync('espeak-ng', ['--version']).toString().split('Data at')[0]?.trim();
  writeFileSync(
    join(out, 'speech.json'),
    `${JSON.stringify(
      {
        generator: 'npm run models:speech (models/tools/speech/generate-test-speech.ts)',
        espeak,
        sampleRate: RATE,
        format: '16-bit PCM WAV, mono',
        loudThreshold: LOUD,
        files: described,
      },
      null,
      2,
    )}\n`,
  );
}

main();
