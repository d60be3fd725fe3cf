import { decodeWav } from '../../../../../models/tools/speech/wav.js';

export interface TestSpeech {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** Where speech.json says the speech is, in seconds. */
  readonly speech: readonly { start: number; end: number; text: string }[];
}

/** A file of test/audio (made by npm run models:speech) with its truth from speech.json. */
export async function testSpeech(file: string): Promise<TestSpeech> {
  const [wav, described] = await Promise.all([
    fetch(`/test/audio/${file}`).then((r) => r.arrayBuffer()),
    fetch('/test/audio/speech.json').then((r) => r.json()),
  ]);
  const { samples, sampleRate } = decodeWav(new Uint8Array(wav));
  const entry = (described.files as { file: string; speech: TestSpeech['speech'] }[]).find(
    (f) => f.file === file,
  );
  if (!entry) throw new Error(`${file} is not in test/audio/speech.json`);
  return { samples, sampleRate, speech: entry.speech };
}
