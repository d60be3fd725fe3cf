import { resolveEngine } from '../shared/engine.js';
import { KlarError } from '../shared/errors.js';
import {
  type CheckedOutput,
  type FaithfulnessListener,
  reportFaithfulness,
} from '../shared/faithfulness-hook.js';
import { pageLanguage, promptLanguageOf, supportsLanguages } from '../shared/language.js';
import { Lifecycle } from '../shared/lifecycle.js';
import { openModelSession } from '../shared/model-session.js';
import { definedOnly, usableNative } from '../shared/native.js';
import { readAll, textStream } from '../shared/stream.js';
import type { Availability, TaskSource } from '../shared/types.js';
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
  return definedOnly({
    type: options.type,
    format: options.format,
    length: options.length,
    expectedInputLanguages: options.expectedInputLanguages,
    expectedContextLanguages: options.expectedContextLanguages,
    outputLanguage,
  });
}

function capped(budget: LengthBudget, maxNewTokens: number | undefined): LengthBudget {
  if (!maxNewTokens || maxNewTokens >= budget.maxNewTokens) return budget;
  return { ...budget, maxNewTokens: Math.max(1, Math.floor(maxNewTokens)) };
}

function languagesOf(options: SummarizerAvailabilityOptions, outputLanguage: string) {
  return [
    ...(options.expectedInputLanguages ?? []),
    ...(options.expectedContextLanguages ?? []),
    outputLanguage,
  ];
}

/**
 * Summaries shaped like the W3C Summarizer API. `create()` uses the browser's built-in
 * Summarizer when it exists and says `available` for the requested languages (unless
 * `useNative: false`), else a Klar model through the runtime; `source` says which. A text
 * longer than one pass is summarised in parts, then the summaries are summarised.
 */
export class Summarizer {
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly sharedContext: string;
  readonly expectedInputLanguages: readonly string[] | null;
  readonly expectedContextLanguages: readonly string[] | null;
  readonly outputLanguage: string;
  /** 'native' for the browser's own model, else the Klar model id (for the AI label). */
  readonly source: TaskSource;
  /** The model's display name from the manifest; undefined for the built-in API. */
  readonly modelName: string | undefined;
  /** The last finished summary and its faithfulness report. */
  lastResult: CheckedOutput | undefined;
  readonly #impl: ModelSummary | NativeSummary;
  readonly #options: KlarSummarizerCreateOptions;
  readonly #lifecycle: Lifecycle;

  private constructor(
    impl: ModelSummary | NativeSummary,
    options: KlarSummarizerCreateOptions,
    outputLanguage: string,
  ) {
    this.#impl = impl;
    this.#options = options;
    this.#lifecycle = new Lifecycle('Summarizer', options.signal);
    this.type = options.type ?? 'key-points';
    this.format = options.format ?? 'markdown';
    this.length = options.length ?? 'short';
    this.sharedContext = options.sharedContext ?? '';
    this.expectedInputLanguages = options.expectedInputLanguages ?? null;
    this.expectedContextLanguages = options.expectedContextLanguages ?? null;
    this.outputLanguage = outputLanguage;
    if (impl instanceof ModelSummary) {
      this.source = impl.session.model;
      this.modelName = impl.description.entry?.name ?? impl.session.model;
    } else {
      this.source = 'native';
      this.modelName = undefined;
    }
  }

  /** Whether a summariser with these options can be made here, and whether it must download first. */
  static async availability(options: SummarizerAvailabilityOptions = {}): Promise<Availability> {
    const outputLanguage = options.outputLanguage ?? pageLanguage();
    const native = await usableNative(
      'Summarizer',
      options,
      nativeOptions(options, outputLanguage),
    );
    if (native) return native.availability;
    if (!promptLanguageOf(outputLanguage)) return 'unavailable';
    try {
      const engine = await resolveEngine(options.engine);
      const description = await engine.describe('text-generation', options.model);
      if (!supportsLanguages(description.entry?.languages, languagesOf(options, outputLanguage)))
        return 'unavailable';
      return description.availability;
    } catch {
      return 'unavailable';
    }
  }

  /** Makes a summariser; downloads and loads its model first if needed (progress to `monitor`). */
  static async create(options: KlarSummarizerCreateOptions = {}): Promise<Summarizer> {
    const outputLanguage = options.outputLanguage ?? pageLanguage();
    const native = await usableNative<NativeSummarizerInstance>(
      'Summarizer',
      options,
      nativeOptions(options, outputLanguage),
    );
    if (native) {
      const instance = await native.api.create({
        ...nativeOptions(options, outputLanguage),
        ...definedOnly({
          sharedContext: options.sharedContext,
          monitor: options.monitor,
          signal: options.signal,
        }),
      });
      return new Summarizer(new NativeSummary(instance), options, outputLanguage);
    }
    const language = promptLanguageOf(outputLanguage);
    if (!language) {
      throw new KlarError(
        'unsupported-task',
        `Summarizer: no prompts for output language "${outputLanguage}" (Klar has sv and en).`,
        { outputLanguage },
      );
    }
    const session = await openModelSession(
      'text-generation',
      options,
      languagesOf(options, outputLanguage),
    );
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
    const signal = this.#lifecycle.signalFor(options.signal);
    return this.#impl.measureInputUsage(text, options.context, signal);
  }

  async summarize(text: string, options: SummarizeOptions = {}): Promise<string> {
    return readAll(this.summarizeStreaming(text, options));
  }

  /** Streams the summary as chunks of new text. Earlier levels of a long text report through `onPart`. */
  summarizeStreaming(text: string, options: SummarizeOptions = {}): ReadableStream<string> {
    const signal = this.#lifecycle.signalFor(options.signal);
    return textStream(async (emit, streamSignal) => {
      const source = this.#impl.condenseSource(options.context);
      const condensed = await condense(text, source, {
        splitLongInput: this.#options.splitLongInput ?? true,
        maxLevels: this.#options.maxLevels ?? 3,
        signal: streamSignal,
        ...(options.onPart ? { onPart: options.onPart } : {}),
      });
      const output = await this.#impl.streamFinal(condensed, options.context, emit, streamSignal);
      this.lastResult = reportFaithfulness(
        this.#options.onFaithfulness,
        text,
        output,
        this.source,
        [this.sharedContext, options.context],
      );
    }, signal);
  }

  /** Stops every call in flight; later calls reject with 'disposed'. */
  destroy(): void {
    this.#lifecycle.destroy();
    if (this.#impl instanceof NativeSummary) this.#impl.instance.destroy();
  }
}
