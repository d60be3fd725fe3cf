import { resolveEngine } from './engine.js';
import { KlarError } from './errors.js';
import {
  type CheckedOutput,
  type FaithfulnessListener,
  reportFaithfulness,
} from './faithfulness-hook.js';
import {
  type PromptLanguage,
  pageLanguage,
  promptLanguageOf,
  supportsLanguages,
} from './language.js';
import { Lifecycle } from './lifecycle.js';
import { type ModelSession, openModelSession } from './model-session.js';
import { definedOnly, type NativeApiName, usableNative } from './native.js';
import { textStream } from './stream.js';
import type { Availability, KlarCreateOptions, KlarSourceOptions, TaskSource } from './types.js';

/** The W3C writing-assistance APIs (Summarizer, Rewriter) Klar implements. */
export type WritingApiName = Extract<NativeApiName, 'Summarizer' | 'Rewriter'>;

/** The language options the W3C writing-assistance APIs share. */
export interface WritingLanguageOptions {
  readonly expectedInputLanguages?: readonly string[];
  readonly expectedContextLanguages?: readonly string[];
  /** Default: the page's `<html lang>` (Swedish when absent or unknown). */
  readonly outputLanguage?: string;
}

/** What a writing session's constructor needs from its create options. */
export interface WritingSessionOptions extends WritingLanguageOptions, KlarCreateOptions {
  readonly sharedContext?: string;
  /** Called with the faithfulness report after every finished output (Klar extension). */
  readonly onFaithfulness?: FaithfulnessListener;
}

/** Every language a request involves: what the model must handle. */
export function writingLanguages(options: WritingLanguageOptions, outputLanguage: string) {
  return [
    ...(options.expectedInputLanguages ?? []),
    ...(options.expectedContextLanguages ?? []),
    outputLanguage,
  ];
}

/** The options a built-in API sees: the API's own (`specific`) and the languages, unset ones dropped. */
export function writingNativeOptions(
  specific: Record<string, unknown>,
  options: WritingLanguageOptions,
  outputLanguage: string,
): Record<string, unknown> {
  return definedOnly({
    ...specific,
    expectedInputLanguages: options.expectedInputLanguages,
    expectedContextLanguages: options.expectedContextLanguages,
    outputLanguage,
  });
}

/** The built-in API's answer when it may be used, else whether a Klar model can serve these languages. */
export async function writingAvailability<
  Options extends WritingLanguageOptions & KlarSourceOptions,
>(
  name: WritingApiName,
  options: Options,
  nativeOptions: (options: Options, outputLanguage: string) => Record<string, unknown>,
): Promise<Availability> {
  const outputLanguage = options.outputLanguage ?? pageLanguage();
  const native = await usableNative(name, options, nativeOptions(options, outputLanguage));
  if (native) return native.availability;
  if (!promptLanguageOf(outputLanguage)) return 'unavailable';
  try {
    const engine = await resolveEngine(options.engine);
    const description = await engine.describe('text-generation', options.model);
    if (!supportsLanguages(description.entry?.languages, writingLanguages(options, outputLanguage)))
      return 'unavailable';
    return description.availability;
  } catch {
    return 'unavailable';
  }
}

/** A built-in session when the built-in API may be used for these options; undefined otherwise. */
export async function createNativeWriting<Instance>(
  name: WritingApiName,
  options: KlarCreateOptions,
  nativeOptions: Record<string, unknown>,
  sharedContext: string | undefined,
): Promise<Instance | undefined> {
  const native = await usableNative<Instance>(name, options, nativeOptions);
  if (!native) return undefined;
  return native.api.create({
    ...nativeOptions,
    ...definedOnly({ sharedContext, monitor: options.monitor, signal: options.signal }),
  });
}

/** Klar's prompt language for `outputLanguage`; 'unsupported-task' when there are no prompts in it. */
export function requirePromptLanguage(
  name: WritingApiName,
  outputLanguage: string,
): PromptLanguage {
  const language = promptLanguageOf(outputLanguage);
  if (!language) {
    throw new KlarError(
      'unsupported-task',
      `${name}: no prompts for output language "${outputLanguage}" (Klar has sv and en).`,
      { outputLanguage },
    );
  }
  return language;
}

/** Describes, downloads and loads the text-generation model for these languages. */
export function openWritingModel(
  options: WritingSessionOptions,
  outputLanguage: string,
): Promise<ModelSession> {
  return openModelSession('text-generation', options, writingLanguages(options, outputLanguage));
}

/**
 * What Summarizer and Rewriter share: the W3C session fields, the lifecycle (destroy, the
 * create signal), and streaming whose finished output is checked for faithfulness.
 */
export abstract class WritingSession {
  readonly sharedContext: string;
  readonly expectedInputLanguages: readonly string[] | null;
  readonly expectedContextLanguages: readonly string[] | null;
  readonly outputLanguage: string;
  /** 'native' for the browser's own model, else the Klar model id (for the AI label). */
  readonly source: TaskSource;
  /** The model's display name from the manifest; undefined for the built-in API. */
  readonly modelName: string | undefined;
  /** The last finished output and its faithfulness report. */
  lastResult: CheckedOutput | undefined;
  readonly #options: WritingSessionOptions;
  readonly #lifecycle: Lifecycle;

  protected constructor(
    name: WritingApiName,
    options: WritingSessionOptions,
    outputLanguage: string,
    session: ModelSession | undefined,
  ) {
    this.#options = options;
    this.#lifecycle = new Lifecycle(name, options.signal);
    this.sharedContext = options.sharedContext ?? '';
    this.expectedInputLanguages = options.expectedInputLanguages ?? null;
    this.expectedContextLanguages = options.expectedContextLanguages ?? null;
    this.outputLanguage = outputLanguage;
    this.source = session ? session.model : 'native';
    this.modelName = session ? (session.description.entry?.name ?? session.model) : undefined;
  }

  /** The signal for one call: fires on destroy() or on the call's own signal. */
  protected signalFor(callSignal: AbortSignal | undefined): AbortSignal {
    return this.#lifecycle.signalFor(callSignal);
  }

  /** Streams what `produce` emits; its finished output is checked against `text` and the contexts. */
  protected checkedStream(
    text: string,
    options: { readonly context?: string; readonly signal?: AbortSignal },
    produce: (emit: (text: string) => void, signal: AbortSignal) => Promise<string>,
  ): ReadableStream<string> {
    const signal = this.signalFor(options.signal);
    return textStream(async (emit, streamSignal) => {
      const output = await produce(emit, streamSignal);
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
  }
}
