import type { ProgressEvent } from '@klar/runtime';
import { KlarError } from '../shared/errors.js';
import { Lifecycle } from '../shared/lifecycle.js';
import { definedOnly, usableNative } from '../shared/native.js';
import { forwardNativeStream } from '../shared/native-stream.js';
import { readAll, textStream } from '../shared/stream.js';
import type {
  Availability,
  CreateMonitorCallback,
  KlarSourceOptions,
  TaskSource,
} from '../shared/types.js';
import { describePair, translationEngine } from './model-pair.js';
import { ModelTranslation } from './model-translation.js';
import {
  type TargetLanguages,
  type TargetLanguagesOptions,
  targetLanguages,
} from './target-languages.js';

/** W3C `TranslatorCreateCoreOptions`. */
export interface TranslatorCoreOptions {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

export interface TranslatorCreateOptions extends TranslatorCoreOptions, KlarSourceOptions {
  readonly monitor?: CreateMonitorCallback;
  readonly signal?: AbortSignal;
  /** Every runtime progress event of the model's download and load (backend, cache), for views. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Klar's models: cap on generated tokens per sentence (default: twice the sentence's, plus 16). */
  readonly maxNewTokensPerSentence?: number;
}

interface NativeTranslatorInstance {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  translateStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  measureInputUsage?(input: string, options?: { signal?: AbortSignal }): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

type Impl =
  | { readonly kind: 'native'; readonly instance: NativeTranslatorInstance }
  | { readonly kind: 'model'; readonly model: ModelTranslation };

/**
 * Translation shaped like the W3C Translator API. `create()` uses the browser's built-in
 * Translator when it says `available` for the pair (unless `useNative: false`), else Klar's
 * translation model for that direction through the runtime (OPUS-MT: one model per direction);
 * `source` says which. Klar's models translate sentence by sentence: `translateStreaming`
 * gives one chunk per sentence, with the whitespace before it, so paragraphs stay.
 */
export class Translator {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** 'native' for the browser's own translator, else the Klar model id. */
  readonly source: TaskSource;
  /** The model's name from the manifest; undefined for the browser's translator. */
  readonly modelName: string | undefined;
  readonly #impl: Impl;
  readonly #lifecycle: Lifecycle;

  private constructor(impl: Impl, options: TranslatorCreateOptions) {
    this.#impl = impl;
    this.sourceLanguage = options.sourceLanguage;
    this.targetLanguage = options.targetLanguage;
    this.source = impl.kind === 'native' ? 'native' : impl.model.model;
    this.modelName = impl.kind === 'native' ? undefined : impl.model.modelName;
    this.#lifecycle = new Lifecycle('Translator', options.signal);
  }

  /**
   * Whether the pair can be translated here: the built-in Translator's answer when it may be
   * used, else the runtime's description of Klar's model for the pair ('downloadable' until
   * its files are stored). Downloads nothing.
   */
  static async availability(
    options: TranslatorCoreOptions & KlarSourceOptions,
  ): Promise<Availability> {
    checkPair(options);
    const native = await usableNative('Translator', options, pair(options));
    if (native) return native.availability;
    try {
      const engine = await translationEngine(options.engine);
      const description = await describePair(engine, options, options.model);
      return description?.availability ?? 'unavailable';
    } catch {
      return 'unavailable';
    }
  }

  /** Makes a translator; downloads and loads Klar's model first if needed (progress to `monitor`). */
  static async create(options: TranslatorCreateOptions): Promise<Translator> {
    checkPair(options);
    const native = await usableNative<NativeTranslatorInstance>(
      'Translator',
      options,
      pair(options),
    );
    if (native) {
      const instance = await native.api.create({
        ...pair(options),
        ...definedOnly({ monitor: options.monitor, signal: options.signal }),
      });
      return new Translator({ kind: 'native', instance }, options);
    }
    const engine = await translationEngine(options.engine);
    const model = await ModelTranslation.open(engine, options, {
      ...definedOnly({
        model: options.model,
        monitor: options.monitor,
        signal: options.signal,
        onProgress: options.onProgress,
        maxNewTokensPerSentence: options.maxNewTokensPerSentence,
      }),
    });
    return new Translator({ kind: 'model', model }, options);
  }

  /** The languages a text in `sourceLanguage` can be translated into here (Klar extension). */
  static targetLanguages(options: TargetLanguagesOptions): Promise<TargetLanguages> {
    return targetLanguages(options);
  }

  /**
   * Klar's models take any length: the text is translated sentence by sentence, and a sentence
   * longer than the model's context is split at spaces. So no input is refused (Infinity).
   */
  get inputQuota(): number {
    if (this.#impl.kind === 'native')
      return this.#impl.instance.inputQuota ?? Number.POSITIVE_INFINITY;
    return Number.POSITIVE_INFINITY;
  }

  /** Tokens of `text`, counted with the model's own tokenizer (or by the built-in API). */
  async measureInputUsage(text: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const signal = this.#lifecycle.signalFor(options.signal);
    if (this.#impl.kind === 'native')
      return (await this.#impl.instance.measureInputUsage?.(text, { signal })) ?? 0;
    return this.#impl.model.measureInputUsage(text, signal);
  }

  async translate(text: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    return readAll(this.translateStreaming(text, options));
  }

  /** Streams the translation: with Klar's model, one chunk per sentence as each is done. */
  translateStreaming(text: string, options: { signal?: AbortSignal } = {}): ReadableStream<string> {
    if (typeof text !== 'string')
      throw new KlarError('invalid-input', 'Translator: the text to translate must be a string.');
    const signal = this.#lifecycle.signalFor(options.signal);
    const impl = this.#impl;
    return textStream(async (emit, streamSignal) => {
      if (impl.kind === 'model') {
        await impl.model.stream(text, emit, streamSignal);
        return;
      }
      await forwardNativeStream(
        impl.instance.translateStreaming(text, { signal: streamSignal }),
        emit,
        streamSignal,
      );
    }, signal);
  }

  /** Stops every call in flight; later calls reject with 'disposed'. */
  destroy(): void {
    this.#lifecycle.destroy();
    if (this.#impl.kind === 'native') this.#impl.instance.destroy();
  }
}

function pair(options: TranslatorCoreOptions) {
  return { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage };
}

function checkPair(options: TranslatorCoreOptions): void {
  const ok = (tag: unknown) =>
    typeof tag === 'string' && /^[a-z]{2,3}(?:[-_][\w-]+)?$/i.test(tag.trim());
  if (!ok(options?.sourceLanguage) || !ok(options?.targetLanguage)) {
    throw new KlarError(
      'invalid-input',
      'Translator needs `sourceLanguage` and `targetLanguage` as BCP 47 tags, such as "sv" and "en".',
    );
  }
}
