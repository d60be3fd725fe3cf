import type { ModelDescription, ProgressEvent } from '@klar/runtime';
import { KlarError, throwIfAborted } from '../shared/errors.js';
import { createMonitor } from '../shared/monitor.js';
import type { CreateMonitorCallback } from '../shared/types.js';
import {
  describePair,
  type LanguagePair,
  primaryPair,
  type TranslationEngine,
} from './model-pair.js';

export interface ModelTranslationOptions {
  readonly model?: string;
  readonly maxNewTokensPerSentence?: number;
  readonly monitor?: CreateMonitorCallback;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * Translation with Klar's model for the pair, through the runtime's 'translation' task: one
 * streamed chunk per sentence (with the whitespace before it, so paragraphs stay).
 */
export class ModelTranslation {
  readonly model: string;
  readonly modelName: string;
  readonly #engine: TranslationEngine;
  readonly #pair: LanguagePair;
  readonly #onProgress: ((event: ProgressEvent) => void) | undefined;
  readonly #maxNewTokensPerSentence: number | undefined;

  private constructor(
    engine: TranslationEngine,
    pair: LanguagePair,
    description: ModelDescription & { model: string },
    onProgress: ((event: ProgressEvent) => void) | undefined,
    maxNewTokensPerSentence: number | undefined,
  ) {
    this.#engine = engine;
    this.#pair = primaryPair(pair);
    this.model = description.model;
    this.modelName = description.entry?.name ?? description.model;
    this.#onProgress = onProgress;
    this.#maxNewTokensPerSentence = maxNewTokensPerSentence;
  }

  /** Finds, downloads (progress to `monitor`) and loads the model for the pair. */
  static async open(
    engine: TranslationEngine,
    pair: LanguagePair,
    options: ModelTranslationOptions,
  ): Promise<ModelTranslation> {
    const { signal } = options;
    throwIfAborted(signal);
    const description = await describePair(engine, pair, options.model, signal);
    throwIfAborted(signal);
    const wanted = `${pair.sourceLanguage}→${pair.targetLanguage}`;
    if (!description?.model) {
      throw new KlarError(
        'unsupported-task',
        `Translator: no translation model for ${wanted} here${options.model ? ` (model "${options.model}" does not translate it)` : ''}. Nothing was downloaded. Add a model for that direction to the manifest (npm run models:mirror).`,
        { task: 'translation', ...pair },
      );
    }
    if (description.availability === 'unavailable') {
      throw new KlarError(
        description.reason ?? 'model-not-found',
        `Translator: the model ${description.model} for ${wanted} cannot run here: ${description.reason ?? 'unavailable'}.`,
        { task: 'translation', model: description.model, ...pair },
      );
    }
    const monitor = createMonitor(options.monitor, options.onProgress);
    await engine.load(description.model, {
      onProgress: monitor.onProgress,
      ...(signal ? { signal } : {}),
    });
    monitor.finish();
    return new ModelTranslation(
      engine,
      pair,
      description as ModelDescription & { model: string },
      options.onProgress,
      options.maxNewTokensPerSentence,
    );
  }

  /** Tokens of `text` with the model's own tokenizer (its tokenizer files only). */
  async measureInputUsage(text: string, signal: AbortSignal): Promise<number> {
    const result = await this.#engine.runTask(
      'translation-count-tokens',
      { text, ...this.#pair, model: this.model },
      { signal },
    );
    return result.tokens;
  }

  async stream(text: string, emit: (text: string) => void, signal: AbortSignal): Promise<void> {
    await this.#engine.runTask(
      'translation',
      {
        text,
        ...this.#pair,
        model: this.model,
        ...(this.#maxNewTokensPerSentence
          ? { maxNewTokensPerSentence: this.#maxNewTokensPerSentence }
          : {}),
      },
      {
        signal,
        onChunk: (sentence) => emit(sentence.separator + sentence.text),
        ...(this.#onProgress ? { onProgress: this.#onProgress } : {}),
      },
    );
  }
}
