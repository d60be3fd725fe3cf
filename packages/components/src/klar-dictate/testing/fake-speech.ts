/**
 * Test doubles for <klar-dictate>: an engine that also runs the speech tasks (recognition
 * streams fixed words; the voice detector finds loud 100 ms frames), and a microphone made
 * from an oscillator that "speaks" for a second and pauses for a second.
 */
import type { ModelEntry, ModelManifest } from '../../shared/engine-types.js';
import { FakeEngine, type FakeEngineOptions } from '../../testing/fake-engine.js';
import { testManifest } from '../../testing/manifest.js';

export const speechModel: ModelEntry = {
  id: 'test/tiny-whisper',
  task: 'automatic-speech-recognition',
  role: 'default',
  name: 'Tiny Test Whisper',
  languages: ['sv', 'en'],
  license: 'Apache-2.0',
  dtypes: { webgpu: 'fp32', wasm: 'fp32' },
  files: [
    { path: 'preprocessor_config.json', size: 1000 },
    { path: 'onnx/encoder_model.onnx', size: 40_000_000 },
  ],
};

export const voiceModel = {
  id: 'test/silero-vad',
  task: 'voice-activity-detection',
  role: 'default',
  name: 'Test VAD',
  languages: [],
  license: 'MIT',
  dtypes: { webgpu: 'fp32', wasm: 'fp32' },
  files: [{ path: 'onnx/model.onnx', size: 2_000_000 }],
} as unknown as ModelEntry;

export function speechManifest(withVoice = true): ModelManifest {
  return {
    version: 1,
    models: [...testManifest.models, speechModel, ...(withVoice ? [voiceModel] : [])],
  };
}

export interface SpeechRequest {
  readonly task: string;
  readonly audio: Float32Array;
  readonly samples: number;
  readonly sampleRate: number;
  readonly language?: string;
}

export interface FakeSpeechOptions extends FakeEngineOptions {
  /** Words streamed for each stretch of speech. */
  readonly words?: readonly string[];
  /** Recognition rejects with a KlarError-shaped error of this code. */
  readonly speechFailWith?: string;
  /** The voice detector fails with this code (e.g. its file is missing on the site). */
  readonly voiceFailWith?: string;
  readonly withVoice?: boolean;
}

export class FakeSpeechEngine extends FakeEngine {
  readonly speech: SpeechRequest[] = [];

  constructor(private readonly speechOptions: FakeSpeechOptions = {}) {
    super({ manifest: speechManifest(speechOptions.withVoice ?? true), ...speechOptions });
  }

  async runTask(
    name: string,
    input: { audio: Float32Array; sampleRate: number; language?: string },
    options: {
      signal?: AbortSignal;
      onChunk?: (chunk: { text: string; window: number }) => void;
    } = {},
  ): Promise<unknown> {
    this.speech.push({
      task: name,
      audio: input.audio,
      samples: input.audio.length,
      sampleRate: input.sampleRate,
      ...(input.language ? { language: input.language } : {}),
    });
    if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { code: 'aborted' });
    if (name === 'voice-activity-detection' && this.speechOptions.voiceFailWith)
      throw Object.assign(new Error(`voice detector: ${this.speechOptions.voiceFailWith}`), {
        code: this.speechOptions.voiceFailWith,
      });
    if (name === 'voice-activity-detection')
      return {
        segments: loudFrames(input.audio, input.sampleRate),
        model: voiceModel.id,
        backend: 'wasm',
      };
    if (name !== 'automatic-speech-recognition')
      throw Object.assign(new Error(name), { code: 'unsupported-task' });
    await new Promise((r) => setTimeout(r, 20));
    if (this.speechOptions.speechFailWith)
      throw Object.assign(new Error('failed'), { code: this.speechOptions.speechFailWith });
    const words = this.speechOptions.words ?? ['hej', ' och', ' välkommen'];
    for (const word of words) {
      await new Promise((r) => setTimeout(r, 10));
      options.onChunk?.({ text: word, window: 0 });
    }
    return {
      text: words.join(''),
      language: input.language ?? 'sv',
      segments: [],
      model: speechModel.id,
      backend: 'wasm',
    };
  }
}

/** Loud 100 ms frames merged into segments, in seconds: a stand-in for Silero VAD. */
function loudFrames(audio: Float32Array, rate: number): { start: number; end: number }[] {
  const frame = Math.round(rate / 10);
  const segments: { start: number; end: number }[] = [];
  for (let i = 0; i + frame <= audio.length; i += frame) {
    let sum = 0;
    for (let j = i; j < i + frame; j++) sum += audio[j]! * audio[j]!;
    if (Math.sqrt(sum / frame) <= 0.01) continue;
    const start = i / rate;
    const end = (i + frame) / rate;
    const last = segments.at(-1);
    if (last && start - last.end < 0.3) last.end = end;
    else segments.push({ start, end });
  }
  return segments;
}

export interface FakeMicrophone {
  readonly streams: MediaStream[];
  calls: number;
  restore(): void;
}

/**
 * Replaces getUserMedia: `fail` rejects with that DOMException name; else a stream from an
 * oscillator that is loud for `speakSeconds` then silent for `pauseSeconds`, over and over.
 */
export function fakeMicrophone(
  options: { fail?: string; speakSeconds?: number; pauseSeconds?: number; wav?: string } = {},
): FakeMicrophone {
  const mediaDevices = navigator.mediaDevices;
  const original = mediaDevices.getUserMedia;
  const contexts: AudioContext[] = [];
  const fake: FakeMicrophone = {
    streams: [],
    calls: 0,
    restore() {
      mediaDevices.getUserMedia = original;
      for (const c of contexts) void c.close();
    },
  };
  mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    fake.calls++;
    if (!constraints?.audio) throw new DOMException('audio expected', 'TypeError');
    if (options.fail) throw new DOMException(`fake ${options.fail}`, options.fail);
    const context = new AudioContext();
    contexts.push(context);
    await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 500))]);
    const destination = context.createMediaStreamDestination();
    fake.streams.push(destination.stream);
    if (options.wav) {
      // Recorded speech, played once into the stream (decoded at the context's rate).
      const bytes = await (await fetch(options.wav)).arrayBuffer();
      const source = new AudioBufferSourceNode(context, {
        buffer: await context.decodeAudioData(bytes),
      });
      source.connect(destination);
      source.start();
      return destination.stream;
    }
    const oscillator = new OscillatorNode(context, { frequency: 220 });
    const gain = new GainNode(context, { gain: 0 });
    const speak = options.speakSeconds ?? 1;
    const pause = options.pauseSeconds ?? 1;
    const t0 = context.currentTime;
    for (let t = 0; t < 60; t += speak + pause) {
      gain.gain.setValueAtTime(0.3, t0 + t);
      gain.gain.setValueAtTime(0, t0 + t + speak);
    }
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    return destination.stream;
  };
  return fake;
}
