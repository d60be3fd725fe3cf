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

/** W3C `TranslatorCreateCoreOptions`. */
export interface TranslatorCoreOptions {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

export interface TranslatorCreateOptions extends TranslatorCoreOptions, KlarSourceOptions {
  readonly monitor?: CreateMonitorCallback;
  readonly signal?: AbortSignal;
}

interface NativeTranslatorInstance {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  translateStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  measureInputUsage?(input: string, options?: { signal?: AbortSignal }): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

/**
 * Translation shaped like the W3C Translator API. Today it hands over to the browser's
 * built-in Translator (Chrome has one with Swedish) when it says `available` for the pair;
 * Klar's own translation models arrive in a later version, so without a built-in one
 * `availability()` says 'unavailable' and `create()` rejects with 'unsupported-task'.
 */
export class Translator {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly source: TaskSource = 'native';
  readonly #native: NativeTranslatorInstance;
  readonly #lifecycle: Lifecycle;

  private constructor(native: NativeTranslatorInstance, options: TranslatorCreateOptions) {
    this.#native = native;
    this.sourceLanguage = options.sourceLanguage;
    this.targetLanguage = options.targetLanguage;
    this.#lifecycle = new Lifecycle('Translator', options.signal);
  }

  static async availability(
    options: TranslatorCoreOptions & KlarSourceOptions,
  ): Promise<Availability> {
    const native = await usableNative('Translator', options, pair(options));
    return native?.availability ?? 'unavailable';
  }

  static async create(options: TranslatorCreateOptions): Promise<Translator> {
    const native = await usableNative<NativeTranslatorInstance>(
      'Translator',
      options,
      pair(options),
    );
    if (!native) {
      throw new KlarError(
        'unsupported-task',
        `Translator: no translation from ${options.sourceLanguage} to ${options.targetLanguage} here. This browser has no built-in Translator for the pair${options.useNative === false ? ' (or useNative is false)' : ''}, and Klar's translation models are not in this version.`,
        { task: 'translation', ...pair(options) },
      );
    }
    const instance = await native.api.create({
      ...pair(options),
      ...definedOnly({ monitor: options.monitor, signal: options.signal }),
    });
    return new Translator(instance, options);
  }

  get inputQuota(): number {
    return this.#native.inputQuota ?? Number.POSITIVE_INFINITY;
  }

  async measureInputUsage(text: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const signal = this.#lifecycle.signalFor(options.signal);
    return (await this.#native.measureInputUsage?.(text, { signal })) ?? 0;
  }

  async translate(text: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    return readAll(this.translateStreaming(text, options));
  }

  translateStreaming(text: string, options: { signal?: AbortSignal } = {}): ReadableStream<string> {
    const signal = this.#lifecycle.signalFor(options.signal);
    return textStream(async (emit, streamSignal) => {
      await forwardNativeStream(
        this.#native.translateStreaming(text, { signal: streamSignal }),
        emit,
        streamSignal,
      );
    }, signal);
  }

  destroy(): void {
    this.#lifecycle.destroy();
    this.#native.destroy();
  }
}

function pair(options: TranslatorCoreOptions) {
  return { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage };
}
