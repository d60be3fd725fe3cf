import * as ort from 'onnxruntime-web/webgpu';
import { checkSampleRate, resample } from '../audio/resample.js';
import { SPEECH_DEFAULTS, speechSegments } from '../audio/speech-segments.js';
import { ortBuildFor, prepareOrtBuild } from '../backend/ort-build.js';
import type { ModelHost } from '../engine/model-host.js';
import { warnAboutSetup } from '../engine/model-loader.js';
import { yieldToEventLoop } from '../engine/yield.js';
import { KlarError, toKlarError } from '../errors.js';
import { fetchModelFiles } from '../files/fetch-model-files.js';
import type { ModelEntry } from '../manifest/types.js';
import type { Backend } from '../types.js';
import type { TaskContext, TaskDefinition } from './types.js';

// onnxruntime-web is imported under the same name transformers.js uses, so both share one
// copy (and the same-origin .wasm paths the runtime configured).

/** Silero VAD hears 16 kHz in 512-sample frames (32 ms), each with the 64 samples before it. */
const RATE = 16_000;
const FRAME = 512;
const CONTEXT = 64;
/** Frames between yields to the worker's event loop (so an abort is seen within ~1 s of audio). */
const FRAMES_PER_YIELD = 32;

export interface VoiceActivityRequest {
  /** Mono samples in [-1, 1] (mix stereo down first). Transferred to the worker, not copied. */
  readonly audio: Float32Array;
  /** Samples per second, 8000–96000. Default 16000; others are resampled in the worker. */
  readonly sampleRate?: number;
  /** Speech probability that starts speech, in (0, 1). Default 0.5. */
  readonly threshold?: number;
  /** Silence that ends a segment. Default 100 ms. */
  readonly minSilenceMs?: number;
  /** Shorter speech is ignored. Default 250 ms. */
  readonly minSpeechMs?: number;
  /** Added before and after each segment. Default 30 ms. */
  readonly speechPadMs?: number;
  readonly model?: string;
}

export interface VoiceActivityResult {
  /** Speech in the audio, in seconds, in order and not overlapping. */
  readonly segments: readonly { readonly start: number; readonly end: number }[];
  readonly model: string;
  /** Always `wasm`: the model is too small per step for a GPU to help. */
  readonly backend: Backend;
}

interface VadSession {
  readonly session: ort.InferenceSession;
  readonly entry: ModelEntry;
}

/** One session per model per engine, loaded on first use and shared by later requests. */
const sessions = new WeakMap<ModelHost, Map<string, Promise<VadSession>>>();

function checkRequest(request: VoiceActivityRequest): void {
  if (!(request?.audio instanceof Float32Array))
    throw new KlarError(
      'invalid-input',
      'voice activity detection needs `audio` as a Float32Array of mono samples (and `sampleRate` if not 16000).',
    );
  if (request.sampleRate !== undefined) checkSampleRate(request.sampleRate);
  const { threshold } = request;
  if (threshold !== undefined && !(threshold > 0 && threshold < 1))
    throw new KlarError('invalid-input', '`threshold` must be a probability between 0 and 1.');
  for (const key of ['minSilenceMs', 'minSpeechMs', 'speechPadMs'] as const) {
    const value = request[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0))
      throw new KlarError('invalid-input', `\`${key}\` must be a number of milliseconds ≥ 0.`);
  }
}

async function createSession(
  host: ModelHost,
  entry: ModelEntry,
  context: TaskContext<never>,
): Promise<VadSession> {
  const emit = context.onProgress;
  const base = { requestId: context.requestId, model: entry.id };
  // The detector runs on WASM, but the realm's build follows the engine's backend: a WebGPU
  // engine's later models need the WebGPU build.
  const choice = await host.policy.choose();
  await prepareOrtBuild(ortBuildFor(choice.backend), (warning) =>
    warnAboutSetup(warning, entry.id, (event) =>
      emit?.({ ...event, requestId: context.requestId }),
    ),
  );
  const file = entry.files.find((f) => f.dtype === undefined || f.dtype === entry.dtypes.wasm);
  if (!file) throw new KlarError('invalid-manifest', `${entry.id} lists no ONNX file.`);
  const files = await fetchModelFiles({
    model: entry.id,
    folderUrl: host.source.folderUrl(entry),
    files: [file],
    cache: host.cache,
    ...(context.signal ? { signal: context.signal } : {}),
    onEvent: (event) => {
      if (event.kind === 'initiate') emit?.({ status: 'initiate', ...base, file: event.file });
      else if (event.kind === 'download') {
        const { kind: _, ...rest } = event;
        emit?.({ status: 'download', ...base, ...rest });
      } else emit?.({ status: 'warning', ...base, warning: event.error.toJSON() });
    },
  });
  try {
    const session = await ort.InferenceSession.create(files.get(file.path) as Uint8Array, {
      executionProviders: ['wasm'],
    });
    return { session, entry };
  } catch (error) {
    throw toKlarError(error, 'session-failed', `Could not start ${entry.id} on wasm`);
  }
}

