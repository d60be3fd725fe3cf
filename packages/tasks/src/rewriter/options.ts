import type { KlarCreateOptions, KlarSourceOptions } from '../shared/types.js';
import type { WritingLanguageOptions } from '../shared/writing-session.js';

/** W3C Rewriter API option values. */
export type RewriterTone = 'more-formal' | 'as-is' | 'more-casual';
export type RewriterFormat = 'as-is' | 'plain-text' | 'markdown';
export type RewriterLength = 'shorter' | 'as-is' | 'longer';
/**
 * Klar extension. `klarspråk`: plain language for everyone (common words, short sentences,
 * "you", the most important first). `lättläst`: easy-to-read, a stronger level for readers
 * with reading difficulties (very short sentences, one idea each, the most common words).
 */
export type PlainLanguageLevel = 'klarspråk' | 'lättläst';

export interface RewriterCoreOptions extends WritingLanguageOptions {
  readonly tone?: RewriterTone;
  readonly format?: RewriterFormat;
  readonly length?: RewriterLength;
  readonly plainLanguage?: PlainLanguageLevel;
}

export interface RewriterAvailabilityOptions extends RewriterCoreOptions, KlarSourceOptions {}

export interface RewriterCreateOptions extends RewriterCoreOptions, KlarCreateOptions {
  readonly sharedContext?: string;
}

export interface RewriteOptions {
  readonly context?: string;
  readonly signal?: AbortSignal;
  /** Klar extension: called before each part of a long text is rewritten. */
  readonly onPart?: (progress: { readonly index: number; readonly count: number }) => void;
}
