import { KlarError, throwIfAborted } from '../shared/errors.js';
import { Lifecycle } from '../shared/lifecycle.js';
import { createMonitor } from '../shared/monitor.js';
import { definedOnly, usableNative } from '../shared/native.js';
import type {
  Availability,
  CreateMonitorCallback,
  KlarSourceOptions,
  TaskSource,
} from '../shared/types.js';
import { KLAR_IDENTIFIER_SOURCE, loadCld3 } from './cld3.js';
import { identifyLanguage, type RawIdentifier } from './identify.js';
import { canIdentify } from './supported-languages.js';

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
 * Language identification shaped like the W3C LanguageDetector API. It hands over to the
 * browser's built-in LanguageDetector when that says `available`; otherwise (or with
 * `useNative: false`) Klar's own packaged identifier answers in the page: CLD3 compiled to
 * WebAssembly, loaded on first use from the package itself (no network), with Klar's rules for
 * Sorani, Tigrinya, Dari and too-short texts (`und`). `source` says which one answered:
 * 'native' or 'cld3'. See docs/tasks.md, "Language detection".
 */
export class LanguageDetector {
  readonly expectedInputLanguages: readonly string[] | null;
  readonly source: TaskSource;
  readonly #native: NativeLanguageDetectorInstance | undefined;
  readonly #identifier: RawIdentifier | undefined;
  readonly #lifecycle: Lifecycle;

  private constructor(
    source: { native: NativeLanguageDetectorInstance } | { identifier: RawIdentifier },
    options: LanguageDetectorCreateOptions,
  ) {
    this.#native = 'native' in source ? source.native : undefined;
    this.#identifier = 'identifier' in source ? source.identifier : undefined;
    this.source = this.#native ? 'native' : KLAR_IDENTIFIER_SOURCE;
    this.expectedInputLanguages = options.expectedInputLanguages ?? null;
    this.#lifecycle = new Lifecycle('LanguageDetector', options.signal);
  }

  static async availability(
    options: LanguageDetectorCoreOptions & KlarSourceOptions = {},
  ): Promise<Availability> {
    const native = await usableNative('LanguageDetector', options, core(options));
    if (native) return native.availability;
    return klarCanServe(options) ? 'available' : 'unavailable';
  }

  static async create(options: LanguageDetectorCreateOptions = {}): Promise<LanguageDetector> {
    const native = await usableNative<NativeLanguageDetectorInstance>(
      'LanguageDetector',
      options,
      core(options),
    );
    if (native) {
      const instance = await native.api.create({
        ...core(options),
        ...definedOnly({ monitor: options.monitor, signal: options.signal }),
      });
      return new LanguageDetector({ native: instance }, options);
    }
    if (!klarCanServe(options)) {
      const unknown = (options.expectedInputLanguages ?? []).filter((tag) => !canIdentify(tag));
      throw new KlarError(
        'unsupported-task',
        typeof WebAssembly !== 'object'
          ? 'LanguageDetector: this browser has no built-in LanguageDetector and no WebAssembly, which Klar’s identifier needs.'
          : `LanguageDetector: Klar's identifier cannot identify ${unknown.join(', ')} (it knows CLD3's 107 languages plus ckb, ti and prs). Leave ${unknown.length > 1 ? 'them' : 'it'} out of expectedInputLanguages, or check the tag.`,
        { task: 'language-identification', languages: unknown },
      );
    }
    throwIfAborted(options.signal);
    // Nothing is downloaded (the identifier is in the package), so the monitor sees 0 then 1.
    const monitor = createMonitor(options.monitor);
    const identifier = await loadCld3();
    throwIfAborted(options.signal);
    monitor.finish();
    return new LanguageDetector({ identifier }, options);
  }

  /** The built-in one's quota; Klar's identifier takes any length (it reads the first 2 KB). */
  get inputQuota(): number {
    return this.#native
      ? (this.#native.inputQuota ?? Number.POSITIVE_INFINITY)
      : Number.POSITIVE_INFINITY;
  }

  async measureInputUsage(text: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const signal = this.#lifecycle.signalFor(options.signal);
    if (!this.#native) return text.length;
    return (await this.#native.measureInputUsage?.(text, { signal })) ?? 0;
  }

  /**
   * Candidate languages, most likely first. From Klar's identifier: the language and 'und'
   * with the rest of the confidence (Tigrinya/Amharic text lists both); 'und' first when the
   * text has fewer than 10 letters or the identifier is unsure.
   */
  async detect(
    text: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<LanguageDetectionResult[]> {
    const signal = this.#lifecycle.signalFor(options.signal);
    if (this.#identifier) {
      return identifyLanguage(text, this.#identifier, {
        expectedInputLanguages: this.expectedInputLanguages,
      });
    }
    const results = await this.#native!.detect(text, { signal });
    return [...results].sort((a, b) => b.confidence - a.confidence);
  }

  destroy(): void {
    this.#lifecycle.destroy();
    this.#native?.destroy();
  }
}

function klarCanServe(options: LanguageDetectorCoreOptions): boolean {
  if (typeof WebAssembly !== 'object') return false;
  return (options.expectedInputLanguages ?? []).every(canIdentify);
}

function core(options: LanguageDetectorCoreOptions) {
  return definedOnly({ expectedInputLanguages: options.expectedInputLanguages });
}
