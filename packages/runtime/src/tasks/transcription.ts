import {
  AutoFeatureExtractor,
  AutoModelForSpeechSeq2Seq,
  AutoTokenizer,
  type FeatureExtractor,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { TokenStreamer } from '../engine/decoding-hooks.js';
import { IncrementalDecoder } from '../engine/incremental-decoder.js';
import type { LoadedModel } from '../engine/loaded-model.js';
import { yieldToEventLoop } from '../engine/yield.js';
import { KlarError } from '../errors.js';
import type { Backend } from '../types.js';
import type { TaskContext, TaskDefinition } from './types.js';

export const TRANSCRIBE_SAMPLE_RATE = 16_000;
/** Whisper hears 30 s at a time. */
const WINDOW_SAMPLES = 30 * TRANSCRIBE_SAMPLE_RATE;
const DEFAULT_MAX_NEW_TOKENS = 128;

export interface TranscribeRequest {
  /** 16 kHz mono samples in [-1, 1]. Across the worker the buffer is transferred, not copied. */
  readonly audio: Float32Array;
  /** The spoken language, forced (Whisper does not guess it here). Default `sv`. */
  readonly language?: string;
  /** `translate` gives English text; default `transcribe`. */
  readonly task?: 'transcribe' | 'translate';
  readonly model?: string;
  /** Cap on tokens per 30 s window. Default 128. */
  readonly maxNewTokens?: number;
}

/** Partial text: `text` is what is new since the previous chunk. */
export interface TranscribeChunk {
  readonly text: string;
  /** The 30 s window the text belongs to. */
  readonly window: number;
}

export interface TranscribeResult {
  readonly text: string;
  readonly language: string;
  /** One per 30 s window, with its place in the audio in seconds. */
  readonly segments: readonly {
    readonly start: number;
    readonly end: number;
    readonly text: string;
  }[];
  readonly model: string;
  readonly backend: Backend;
}

// The feature extractor is loaded with the tokenizer (while the model's files are registered)
// and found again through it: TaskDefinition hands tasks one processor object.
const extractors = new WeakMap<PreTrainedTokenizer, FeatureExtractor>();

async function loadProcessor(id: string): Promise<PreTrainedTokenizer> {
  const [tokenizer, extractor] = await Promise.all([
    AutoTokenizer.from_pretrained(id),
    AutoFeatureExtractor.from_pretrained(id),
  ]);
  extractors.set(tokenizer, extractor);
  return tokenizer;
}

function checkRequest(request: TranscribeRequest, loaded?: LoadedModel): string {
  if (!(request?.audio instanceof Float32Array))
    throw new KlarError(
      'invalid-input',
      'transcribe needs `audio` as a Float32Array of 16 kHz mono samples (resample first).',
    );
  if (request.task !== undefined && request.task !== 'transcribe' && request.task !== 'translate')
    throw new KlarError('invalid-input', '`task` must be "transcribe" or "translate".');
  const max = request.maxNewTokens;
  if (max !== undefined && !(Number.isInteger(max) && max > 0))
    throw new KlarError('invalid-input', '`maxNewTokens` must be a positive integer.');
  const language = (request.language ?? 'sv').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (loaded) {
    const known = (loaded.model.generation_config as { lang_to_id?: Record<string, number> })
      .lang_to_id;
    if (known && !(`<|${language}|>` in known))
      throw new KlarError(
        'invalid-input',
        `${loaded.entry.name} does not know the language "${language}". It knows: ${Object.keys(
          known,
        )
          .map((t) => t.slice(2, -2))
          .join(', ')}.`,
        { language },
      );
  }
  return language;
}

async function transcribeWindow(
  loaded: LoadedModel,
  samples: Float32Array,
  options: { language: string; task: string; maxNewTokens: number },
  onText: (delta: string) => void,
): Promise<string> {
  const extractor = extractors.get(loaded.tokenizer);
  if (!extractor)
    throw new KlarError('internal', `${loaded.entry.id} was loaded without its feature extractor.`);
  const { input_features } = (await extractor(samples)) as { input_features: Tensor };
  const tokens: number[] = [];
  let shown = '';
  const decoder = new IncrementalDecoder((ids) =>
    loaded.tokenizer.decode(ids as number[], { skip_special_tokens: true }),
  );
  await loaded.model.generate({
    input_features,
    language: options.language,
    task: options.task,
    max_new_tokens: options.maxNewTokens,
    streamer: new TokenStreamer((id) => {
      tokens.push(id);
      const text = decoder.text(tokens);
      const settled = text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
      if (settled.length > shown.length && settled.startsWith(shown)) {
        onText(settled.slice(shown.length));
        shown = settled;
      }
    }),
  } as unknown as Parameters<typeof loaded.model.generate>[0]);
  return decoder.text(tokens).trim();
}

/** Transcribes 30 s windows one after another, streaming text as tokens arrive. */
async function transcribe(
  request: TranscribeRequest,
  context: TaskContext<TranscribeChunk>,
): Promise<TranscribeResult> {
  checkRequest(request);
  const { host, requestId, signal } = context;
  const first = await host.acquire({
    task: 'automatic-speech-recognition',
    model: request.model,
    requestId,
    signal,
    onProgress: context.onProgress,
  });
  const language = checkRequest(request, first);
  const task = request.task ?? 'transcribe';
  const maxNewTokens = Math.min(
    request.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS,
    (first.entry.contextLength ?? 448) - 4,
  );
  const audio = request.audio;
  const segments: { start: number; end: number; text: string }[] = [];
  const stopped = () =>
    new KlarError('aborted', 'The transcription was stopped.', {
      partialText: segments.map((s) => s.text).join(' '),
    });

  return host.queue(first.entry.id).run(async () => {
    let loaded = first;
    try {
      for (let start = 0, window = 0; start < audio.length || window === 0; window++) {
        if (signal?.aborted) throw stopped();
        const samples = audio.subarray(start, start + WINDOW_SAMPLES);
        let text = '';
        loaded = await host.withFallback(loaded, context, async (model) => {
          // Before every decoder step: an abort stops within one step.
          model.stepHook = async () => {
            await yieldToEventLoop();
            if (signal?.aborted) throw stopped();
          };
          try {
            text = await transcribeWindow(
              model,
              samples,
              { language, task, maxNewTokens },
              (delta) => context.onChunk?.({ text: delta, window }),
            );
          } finally {
            model.stepHook = null;
          }
          return model;
        });
        const end = start + samples.length;
        segments.push({
          start: start / TRANSCRIBE_SAMPLE_RATE,
          end: end / TRANSCRIBE_SAMPLE_RATE,
          text,
        });
        start = end;
      }
    } catch (error) {
      if (signal?.aborted) throw stopped();
      throw error;
    }
    return {
      text: segments
        .map((s) => s.text)
        .filter(Boolean)
        .join(' '),
      language,
      segments,
      model: loaded.entry.id,
      backend: loaded.backend,
    };
  });
}

/** Speech to text with a Whisper model (KB-Whisper), language forced. */
export const transcription: TaskDefinition = {
  task: 'automatic-speech-recognition',
  checkEntry: (entry) =>
    entry.files.some((f) => f.path === 'preprocessor_config.json')
      ? []
      : ['a speech model needs preprocessor_config.json (the feature extractor)'],
  loadProcessor,
  createModel: (id, options) => AutoModelForSpeechSeq2Seq.from_pretrained(id, options),
  operations: {
    'automatic-speech-recognition': { run: transcribe },
  },
};
