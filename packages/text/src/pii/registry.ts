import { assertText, KlarTextError } from '../errors.js';
import type { Locale } from '../span.js';
import { CONTEXT_BOOST, ContextIndex } from './context.js';
import { foldForDetection } from './fold.js';
import { builtInLabel, labelFromType } from './labels.js';
import { resolveOverlaps } from './overlaps.js';
import { BUILT_IN_RECOGNIZERS } from './recognizers/index.js';
import {
  isSyncRecognizer,
  type PiiCandidate,
  type PiiSpan,
  type PiiType,
  type Recognizer,
} from './types.js';

export interface DetectOptions {
  /** Only report these types. Default: every type. */
  types?: readonly PiiType[];
  /** Drop spans below this confidence. Default 0. */
  minConfidence?: number;
  /** Report values whose checksum or date fails (typos of real numbers). Default true. */
  includeInvalid?: boolean;
  /** Stops waiting for async recognisers (detectAsync only). */
  signal?: AbortSignal;
}

export interface RecognizerRegistryOptions {
  /** Start with the built-in Swedish rule recognisers. Default true. */
  builtIns?: boolean;
  /** Also start with these (after the built-ins). */
  recognizers?: readonly Recognizer[];
  /** Refuse register/unregister, e.g. for a registry shared by a whole page. Default false. */
  readOnly?: boolean;
}

/**
 * Holds recognisers and runs them. `detect()` runs the synchronous rule recognisers only;
 * `detectAsync()` also awaits plug-ins such as a token-classification model. Both return
 * non-overlapping spans sorted by start.
 */
export class RecognizerRegistry {
  readonly #recognizers: Recognizer[] = [];
  readonly #readOnly: boolean;
  /** Union of every recogniser's context words, for the one scan per detection. */
  #vocabulary: readonly string[] | undefined;
  /** labelFor() answers by locale and type; emptied when the recognisers change. */
  readonly #labels = new Map<Locale, Map<PiiType, string>>();

