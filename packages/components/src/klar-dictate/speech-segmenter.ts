/**
 * Cuts what the microphone hears into stretches of speech to transcribe, at the citizen's pauses,
 * so text appears while they talk and silence never reaches the recogniser. With a voice activity
 * detector (Silero VAD in the runtime's worker) it cuts where the detector says speech ended;
 * without one it falls back to loudness: a quiet stretch after loud chunks is a pause, and a long
 * monologue is cut in fixed chunks at its quietest moment. Pure: no audio APIs, no timers.
 */
import type { MicrophoneChunk } from './microphone.js';
import type { VoiceSegment } from './speech-tasks.js';

export interface SegmenterOptions {
  readonly sampleRate: number;
  /** Speech in `audio` (seconds); the array may be transferred. Absent: loudness decides. */
  readonly findSpeech?: (audio: Float32Array) => Promise<readonly VoiceSegment[]>;
  /** Silence after speech that ends a stretch. Default 0.7 s. */
  readonly pauseSeconds?: number;
  /** A stretch is cut at this length even without a pause. Default 20 s (the detector), 8 s (loudness). */
  readonly maxSeconds?: number;
  /** The detector failed (from then on loudness decides): for the developer's console. */
  readonly onDetectorFailure?: (error: unknown) => void;
  /** Loudness below which a chunk counts as silence (without a detector). Default 0.01 (about −40 dBFS). */
  readonly silenceRms?: number;
}

/** Stretches shorter than this are breaths and clicks, not words. */
const MIN_SPEECH_SECONDS = 0.25;
/** Heard audio kept while nothing is spoken, in case a word is just starting. */
const KEEP_WHILE_SILENT_SECONDS = 1;

export class SpeechSegmenter {
  readonly sampleRate: number;
  #chunks: MicrophoneChunk[] = [];
  readonly #options: SegmenterOptions;
  #detectorFailed = false;

  constructor(options: SegmenterOptions) {
    this.#options = options;
    this.sampleRate = options.sampleRate;
  }

  /** Whether a voice activity detector decides the cuts (else loudness). */
  get usesDetector(): boolean {
    return this.#options.findSpeech !== undefined && !this.#detectorFailed;
  }

  push(chunk: MicrophoneChunk): void {
    if (chunk.samples.length) this.#chunks.push(chunk);
  }

  /** Seconds heard and not yet cut. */
  get pendingSeconds(): number {
    return this.#chunks.reduce((n, c) => n + c.samples.length, 0) / this.sampleRate;
  }

  /**
   * The stretches of speech ready to transcribe (removed from what is pending). `final`: the
   * citizen stopped, so everything left that holds speech is cut.
   */
  async take(final: boolean): Promise<Float32Array[]> {
    const { findSpeech } = this.#options;
    if (findSpeech && !this.#detectorFailed) {
      try {
        return await this.#takeWithDetector(findSpeech, final);
      } catch (error) {
        // A stopped request is not a broken detector.
        if ((error as { code?: string } | null)?.code === 'aborted') throw error;
        // The detector could not run: dictation goes on, cutting by loudness.
        this.#detectorFailed = true;
        this.#options.onDetectorFailure?.(error);
      }
    }
    return this.#takeByLoudness(final);
  }