async function acquire(
  request: VoiceActivityRequest,
  context: TaskContext<never>,
): Promise<VadSession> {
  const { host } = context;
  const entry = await host.entryFor('voice-activity-detection', request.model);
  let byId = sessions.get(host);
  if (!byId) {
    byId = new Map();
    sessions.set(host, byId);
  }
  let loading = byId.get(entry.id);
  if (!loading) {
    loading = createSession(host, entry, context);
    byId.set(entry.id, loading);
    loading.catch(() => byId.delete(entry.id));
  }
  const loaded = await loading;
  context.onProgress?.({
    status: 'ready',
    requestId: context.requestId,
    model: entry.id,
    backend: 'wasm',
    dtype: entry.dtypes.wasm,
  });
  return loaded;
}

/** Speech probability of every 32 ms frame (the last, partial frame padded with silence). */
async function frameProbabilities(
  session: ort.InferenceSession,
  audio: Float32Array,
  signal: AbortSignal | undefined,
): Promise<Float32Array> {
  const frames = Math.ceil(audio.length / FRAME);
  const probabilities = new Float32Array(frames);
  const input = new Float32Array(CONTEXT + FRAME);
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]), []);
  let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  for (let i = 0; i < frames; i++) {
    if (i % FRAMES_PER_YIELD === 0) {
      await yieldToEventLoop();
      if (signal?.aborted) throw new KlarError('aborted', 'Voice activity detection was stopped.');
    }
    // The context is the previous frame's last 64 samples (silence before the first).
    input.copyWithin(0, FRAME, FRAME + CONTEXT);
    if (i === 0) input.fill(0, 0, CONTEXT);
    const frame = audio.subarray(i * FRAME, (i + 1) * FRAME);
    input.set(frame, CONTEXT);
    if (frame.length < FRAME) input.fill(0, CONTEXT + frame.length);
    const out = await session.run({
      input: new ort.Tensor('float32', input.slice(), [1, CONTEXT + FRAME]),
      state,
      sr,
    });
    state = out.stateN as ort.Tensor;
    probabilities[i] = (out.output as ort.Tensor).data[0] as number;
  }
  return probabilities;
}

async function detect(
  request: VoiceActivityRequest,
  context: TaskContext<never>,
): Promise<VoiceActivityResult> {
  checkRequest(request);
  const { session, entry } = await acquire(request, context);
  const audio = resample(request.audio, request.sampleRate ?? RATE, RATE);
  // One ONNX Runtime session runs one request at a time.
  return context.host.queue(entry.id).run(async () => {
    const probabilities = await frameProbabilities(session, audio, context.signal);
    const spans = speechSegments(probabilities, FRAME, audio.length, RATE, {
      threshold: request.threshold ?? SPEECH_DEFAULTS.threshold,
      minSilenceMs: request.minSilenceMs ?? SPEECH_DEFAULTS.minSilenceMs,
      minSpeechMs: request.minSpeechMs ?? SPEECH_DEFAULTS.minSpeechMs,
      speechPadMs: request.speechPadMs ?? SPEECH_DEFAULTS.speechPadMs,
    });
    return {
      segments: spans.map(({ start, end }) => ({ start: start / RATE, end: end / RATE })),
      model: entry.id,
      backend: 'wasm' as const,
    };
  });
}

const notTransformers = (what: string) => () =>
  Promise.reject(
    new KlarError('internal', `voice-activity-detection runs its own session; it has no ${what}.`),
  );

/** Silero VAD through onnxruntime-web's WASM backend, from the manifest's verified file. */
export const voiceActivity: TaskDefinition = {
  task: 'voice-activity-detection',
  session: 'onnxruntime',
  checkEntry: (entry) =>
    entry.files.some((f) => f.path.endsWith('.onnx'))
      ? []
      : ['a voice activity model needs its .onnx file'],
  loadProcessor: notTransformers('processor'),
  createModel: notTransformers('transformers.js model'),
  operations: {
    'voice-activity-detection': { run: detect },
  },
};
