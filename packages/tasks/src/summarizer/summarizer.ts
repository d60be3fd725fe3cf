import type { FaithfulnessListener } from '../shared/faithfulness-hook.js';
import { pageLanguage } from '../shared/language.js';
import { readAll } from '../shared/stream.js';
import type { Availability } from '../shared/types.js';
import {
  createNativeWriting,
  openWritingModel,
  requirePromptLanguage,
  WritingSession,
  writingAvailability,
  writingNativeOptions,
} from '../shared/writing-session.js';
import { condense } from './hierarchy.js';
import { ModelSummary } from './model-summary.js';
import { type NativeSummarizerInstance, NativeSummary } from './native-summary.js';
import {
  type LengthBudget,
  lengthBudget,
  type SummarizeOptions,
  type SummarizerAvailabilityOptions,
  type SummarizerCreateOptions,
  type SummarizerFormat,
  type SummarizerLength,
  type SummarizerType,
} from './options.js';

export interface KlarSummarizerCreateOptions extends SummarizerCreateOptions {
  /** Called with the faithfulness report after every finished summary (Klar extension). */
  readonly onFaithfulness?: FaithfulnessListener;
}

function nativeOptions(options: SummarizerAvailabilityOptions, outputLanguage: string) {
  return writingNativeOptions(
    { type: options.type, format: options.format, length: options.length },
    options,
    outputLanguage,
  );
}

function capped(budget: LengthBudget, maxNewTokens: number | undefined): LengthBudget {
  if (!maxNewTokens || maxNewTokens >= budget.maxNewTokens) return budget;
  return { ...budget, maxNewTokens: Math.max(1, Math.floor(maxNewTokens)) };
}

/**
 * Summaries shaped like the W3C Summarizer API. `create()` uses the browser's built-in
 * Summarizer when it exists and says `available` for the requested languages (unless
 * `useNative: false`), else a Klar model through the runtime; `source` says which. A text
 * longer than one pass is summarised in parts, then the summaries are summarised.
 */
export class Summarizer extends WritingSession {
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly #impl: ModelSummary | NativeSummary;
  readonly #options: KlarSummarizerCreateOptions;

  private constructor(
    impl: ModelSummary | NativeSummary,
    options: KlarSummarizerCreateOptions,
    outputLanguage: string,
  ) {
    super(
      'Summarizer',
      options,
      outputLanguage,
      impl instanceof ModelSummary ? impl.session : undefined,
    );
    this.#impl = impl;
    this.#options = options;
    this.type = options.type ?? 'key-points';
    this.format = options.format ?? 'markdown';
    this.length = options.length ?? 'short';
  }

  /** Whether a summariser with these options can be made here, and whether it must download first. */
  static async availability(options: SummarizerAvailabilityOptions = {}): Promise<Availability> {
    return writingAvailability('Summarizer', options, nativeOptions);
  }

  /** Makes a summariser; downloads and loads its model first if needed (progress to `monitor`). */
  static async create(options: KlarSummarizerCreateOptions = {}): Promise<Summarizer> {
    const outputLanguage = options.outputLanguage ?? pageLanguage();
    const instance = await createNativeWriting<NativeSummarizerInstance>(
      'Summarizer',
      options,
      nativeOptions(options, outputLanguage),
      options.sharedContext,
    );
    if (instance) return new Summarizer(new NativeSummary(instance), options, outputLanguage);
    const language = requirePromptLanguage('Summarizer', outputLanguage);
    const session = await openWritingModel(options, outputLanguage);
    const type = options.type ?? 'key-points';
    const impl = new ModelSummary(
      session,
      {
        language,
        type,
        format: options.format ?? 'markdown',
        budget: capped(lengthBudget(type, options.length ?? 'short'), options.maxNewTokens),
        ...(options.sharedContext ? { sharedContext: options.sharedContext } : {}),
      },
      options.maxNewTokens && options.maxNewTokens > 0
        ? Math.floor(options.maxNewTokens)
        : undefined,
    );
    return new Summarizer(impl, options, outputLanguage);
  }

  /**
   * Tokens of one whole request (prompt, context and text) the source takes in one pass. A
   * longer text is split (unless `splitLongInput: false`).
   */
  get inputQuota(): number {
    return this.#impl.inputQuota;
  }

  /** Tokens of the whole request for `text`, counted with the model's real tokenizer. */
  async measureInputUsage(
    text: string,
    options: { context?: string; signal?: AbortSignal } = {},
  ): Promise<number> {
    const signal = this.signalFor(options.signal);
    return this.#impl.measureInputUsage(text, options.context, signal);
  }

  async summarize(text: string, options: SummarizeOptions = {}): Promise<string> {
    return readAll(this.summarizeStreaming(text, options));
  }

  /** Streams the summary as chunks of new text. Earlier levels of a long text report through `onPart`. */
  summarizeStreaming(text: string, options: SummarizeOptions = {}): ReadableStream<string> {
    return this.checkedStream(text, options, async (emit, signal) => {
      const source = this.#impl.condenseSource(options.context);
      const condensed = await condense(text, source, {
        splitLongInput: this.#options.splitLongInput ?? true,
        maxLevels: this.#options.maxLevels ?? 3,
        signal,
        ...(options.onPart ? { onPart: options.onPart } : {}),
      });
      return this.#impl.streamFinal(condensed, options.context, emit, signal);
    });
  }

  /** Stops every call in flight; later calls reject with 'disposed'. */
  override destroy(): void {
    super.destroy();
    if (this.#impl instanceof NativeSummary) this.#impl.instance.destroy();
  }
}
