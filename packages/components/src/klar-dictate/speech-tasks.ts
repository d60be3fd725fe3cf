/**
 * The two runtime tasks dictation uses, typed here as the round's contract gives them (see the
 * runtime's tasks/transcription.ts and tasks/voice-activity.ts). Both go through the engine's one
 * generic `runTask`, so the element needs nothing from the runtime at page load.
 */
import type { Backend, KlarEngine, ModelTask, ProgressEvent } from '../shared/engine-types.js';

export const SPEECH_TASK = 'automatic-speech-recognition' satisfies ModelTask;
/** Not in every runtime yet: asked for by name, and used only when the engine knows it. */
export const VOICE_TASK = 'voice-activity-detection' as ModelTask;

export interface TranscribeInput {
  /** Mono samples; the buffer is transferred to the worker (detached here afterwards). */
  readonly audio: Float32Array;
  /** The samples' rate; the worker resamples to 16 kHz. */
  readonly sampleRate: number;
  readonly language: string;
  readonly model?: string;
  readonly maxNewTokens?: number;
}
export interface TranscribeOutput {
  readonly text: string;
  readonly model: string;
  readonly backend: Backend;
}
export interface VoiceInput {
  readonly audio: Float32Array;
  readonly sampleRate: number;
}
/** Speech segments in seconds from the start of the audio given. */
export interface VoiceSegment {
  readonly start: number;
  readonly end: number;
}

interface RunOptions<Chunk> {
  readonly signal?: AbortSignal;
  readonly onChunk?: (chunk: Chunk) => void;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** The generic request every engine of the runtime has (`KlarClient`, `LocalEngine`). */
interface TaskRunner {
  runTask(name: string, input: unknown, options?: RunOptions<unknown>): Promise<unknown>;
}

export function canRunTasks(engine: KlarEngine): engine is KlarEngine & TaskRunner {
  return typeof (engine as Partial<TaskRunner>).runTask === 'function';
}

/** Transcribes one stretch of speech, streaming text as the recogniser writes it. */
export async function transcribe(
  engine: KlarEngine & TaskRunner,
  input: TranscribeInput,
  options: RunOptions<{ text: string }>,
): Promise<TranscribeOutput> {
  return (await engine.runTask(
    SPEECH_TASK,
    input,
    options as RunOptions<unknown>,
  )) as TranscribeOutput;
}

/** Where the speech is in `input.audio` (Silero VAD in the worker). */
export async function findSpeech(
  engine: KlarEngine & TaskRunner,
  input: VoiceInput,
  options: RunOptions<never>,
): Promise<readonly VoiceSegment[]> {
  const result = (await engine.runTask(VOICE_TASK, input, options as RunOptions<unknown>)) as {
    segments?: readonly VoiceSegment[];
  };
  return result.segments ?? [];
}
