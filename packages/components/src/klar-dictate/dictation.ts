/**
 * One recording, framework-free: the microphone on, what it hears cut at the citizen's pauses
 * (see speech-segmenter.ts) and each stretch transcribed in order through the runtime, with the
 * text streamed as it is written. `finish()` turns the microphone off first, then writes out the
 * last stretch; `cancel()` drops everything. Audio never outlives its transcription.
 */
import type { Backend, ProgressEvent } from '../shared/engine-types.js';
import { isAborted } from '../shared/errors.js';
import { type Microphone, type MicrophoneChunk, openMicrophone } from './microphone.js';
import { SpeechSegmenter } from './speech-segmenter.js';
import { findSpeech, transcribe } from './speech-tasks.js';

type Engine = Parameters<typeof transcribe>[0];

/** How often what was heard is looked at for a pause (ms). */
const CUT_INTERVAL_MS = 600;
/** The level is reported at most this often (ms). */
const LEVEL_INTERVAL_MS = 150;

export interface DictationOptions {
  /** An engine that runs tasks (see `canRunTasks`). */
  readonly engine: Engine;
  /** The spoken language (BCP 47). */
  readonly language: string;
  readonly model?: string;
  readonly maxNewTokens?: number;
  /** Cut at the pauses the runtime's voice detector finds (else by loudness). */
  readonly useVoiceDetector: boolean;
  /** Text already dictated, which the new text is added to. */
  readonly kept?: string;
  /** 0–100, throttled. */
  readonly onLevel: (level: number) => void;
  /** All the text so far, as it streams. */
  readonly onText: (text: string) => void;
  /** The recogniser answered (its model is loaded). */
  readonly onRecognised: (backend?: Backend) => void;
  readonly onProgress: (event: ProgressEvent) => void;
  /** The recogniser failed; no further stretch is sent. */
  readonly onFailure: (error: unknown) => void;
  /** The voice detector could not run (pauses are found by loudness from then on). */
  readonly onDetectorFailure?: (error: unknown) => void;
  /** The microphone went away on its own. */
  readonly onMicrophoneEnded: () => void;
}

export class Dictation {
  readonly #options: DictationOptions;
  readonly #abort = new AbortController();
  readonly #texts: string[];
  #microphone: Microphone | undefined;
  #segmenter: SpeechSegmenter | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #cutting: Promise<void> = Promise.resolve();
  #queue: Promise<void> = Promise.resolve();
  #lastLevelAt = 0;
  #failed = false;

  private constructor(options: DictationOptions) {
    this.#options = options;
    this.#texts = options.kept ? [options.kept] : [];
  }

  /** Asks for the microphone and starts listening. Rejects with a `MicrophoneError`. */
  static async start(options: DictationOptions, signal?: AbortSignal): Promise<Dictation> {
    const dictation = new Dictation(options);
    signal?.addEventListener('abort', () => dictation.cancel(), { once: true });
    const microphone = await openMicrophone(
      (chunk) => dictation.#heard(chunk),
      signal,
      options.onMicrophoneEnded,
    );
    if (signal?.aborted) {
      await microphone.stop();
      throw Object.assign(new Error('stopped before listening'), { code: 'aborted' });
    }
    dictation.#microphone = microphone;
    const rate = microphone.sampleRate;
    const { engine } = options;
    const abortSignal = dictation.#abort.signal;
    dictation.#segmenter = new SpeechSegmenter({
      sampleRate: rate,
      ...(options.onDetectorFailure ? { onDetectorFailure: options.onDetectorFailure } : {}),
      ...(options.useVoiceDetector
        ? {
            findSpeech: (audio: Float32Array) =>
              findSpeech(engine, { audio, sampleRate: rate }, { signal: abortSignal }),
          }
        : {}),
    });
    dictation.#timer = setInterval(() => dictation.#cut(false), CUT_INTERVAL_MS);
    return dictation;
  }

  /** All the text written so far. */
  get text(): string {
    return this.#texts.join(' ').trim();
  }

  /** Turns the microphone off, writes out what is left, and resolves with all the text. */
  async finish(): Promise<string> {
    await this.#release();
    if (!this.#failed) this.#cut(true);
    await this.#cutting;
    await this.#queue;
    return this.text;
  }

  /** Turns the microphone off and drops what was heard and written. */
  cancel(): void {
    this.#abort.abort();
    void this.#release();
  }

  async #release(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    const microphone = this.#microphone;
    this.#microphone = undefined;
    this.#options.onLevel(0);
    await microphone?.stop();
  }

  #heard(chunk: MicrophoneChunk): void {
    if (!this.#microphone || this.#abort.signal.aborted) return;
    this.#segmenter?.push(chunk);
    const now = performance.now();
    if (now - this.#lastLevelAt < LEVEL_INTERVAL_MS) return;
    this.#lastLevelAt = now;
    // Speech sits around 0.02–0.3 RMS: a square-root scale shows quiet speech as well.
    this.#options.onLevel(Math.min(100, Math.round(Math.sqrt(chunk.rms / 0.3) * 100)));
  }

  /** Looks for finished stretches and queues them, one look at a time. */
  #cut(final: boolean): void {
    const segmenter = this.#segmenter;
    const signal = this.#abort.signal;
    if (!segmenter) return;
    this.#cutting = this.#cutting.then(async () => {
      if (signal.aborted) return;
      let stretches: Float32Array[] = [];
      try {
        stretches = await segmenter.take(final);
      } catch {
        return;
      }
      for (const audio of stretches) this.#enqueue(audio, segmenter.sampleRate);
    });
  }

  #enqueue(audio: Float32Array, sampleRate: number): void {
    const { engine, language, model, maxNewTokens } = this.#options;
    const signal = this.#abort.signal;
    this.#queue = this.#queue.then(async () => {
      if (signal.aborted || this.#failed) return;
      const before = this.text;
      let streamed = '';
      try {
        const result = await transcribe(
          engine,
          {
            audio,
            sampleRate,
            language,
            ...(model ? { model } : {}),
            ...(maxNewTokens && maxNewTokens > 0 ? { maxNewTokens } : {}),
          },
          {
            signal,
            onProgress: this.#options.onProgress,
            onChunk: (chunk) => {
              this.#options.onRecognised();
              streamed += chunk.text;
              this.#options.onText(`${before} ${streamed}`.trim());
            },
          },
        );
        this.#options.onRecognised(result.backend);
        if (result.text.trim()) this.#texts.push(result.text.trim());
        this.#options.onText(this.text);
      } catch (error) {
        if (signal.aborted || isAborted(error)) return;
        this.#failed = true;
        this.#options.onFailure(error);
      }
    });
  }
}
