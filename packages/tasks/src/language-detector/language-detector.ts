import { KlarError } from '../shared/errors.js';
import { Lifecycle } from '../shared/lifecycle.js';
import { definedOnly, usableNative } from '../shared/native.js';
import type {
  Availability,
  CreateMonitorCallback,
  KlarSourceOptions,
  TaskSource,
} from '../shared/types.js';

/** One candidate language, as the W3C LanguageDetector API returns it. */
export interface LanguageDetectionResult {
  /** BCP 47 tag, or 'und' for "cannot tell". */
  readonly detectedLanguage: string;
  readonly confidence: number;
}

export interface LanguageDetectorCoreOptions {
  readonly expectedInputLanguages?: readonly string[];
}

export interface LanguageDetectorCreateOptions
  extends LanguageDetectorCoreOptions,
    KlarSourceOptions {
  readonly monitor?: CreateMonitorCallback;
  readonly signal?: AbortSignal;
}

interface NativeLanguageDetectorInstance {
  detect(input: string, options?: { signal?: AbortSignal }): Promise<LanguageDetectionResult[]>;
  measureInputUsage?(input: string, options?: { signal?: AbortSignal }): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

/**
 * Language identification shaped like the W3C LanguageDetector API. Today it hands over to
 * the browser's built-in LanguageDetector when it says `available`; Klar's own model arrives
 * in a later version, so without a built-in one `availability()` says 'unavailable' and
 * `create()` rejects with 'unsupported-task'.
 */
export class LanguageDetector {
  readonly expectedInputLanguages: readonly string[] | null;
  readonly source: TaskSource = 'native';
  readonly #native: NativeLanguageDetectorInstance;
  readonly #lifecycle: Lifecycle;

  private constructor(
    native: NativeLanguageDetectorInstance,
    options: LanguageDetectorCreateOptions,
  ) {
    this.#native = native;
    this.expectedInputLanguages = options.expectedInputLanguages ?? null;
    this.#lifecycle = new Lifecycle('LanguageDetector', options.signal);
  }

  static async availability(
    options: LanguageDetectorCoreOptions & KlarSourceOptions = {},
  ): Promise<Availability> {
    const native = await usableNative('LanguageDetector', options, core(options));
    return native?.availability ?? 'unavailable';
  }

  static async create(options: LanguageDetectorCreateOptions = {}): Promise<LanguageDetector> {
    const native = await usableNative<NativeLanguageDetectorInstance>(
      'LanguageDetector',
      options,
      core(options),
    );
    if (!native) {
      throw new KlarError(
        'unsupported-task',
        `LanguageDetector: this browser has no built-in LanguageDetector${options.useNative === false ? ' (or useNative is false)' : ''}, and Klar's language identification model is not in this version.`,
        { task: 'language-identification' },
      );
    }
    const instance = await native.api.create({
      ...core(options),
      ...definedOnly({ monitor: options.monitor, signal: options.signal }),
    });
    return new LanguageDetector(instance, options);
  }

  get inputQuota(): number {
    return this.#native.inputQuota ?? Number.POSITIVE_INFINITY;
  }

  async measureInputUsage(text: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const signal = this.#lifecycle.signalFor(options.signal);
    return (await this.#native.measureInputUsage?.(text, { signal })) ?? 0;
  }

  /** Candidate languages, most likely first. */
  async detect(
    text: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<LanguageDetectionResult[]> {
    const signal = this.#lifecycle.signalFor(options.signal);
    const results = await this.#native.detect(text, { signal });
    return [...results].sort((a, b) => b.confidence - a.confidence);
  }

  destroy(): void {
    this.#lifecycle.destroy();
    this.#native.destroy();
  }
}

function core(options: LanguageDetectorCoreOptions) {
  return definedOnly({ expectedInputLanguages: options.expectedInputLanguages });
}
