/**
 * The elements' adapter for `@klar/text`'s personal-data detection, masking and extractive
 * summary. Heavy (phone-number metadata, bank-account rules): elements load it with `import()`
 * when they first need it, never at page load. Readability figures live in ./readability.ts.
 */
import {
  createTokenClassificationRecognizer,
  detectPersonalData,
  detectPersonalDataAsync,
  mask,
  type PiiSpan,
  RecognizerRegistry,
  segmentSentences,
  summarizeExtractive,
} from '@klar/text';
import type { TextSpan } from './readability.js';

export {
  highlightSpans,
  type Piece,
  type ReadabilityFigures,
  readabilityOf,
  type TextSpan,
} from './readability.js';

export function sentencesOf(text: string): readonly TextSpan[] {
  return segmentSentences(text);
}

/** Sentences picked from the original, in their original order. */
export function extractiveSummary(text: string, sentences: number): string[] {
  const result: unknown = summarizeExtractive(text, { sentences });
  if (Array.isArray(result))
    return result.map((s) => (typeof s === 'string' ? s : String((s as TextSpan).text)));
  if (typeof result === 'string') return [result];
  const picked = (result as { sentences?: readonly (string | TextSpan)[] }).sentences ?? [];
  return picked.map((s) => (typeof s === 'string' ? s : s.text));
}

export function personalDataIn(text: string): PiiSpan[] {
  return detectPersonalData(text);
}

export interface Masked {
  readonly text: string;
  /** Placeholder → original value. */
  readonly values: ReadonlyMap<string, string>;
  /** Puts the original values back wherever their placeholders occur. */
  restore(value: string): string;
}

/**
 * Replaces personal data and identifiers by placeholders such as `[PERSONNUMMER 1]`, so a model
 * sees the kind of value but never has to copy its digits; `restore` puts the values back.
 */
export function maskWithPlaceholders(
  text: string,
  locale: string,
  spans?: readonly PiiSpan[],
): Masked {
  const result = mask(text, {
    operator: 'pseudonymize',
    locale: locale === 'en' ? 'en' : 'sv',
    ...(spans ? { spans } : {}),
  });
  return {
    text: result.text,
    values: result.mapping ?? new Map(),
    restore: (value) => result.restore(value),
  };
}

/** The citizen's text with personal data hidden: `partial` keeps a hint (19900101-****). */
export function maskForRecord(
  text: string,
  locale: string,
  spans: readonly PiiSpan[],
  operator: 'placeholder' | 'partial' | 'redact' = 'partial',
): string {
  return mask(text, { operator, locale: locale === 'en' ? 'en' : 'sv', spans }).text;
}

export interface ClassifiedEntity {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly score: number;
}

/**
 * Rule-based findings plus names and places from a token-classification model. The registry is
 * this call's own, so nothing global changes.
 */
export function personalDataWithModel(
  text: string,
  classify: (text: string, signal?: AbortSignal) => Promise<readonly ClassifiedEntity[]>,
  signal?: AbortSignal,
): Promise<PiiSpan[]> {
  const registry = new RecognizerRegistry();
  registry.register(createTokenClassificationRecognizer({ id: 'klar-ner', classify }));
  return detectPersonalDataAsync(text, { registry, ...(signal ? { signal } : {}) });
}

export type { PiiSpan };
