import type { KlarErrorCode } from '@klar/runtime';
import { errorCode, KlarError } from '../shared/errors.js';
import { primaryLanguage } from '../shared/language.js';
import { usableNative } from '../shared/native.js';
import type { Availability, KlarSourceOptions, TaskSource } from '../shared/types.js';
import { describePair, runtimePairs, translationEngine } from './model-pair.js';

/**
 * Languages a browser's built-in Translator is asked about (it has no list of its own): Swedish
 * and English, the languages most spoken by people new in Sweden, the national minority
 * languages it may know, and other large ones. Klar's own models are listed by the runtime.
 */
export const NATIVE_CANDIDATE_LANGUAGES: readonly string[] = [
  'sv',
  'en',
  'ar',
  'so',
  'fa',
  'ti',
  'ku',
  'ckb',
  'pl',
  'bs',
  'hr',
  'sr',
  'uk',
  'tr',
  'fi',
  'es',
  'de',
  'fr',
  'ru',
  'ro',
  'ps',
  'ur',
  'am',
  'sq',
  'zh',
  'vi',
  'th',
  'it',
  'pt',
  'nl',
  'da',
  'nb',
  'et',
  'lt',
  'lv',
  'hu',
  'el',
  'hi',
  'bn',
  'ja',
  'ko',
  'he',
  'yi',
];

/** One language the text can be translated into here, and where it would come from. */
export interface TranslationTarget {
  /** BCP 47 primary tag. */
  readonly language: string;
  /** 'native' (the browser's own translator) or the Klar model id. */
  readonly source: TaskSource;
  /** The model's name from the manifest; undefined for the browser's translator. */
  readonly modelName?: string;
  /** W3C terms; 'downloadable' means Klar's model must be downloaded first (ask the citizen). */
  readonly availability: Availability;
  /** Bytes still to download for Klar's model on this device (0 when stored or native). */
  readonly downloadBytes: number;
  /** Why Klar's model cannot be used (only with availability 'unavailable'). */
  readonly reason?: KlarErrorCode;
}

export interface TargetLanguagesOptions extends KlarSourceOptions {
  readonly sourceLanguage: string;
  /** Languages to ask the browser's built-in Translator about. Default `NATIVE_CANDIDATE_LANGUAGES`. */
  readonly candidates?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface TargetLanguages {
  /** Every language found, usable or not (see `availability`), the browser's own first per language. */
  readonly targets: readonly TranslationTarget[];
  /** Why Klar's models could not be listed at all (no engine, no manifest); undefined when they were. */
  readonly runtimeError?: KlarError;
}

async function nativeTargets(options: TargetLanguagesOptions): Promise<TranslationTarget[]> {
  const source = primaryLanguage(options.sourceLanguage);
  const candidates = [
    ...new Set((options.candidates ?? NATIVE_CANDIDATE_LANGUAGES).map(primaryLanguage)),
  ];
  const answers = await Promise.all(
    candidates
      .filter((language) => language !== source)
      .map(async (language) => {
        const native = await usableNative('Translator', options, {
          sourceLanguage: options.sourceLanguage,
          targetLanguage: language,
        });
        return native
          ? { language, source: 'native', availability: native.availability, downloadBytes: 0 }
          : undefined;
      }),
  );
  return answers.filter((t): t is TranslationTarget => t !== undefined);
}

async function modelTargets(options: TargetLanguagesOptions): Promise<TranslationTarget[]> {
  const engine = await translationEngine(options.engine);
  const source = primaryLanguage(options.sourceLanguage);
  const languages = options.model
    ? [(await engine.describe('translation', options.model)).entry?.translation?.target]
    : (await runtimePairs(engine, options.signal))
        .filter((p) => p.source === source)
        .map((p) => p.target);
  const targets: TranslationTarget[] = [];
  for (const language of languages) {
    if (!language || language === source) continue;
    const pair = { sourceLanguage: source, targetLanguage: language };
    const description = await describePair(engine, pair, options.model, options.signal);
    if (!description?.model) continue;
    targets.push({
      language,
      source: description.model,
      modelName: description.entry?.name ?? description.model,
      availability: description.availability,
      downloadBytes: description.downloadBytes,
      ...(description.reason ? { reason: description.reason } : {}),
    });
  }
  return targets;
}

/**
 * The languages a text in `sourceLanguage` can be translated into here: the ones the browser's
 * built-in Translator says it has for the pair (when allowed), and the ones Klar's models serve
 * (asked of the runtime: it reads the manifest and the cache, never downloads). Klar extension.
 */
export async function targetLanguages(options: TargetLanguagesOptions): Promise<TargetLanguages> {
  const native = await nativeTargets(options);
  let models: TranslationTarget[] = [];
  let runtimeError: KlarError | undefined;
  try {
    models = await modelTargets(options);
  } catch (error) {
    // Kept as a KlarError with its code (a plain Error from a test engine becomes 'internal').
    runtimeError =
      error instanceof KlarError
        ? error
        : new KlarError(
            (errorCode(error) as KlarErrorCode | undefined) ?? 'internal',
            error instanceof Error ? error.message : String(error),
          );
  }
  const seen = new Set(native.map((t) => t.language));
  const targets = [...native, ...models.filter((t) => !seen.has(t.language))];
  return { targets, ...(runtimeError ? { runtimeError } : {}) };
}