  constructor(options: RecognizerRegistryOptions = {}) {
    this.#readOnly = false;
    if (options.builtIns ?? true)
      for (const recognizer of BUILT_IN_RECOGNIZERS) this.register(recognizer);
    for (const recognizer of options.recognizers ?? []) this.register(recognizer);
    this.#readOnly = options.readOnly ?? false;
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** Adds a recogniser; returns a function that removes it again. */
  register(recognizer: Recognizer): () => void {
    this.#assertWritable('register');
    validateRecognizer(recognizer);
    if (this.#recognizers.some((r) => r.id === recognizer.id)) {
      throw new KlarTextError(
        'duplicate-recognizer',
        `A recogniser with id "${recognizer.id}" is already registered. Unregister it first or pick another id.`,
      );
    }
    this.#recognizers.push(recognizer);
    this.#vocabulary = undefined;
    this.#labels.clear();
    return () => this.unregister(recognizer.id);
  }

  unregister(id: string): boolean {
    this.#assertWritable('unregister');
    const index = this.#recognizers.findIndex((r) => r.id === id);
    if (index === -1) return false;
    this.#recognizers.splice(index, 1);
    this.#vocabulary = undefined;
    this.#labels.clear();
    return true;
  }

  #assertWritable(operation: string): void {
    if (!this.#readOnly) return;
    throw new KlarTextError(
      'invalid-option',
      `${operation}: this registry is read-only (the built-in one is shared by everything on the page). ` +
        'Make your own with createRecognizerRegistry() and pass it as { registry }.',
    );
  }

  list(): readonly Recognizer[] {
    return [...this.#recognizers];
  }

  /** The placeholder label for a type, e.g. 'personnummer' → 'PERSONNUMMER'. */
  labelFor(type: PiiType, locale: Locale = 'sv'): string {
    let labels = this.#labels.get(locale);
    if (!labels) {
      labels = new Map();
      this.#labels.set(locale, labels);
    }
    let label = labels.get(type);
    if (label === undefined) {
      const custom = this.#recognizers.find((r) => r.labels && r.types.includes(type))?.labels;
      label = custom?.[locale] ?? builtInLabel(type, locale) ?? labelFromType(type);
      labels.set(type, label);
    }
    return label;
  }

  detect(text: string, options: DetectOptions = {}): PiiSpan[] {
    assertText(text, 'detectPersonalData');
    const active = this.#active(options).filter(isSyncRecognizer);
    const folded = foldForDetection(text);
    const context = this.#context(folded);
    const spans = active.flatMap((recognizer) =>
      this.#finish(text, recognizer, recognizer.detect(folded, context), context),
    );
    return this.#resolve(spans, options);
  }

  /** One context scan per detection, shared by every recogniser of this call only. */
  #context(folded: string): ContextIndex {
    // Frozen: the context scan keeps what it builds for this array (see context-scan.ts).
    this.#vocabulary ??= Object.freeze([
      ...new Set(this.#recognizers.flatMap((r) => r.contextWords ?? [])),
    ]);
    return new ContextIndex(folded, this.#vocabulary);
  }

  async detectAsync(text: string, options: DetectOptions = {}): Promise<PiiSpan[]> {
    assertText(text, 'detectPersonalDataAsync');
    throwIfAborted(options.signal);
    const folded = foldForDetection(text);
    const context = this.#context(folded);
    const results = await Promise.all(
      this.#active(options).map(async (recognizer) => {
        try {
          // Models get the text as written; rules get the folded copy (same offsets).
          const candidates = isSyncRecognizer(recognizer)
            ? recognizer.detect(folded, context)
            : await recognizer.detectAsync(text, options.signal);
          return this.#finish(text, recognizer, candidates, context);
        } catch (error) {
          if (error instanceof KlarTextError) throw error;
          throw new KlarTextError(
            'recognizer-failed',
            `Recogniser "${recognizer.id}" failed: ${error instanceof Error ? error.message : String(error)}. ` +
              'Fix or unregister it; detectPersonalData() (rules only) still works.',
            { recognizer: recognizer.id },
          );
        }
      }),
    );
    throwIfAborted(options.signal);
    return this.#resolve(results.flat(), options);
  }

  #active(options: DetectOptions): Recognizer[] {
    const types = options.types;
    if (!types) return this.#recognizers;
    return this.#recognizers.filter((r) => r.types.some((type) => types.includes(type)));
  }

  /** Checks plug-in output, adds text and the context boost. */
  #finish(
    text: string,
    recognizer: Recognizer,
    candidates: readonly PiiCandidate[],
    index: ContextIndex,
  ): PiiSpan[] {
    if (!Array.isArray(candidates)) {
      throw new KlarTextError(
        'recognizer-failed',
        `Recogniser "${recognizer.id}" must return an array of spans.`,
        {
          recognizer: recognizer.id,
        },
      );
    }
    const context = index.finder(recognizer.contextWords ?? []);
    return candidates.map((candidate) => {
      const { start, end } = candidate;
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        end > text.length ||
        start >= end
      ) {
        throw new KlarTextError(
          'recognizer-failed',
          `Recogniser "${recognizer.id}" returned the span [${start}, ${end}), which is not inside the text (length ${text.length}).`,
          { recognizer: recognizer.id },
        );
      }
      const boosted = context.near(start, end)
        ? candidate.confidence + CONTEXT_BOOST
        : candidate.confidence;
      return {
        start,
        end,
        type: candidate.type,
        text: text.slice(start, end),
        confidence: Math.round(Math.min(1, Math.max(0, boosted)) * 100) / 100,
        valid: candidate.valid !== false,
        recognizer: recognizer.id,
      };
    });
  }

  #resolve(spans: PiiSpan[], options: DetectOptions): PiiSpan[] {
    const minConfidence = options.minConfidence ?? 0;
    const includeInvalid = options.includeInvalid ?? true;
    const types = options.types;
    const kept = spans.filter(
      (span) =>
        span.confidence >= minConfidence &&
        (includeInvalid || span.valid) &&
        (!types || types.includes(span.type)),
    );
    const order = new Map(this.#recognizers.map((r, index) => [r.id, index]));
    return resolveOverlaps(kept, (span) => order.get(span.recognizer) ?? order.size);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new KlarTextError('aborted', 'Detection was stopped because its AbortSignal fired.');
  }
}

function validateRecognizer(recognizer: Recognizer): void {
  const candidate = recognizer as Partial<Recognizer> & { detect?: unknown; detectAsync?: unknown };
  if (!candidate || typeof candidate.id !== 'string' || candidate.id.length === 0) {
    throw new KlarTextError('invalid-recognizer', 'A recogniser needs a non-empty string id.');
  }
  if (!Array.isArray(candidate.types) || candidate.types.length === 0) {
    throw new KlarTextError(
      'invalid-recognizer',
      `Recogniser "${candidate.id}" must list the types it reports in "types".`,
    );
  }
  if (typeof candidate.detect !== 'function' && typeof candidate.detectAsync !== 'function') {
    throw new KlarTextError(
      'invalid-recognizer',
      `Recogniser "${candidate.id}" needs a detect(text) method (rules) or detectAsync(text) (models).`,
    );
  }
}

export function createRecognizerRegistry(
  options: RecognizerRegistryOptions = {},
): RecognizerRegistry {
  return new RecognizerRegistry(options);
}