  async #takeWithDetector(
    findSpeech: NonNullable<SegmenterOptions['findSpeech']>,
    final: boolean,
  ): Promise<Float32Array[]> {
    const count = this.#chunks.length;
    if (!count) return [];
    const audio = concat(this.#chunks.slice(0, count).map((c) => c.samples));
    const rate = this.sampleRate;
    // A copy: the detector's input is transferred to the worker.
    const found = (await findSpeech(audio.slice()))
      .map((s) => ({ start: Math.max(0, s.start), end: Math.min(audio.length / rate, s.end) }))
      .filter((s) => s.end > s.start);
    const duration = audio.length / rate;
    const last = found.at(-1);
    if (!last) {
      // Nothing said: drop the silence, but keep the last moment in case a word is starting.
      this.#consume(
        count,
        final ? audio.length : Math.max(0, audio.length - KEEP_WHILE_SILENT_SECONDS * rate),
      );
      return [];
    }
    const pause = this.#options.pauseSeconds ?? 0.7;
    const max = this.#options.maxSeconds ?? 20;
    let take: number;
    let cutSeconds: number;
    // The last pause long enough to end a stretch: between two found stretches, or at the end.
    const paused = found.findLastIndex(
      (seg, i) => (found[i + 1]?.start ?? duration) - seg.end >= pause,
    );
    if (final) {
      take = found.length;
      cutSeconds = duration;
    } else if (paused >= 0) {
      take = paused + 1;
      cutSeconds = found[paused]!.end;
    } else if (duration >= max) {
      // No pause for too long: cut at the last gap the detector saw, else right here.
      take = found.length > 1 ? found.length - 1 : 1;
      cutSeconds = take === found.length ? duration : found[take - 1]!.end;
    } else return [];
    const speech = found.slice(0, take);
    const cut = Math.min(audio.length, Math.round(cutSeconds * rate));
    const parts = speech.map((s) =>
      audio.subarray(Math.round(s.start * rate), Math.round(s.end * rate)),
    );
    this.#consume(count, cut);
    const stretch = concat(parts);
    return stretch.length >= MIN_SPEECH_SECONDS * rate ? [stretch] : [];
  }

  async #takeByLoudness(final: boolean): Promise<Float32Array[]> {
    const chunks = this.#chunks;
    if (!chunks.length) return [];
    const rate = this.sampleRate;
    const silence = this.#options.silenceRms ?? 0.01;
    const pause = this.#options.pauseSeconds ?? 0.7;
    const max = this.#options.maxSeconds ?? 8;
    const firstLoud = chunks.findIndex((c) => c.rms > silence);
    if (firstLoud < 0) {
      const total = chunks.reduce((n, c) => n + c.samples.length, 0);
      this.#consume(
        chunks.length,
        final ? total : Math.max(0, total - KEEP_WHILE_SILENT_SECONDS * rate),
      );
      return [];
    }
    // Where the last pause long enough to end a stretch began (after a loud chunk), if any.
    let lastLoud = firstLoud;
    let quiet = 0;
    let speechEnd = -1;
    let cutAt = -1;
    for (let i = firstLoud; i < chunks.length; i++) {
      if (chunks[i]!.rms > silence) {
        lastLoud = i;
        quiet = 0;
        continue;
      }
      quiet += chunks[i]!.samples.length;
      if (quiet >= pause * rate && speechEnd !== lastLoud + 1) {
        speechEnd = lastLoud + 1;
        cutAt = i + 1;
      }
    }
    let lengthFromSpeech = 0;
    for (let i = Math.max(0, firstLoud - 1); i < chunks.length; i++)
      lengthFromSpeech += chunks[i]!.samples.length;
    if (final) {
      speechEnd = lastLoud + 1;
      cutAt = chunks.length;
    } else if (cutAt < 0) {
      if (lengthFromSpeech < max * rate) return [];
      cutAt = quietestCut(chunks, rate);
      speechEnd = cutAt;
    }
    // One chunk of lead-in before the first loud one and one after the last, so soft first and
    // last sounds are not clipped; the rest of the pause is silence and stays out.
    const start = Math.max(0, firstLoud - 1);
    const end = Math.min(cutAt, speechEnd + 1);
    const stretch = concat(chunks.slice(start, end).map((c) => c.samples));
    this.#chunks = chunks.slice(cutAt);
    return stretch.length >= MIN_SPEECH_SECONDS * rate ? [stretch] : [];
  }

  /** Drops the first `samples` samples of the first `count` chunks (later chunks stay). */
  #consume(count: number, samples: number): void {
    const rest: MicrophoneChunk[] = [];
    let skip = samples;
    for (const chunk of this.#chunks.slice(0, count)) {
      if (skip >= chunk.samples.length) {
        skip -= chunk.samples.length;
        continue;
      }
      rest.push({ samples: chunk.samples.subarray(skip), rms: chunk.rms });
      skip = 0;
    }
    this.#chunks = [...rest, ...this.#chunks.slice(count)];
  }
}

/** End index (exclusive) for a forced cut: after the quietest chunk of the last two seconds. */
function quietestCut(chunks: readonly MicrophoneChunk[], rate: number): number {
  let best = chunks.length;
  let bestRms = Number.POSITIVE_INFINITY;
  let seen = 0;
  for (let i = chunks.length - 1; i > 0 && seen < 2 * rate; i--) {
    seen += chunks[i]!.samples.length;
    if (chunks[i]!.rms < bestRms) {
      bestRms = chunks[i]!.rms;
      best = i + 1;
    }
  }
  return best;
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
