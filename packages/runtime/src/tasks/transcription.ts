import {
  AutoFeatureExtractor,
  AutoModelForSpeechSeq2Seq,
  AutoTokenizer,
  type FeatureExtractor,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { checkSampleRate, resample } from '../audio/resample.js';
import { WindowTranscript } from '../audio/window-text.js';
import { ownedSpans, planWindows } from '../audio/windows.js';
import { TokenStreamer } from '../engine/decoding-hooks.js';
import { IncrementalDecoder } from '../engine/incremental-decoder.js';
import type { LoadedModel } from '../engine/loaded-model.js';
import { yieldToEventLoop } from '../engine/yield.js';
import { KlarError } from '../errors.js';
import type { Backend } from '../types.js';
import { detectSpokenLanguage, knownLanguages, type SpokenLanguage } from './spoken-language.js';
import type { TaskContext, TaskDefinition } from './types.js';

export const TRANSCRIBE_SAMPLE_RATE = 16_000;
/** Whisper hears 30 s at a time. */
const WINDOW_SAMPLES = 30 * TRANSCRIBE_SAMPLE_RATE;
/** Consecutive windows share 5 s, so a word cut at one window's edge is whole in the next. */
export const WINDOW_OVERLAP_SECONDS = 5;
const OVERLAP_SAMPLES = WINDOW_OVERLAP_SECONDS * TRANSCRIBE_SAMPLE_RATE;
const DEFAULT_MAX_NEW_TOKENS = 128;

export interface TranscribeRequest {
  /**
   * Mono samples in [-1, 1] (mix stereo down first: average the channels). Across the worker
   * the buffer is transferred, not copied: the caller's array is empty afterwards.
   */
  readonly audio: Float32Array;
  /**
   * Samples per second of `audio`, 8000–96000 (an AudioContext's `sampleRate`). Default 16000.
   * Other rates are resampled to 16 kHz in the worker, band-limited (no aliasing).
   */
  readonly sampleRate?: number;
  /**
   * The spoken language, forced: Default `sv`. `'auto'`: Whisper identifies it in the first
   * window (among `candidateLanguages`, else every language the model knows) and the whole
   * recording is transcribed in that language; the result says which, and how sure.
   */
  readonly language?: string;
  /** With `language: 'auto'`: the languages to choose among, e.g. `['sv', 'en']`. */
  readonly candidateLanguages?: readonly string[];
  /** `translate` gives English text; default `transcribe`. */
  readonly task?: 'transcribe' | 'translate';
  readonly model?: string;
  /** Cap on tokens per 30 s window. Default 128. */
  readonly maxNewTokens?: number;
}

/**
 * Partial text: `text` is what is new since the previous chunk; all chunks joined are the
 * result's `text`. Audio over 30 s is heard in windows overlapping by 5 s, and text is held back
 * rather than corrected: a window's last words wait until the next window shows where it joins
 * (so a word is never shown twice), which makes long audio stream in bursts.
 */
export interface TranscribeChunk {
  readonly text: string;
  /** The 30 s window being heard when the text was shown. */
  readonly window: number;
}

export interface TranscribeResult {
  readonly text: string;
  /** The language transcribed: the one asked for, or with `'auto'` the one Whisper heard. */
  readonly language: string;
  /** With `language: 'auto'`: Whisper's probability for `language` among the candidates. */
  readonly languageConfidence?: number;
  /**
   * One per 30 s window, in seconds of the audio as given. Windows overlap by 5 s; each segment
   * owns its window up to the middle of the overlap, so segments tile the audio without
   * overlapping, and `text` is the words that window added (after removing the repeat).
   */
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
      'transcribe needs `audio` as a Float32Array of mono samples (and `sampleRate` if not 16000).',
    );
  if (request.sampleRate !== undefined) checkSampleRate(request.sampleRate);
  if (request.task !== undefined && request.task !== 'transcribe' && request.task !== 'translate')
    throw new KlarError('invalid-input', '`task` must be "transcribe" or "translate".');
  const max = request.maxNewTokens;
  if (max !== undefined && !(Number.isInteger(max) && max > 0))
    throw new KlarError('invalid-input', '`maxNewTokens` must be a positive integer.');
  const language = primaryLanguage(request.language ?? 'sv');
  const candidates = request.candidateLanguages;
  if (candidates !== undefined && (!Array.isArray(candidates) || candidates.length === 0))
    throw new KlarError('invalid-input', '`candidateLanguages` must be a non-empty array.');
  if (loaded) {
    const named = language === 'auto' ? (candidates ?? []).map(primaryLanguage) : [language];
    const known = knownLanguages(loaded);
    for (const code of named)
      if (known.length && !known.includes(code))
        throw new KlarError(
          'invalid-input',
          `${loaded.entry.name} does not know the language "${code}". It knows: ${known.join(', ')}.`,
          { language: code },
        );
  }
  return language;
}

