import { splitByTokens } from '../shared/chunking.js';
import { abortedError, inputTooLong } from '../shared/errors.js';
import type { FaithfulnessListener } from '../shared/faithfulness-hook.js';
import { generateText } from '../shared/generate.js';
import { type PromptLanguage, pageLanguage } from '../shared/language.js';
import type { ModelSession } from '../shared/model-session.js';
import { definedOnly } from '../shared/native.js';
import { forwardNativeStream } from '../shared/native-stream.js';
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
import type {
  PlainLanguageLevel,
  RewriteOptions,
  RewriterAvailabilityOptions,
  RewriterCreateOptions,
  RewriterFormat,
  RewriterLength,
  RewriterTone,
} from './options.js';
import { type RewritePromptInput, rewriteMaxNewTokens, rewriteMessages } from './prompts.js';

export interface KlarRewriterCreateOptions extends RewriterCreateOptions {
  /** Called with the faithfulness report after every finished rewrite (Klar extension). */
  readonly onFaithfulness?: FaithfulnessListener;
}

interface NativeRewriterInstance {
  rewrite(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  rewriteStreaming(
    input: string,
    options?: { context?: string; signal?: AbortSignal },
  ): ReadableStream<string>;
  measureInputUsage?(input: string, options?: { context?: string }): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

const MARGIN = 8;
const PLAIN_HINT: Record<PlainLanguageLevel, string> = {
  klarspråk:
    'Plain language (klarspråk): common words, short sentences, "you", most important first.',
  lättläst: 'Easy-to-read (lättläst): very short sentences, one idea each, the most common words.',
};

function nativeOptions(options: RewriterAvailabilityOptions, outputLanguage: string) {
  return writingNativeOptions(
    { tone: options.tone, format: options.format, length: options.length },
    options,
    outputLanguage,
  );
}

/**
 * Rewrites shaped like the W3C Rewriter API, with a plain-language mode (`plainLanguage:
 * 'klarspråk' | 'lättläst'`). Uses the browser's built-in Rewriter when it says `available`
 * (the plain-language instruction then travels as context), else a Klar model. Long texts are
 * rewritten part by part, in order, as one stream.
 */
export class Rewriter extends WritingSession {
  readonly tone: RewriterTone;
  readonly format: RewriterFormat;
  readonly length: RewriterLength;
  readonly plainLanguage: PlainLanguageLevel | undefined;
  readonly #model: { session: ModelSession; language: PromptLanguage } | undefined;
  readonly #native: NativeRewriterInstance | undefined;

  private constructor(
    impl: { session: ModelSession; language: PromptLanguage } | NativeRewriterInstance,
    options: KlarRewriterCreateOptions,
    outputLanguage: string,
  ) {
    super('Rewriter', options, outputLanguage, 'session' in impl ? impl.session : undefined);
    this.tone = options.tone ?? 'as-is';
    this.format = options.format ?? 'as-is';
    this.length = options.length ?? 'as-is';
    this.plainLanguage = options.plainLanguage;
    if ('session' in impl) this.#model = impl;
    else this.#native = impl;
  }

  static async availability(options: RewriterAvailabilityOptions = {}): Promise<Availability> {
    return writingAvailability('Rewriter', options, nativeOptions);
  }

  static async create(options: KlarRewriterCreateOptions = {}): Promise<Rewriter> {
    const outputLanguage = options.outputLanguage ?? pageLanguage();
    // The built-in Rewriter has no plain-language option: the instruction travels as context.
    const sharedContext = [
      options.sharedContext,
      options.plainLanguage && PLAIN_HINT[options.plainLanguage],
    ]
      .filter(Boolean)
      .join('\n');
    const instance = await createNativeWriting<NativeRewriterInstance>(
      'Rewriter',
      options,
      nativeOptions(options, outputLanguage),
      sharedContext || undefined,
    );
    if (instance) return new Rewriter(instance, options, outputLanguage);
    const language = requirePromptLanguage('Rewriter', outputLanguage);
    const session = await openWritingModel(options, outputLanguage);
    return new Rewriter({ session, language }, options, outputLanguage);
  }

  /** Tokens of one whole request the model takes in one pass, leaving room for the rewrite. */
  get inputQuota(): number {
    if (this.#native) return this.#native.inputQuota ?? Number.POSITIVE_INFINITY;
    const factor = rewriteMaxNewTokens(1000, this.length) / 1000;
    return Math.floor((this.#model!.session.contextLength - 16) / (1 + factor));
  }

  /** Tokens of the whole request for `text`, counted with the model's real tokenizer. */
  async measureInputUsage(
    text: string,
    options: { context?: string; signal?: AbortSignal } = {},
  ): Promise<number> {
    const signal = this.signalFor(options.signal);
    if (this.#native)
      return this.#native.measureInputUsage?.(text, definedOnly({ context: options.context })) ?? 0;
    return this.#model!.session.tokens.messages(
      rewriteMessages(this.#prompt(text, options.context)),
      signal,
    );
  }

  async rewrite(text: string, options: RewriteOptions = {}): Promise<string> {
    return readAll(this.rewriteStreaming(text, options));
  }

  rewriteStreaming(text: string, options: RewriteOptions = {}): ReadableStream<string> {
    return this.checkedStream(text, options, (emit, signal) =>
      this.#native
        ? forwardNativeStream(
            this.#native.rewriteStreaming(text, {
              ...definedOnly({ context: options.context }),
              signal,
            }),
            emit,
            signal,
          )
        : this.#rewriteWithModel(text, options, emit, signal),
    );
  }

  override destroy(): void {
    super.destroy();
    this.#native?.destroy();
  }

  #prompt(text: string, context: string | undefined): RewritePromptInput {
    return {
      language: this.#model!.language,
      tone: this.tone,
      format: this.format,
      length: this.length,
      ...(this.plainLanguage ? { plainLanguage: this.plainLanguage } : {}),
      ...(this.sharedContext ? { sharedContext: this.sharedContext } : {}),
      ...(context ? { context } : {}),
      text,
    };
  }

  async #rewriteWithModel(
    text: string,
    options: RewriteOptions,
    emit: (text: string) => void,
    signal: AbortSignal,
  ): Promise<string> {
    const { session } = this.#model!;
    const tokens = session.tokens;
    const overhead = await tokens.messages(
      rewriteMessages(this.#prompt('', options.context)),
      signal,
    );
    const factor = rewriteMaxNewTokens(1000, this.length) / 1000;
    const partBudget = Math.floor((session.contextLength - overhead - MARGIN - 16) / (1 + factor));
    const textTokens = await tokens.text(text, signal);
    if (partBudget < 1) throw inputTooLong(overhead + textTokens, this.inputQuota, 'Rewriter');
    const parts =
      textTokens <= partBudget
        ? [text]
        : await splitByTokens(text, (t) => tokens.text(t, signal), partBudget);
    const outputs: string[] = [];
    for (const [i, part] of parts.entries()) {
      if (signal.aborted) throw abortedError();
      if (parts.length > 1) options.onPart?.({ index: i + 1, count: parts.length });
      if (i > 0) emit('\n\n');
      const partTokens = await tokens.text(part, signal);
      const result = await generateText(session.engine, {
        model: session.model,
        messages: rewriteMessages(this.#prompt(part, options.context)),
        maxNewTokens: rewriteMaxNewTokens(partTokens, this.length),
        onText: emit,
        signal,
        ...session.progressOption,
      });
      outputs.push(result.text);
    }
    return outputs.join('\n\n');
  }
}