const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

async function transcribeWindow(
  loaded: LoadedModel,
  samples: Float32Array,
  options: {
    language: string;
    candidates?: readonly string[] | undefined;
    task: string;
    maxNewTokens: number;
  },
  onText: (delta: string) => void,
): Promise<{ text: string; heard: SpokenLanguage | undefined }> {
  const extractor = extractors.get(loaded.tokenizer);
  if (!extractor)
    throw new KlarError('internal', `${loaded.entry.id} was loaded without its feature extractor.`);
  const { input_features } = (await extractor(samples)) as { input_features: Tensor };
  const heard =
    options.language === 'auto'
      ? await detectSpokenLanguage(loaded, input_features, options.candidates?.map(primaryLanguage))
      : undefined;
  const tokens: number[] = [];
  let shown = '';
  const decoder = new IncrementalDecoder((ids) =>
    loaded.tokenizer.decode(ids as number[], { skip_special_tokens: true }),
  );
  await loaded.model.generate({
    input_features,
    language: heard?.language ?? options.language,
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
  return { text: decoder.text(tokens).trim(), heard };
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
  const asked = checkRequest(request, first);
  // 'auto': decided by the first window, then forced, so every window speaks one language.
  let language = asked;
  let detected: SpokenLanguage | undefined;
  const task = request.task ?? 'transcribe';
  const maxNewTokens = Math.min(
    request.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS,
    (first.entry.contextLength ?? 448) - 4,
  );
  const audio = resample(
    request.audio,
    request.sampleRate ?? TRANSCRIBE_SAMPLE_RATE,
    TRANSCRIBE_SAMPLE_RATE,
  );
  const windows = planWindows(audio.length, WINDOW_SAMPLES, OVERLAP_SAMPLES);
  const transcript = new WindowTranscript();
  const stopped = () =>
    new KlarError('aborted', 'The transcription was stopped.', { partialText: transcript.text });

  return host.queue(first.entry.id).run(async () => {
    let loaded = first;
    try {
      for (const [window, { start, end }] of windows.entries()) {
        if (signal?.aborted) throw stopped();
        const samples = audio.subarray(start, end);
        const last = window === windows.length - 1;
        const show = (text: string, done: boolean) => {
          const delta = transcript.update(window, text, { done, last });
          if (delta) context.onChunk?.({ text: delta, window });
        };
        let text = '';
        loaded = await host.withFallback(loaded, context, async (model) => {
          // Before every decoder step: an abort stops within one step.
          model.stepHook = async () => {
            await yieldToEventLoop();
            if (signal?.aborted) throw stopped();
          };
          // A retry on WASM hears the window again from its start.
          let heard = '';
          try {
            const result = await transcribeWindow(
              model,
              samples,
              { language, candidates: request.candidateLanguages, task, maxNewTokens },
              (delta) => {
                heard += delta;
                show(heard, false);
              },
            );
            text = result.text;
            if (result.heard) {
              detected = result.heard;
              language = result.heard.language;
            }
          } finally {
            model.stepHook = null;
          }
          return model;
        });
        show(text, true);
      }
    } catch (error) {
      if (signal?.aborted) throw stopped();
      throw error;
    }
    const texts = transcript.windowTexts(windows.length);
    const seconds = (at: number) => at / TRANSCRIBE_SAMPLE_RATE;
    return {
      text: transcript.text,
      language,
      ...(detected ? { languageConfidence: detected.confidence } : {}),
      segments: ownedSpans(windows).map((span, i) => ({
        start: seconds(span.start),
        end: seconds(span.end),
        text: texts[i] ?? '',
      })),
      model: loaded.entry.id,
      backend: loaded.backend,
    };
  });
}

/** Speech to text with a Whisper model (KB-Whisper), language forced or identified by Whisper. */
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
