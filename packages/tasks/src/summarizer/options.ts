import type { LengthUnit } from '../shared/length-guard.js';
import type { KlarCreateOptions, KlarSourceOptions } from '../shared/types.js';
import type { WritingLanguageOptions } from '../shared/writing-session.js';

/** W3C Summarizer API option values. */
export type SummarizerType = 'key-points' | 'tldr' | 'teaser' | 'headline';
export type SummarizerFormat = 'plain-text' | 'markdown';
export type SummarizerLength = 'short' | 'medium' | 'long';

/** W3C `SummarizerCreateCoreOptions`. */
export interface SummarizerCoreOptions extends WritingLanguageOptions {
  readonly type?: SummarizerType;
  readonly format?: SummarizerFormat;
  readonly length?: SummarizerLength;
}

export interface SummarizerAvailabilityOptions extends SummarizerCoreOptions, KlarSourceOptions {}

export interface SummarizerCreateOptions extends SummarizerCoreOptions, KlarCreateOptions {
  readonly sharedContext?: string;
  /**
   * Texts longer than one pass of the model are split at sentence boundaries, the parts
   * summarised, then the summaries summarised (Klar extension; default true). When false, such
   * a text rejects with 'input-too-long'.
   */
  readonly splitLongInput?: boolean;
  /** Most passes over the text before the final summary, when splitting (default 3). */
  readonly maxLevels?: number;
  /**
   * Caps the tokens every generation may write (the final summary and each part's), below what
   * `length` allows (Klar extension: for slow devices and tests).
   */
  readonly maxNewTokens?: number;
}

/** Progress of the earlier levels of a long text: part `index` of `count` at `level`. */
export interface SummaryPartProgress {
  readonly level: number;
  readonly index: number;
  readonly count: number;
}

export interface SummarizeOptions {
  readonly context?: string;
  readonly signal?: AbortSignal;
  /** Klar extension: called before each part of a long text is summarised. */
  readonly onPart?: (progress: SummaryPartProgress) => void;
}

/** What `length` promises for a type: at most `units` of `unit`, and at most `maxNewTokens`. */
export interface LengthBudget {
  readonly unit: LengthUnit;
  readonly units: number;
  readonly maxNewTokens: number;
}

const BUDGETS: Record<SummarizerType, Record<SummarizerLength, LengthBudget>> = {
  // The W3C explainer's guidance: tl;dr and teaser 1/3/5 sentences, key points 3/5/7 bullets,
  // headline 12/17/22 words. Token caps leave room for long Swedish compounds.
  tldr: {
    short: { unit: 'sentence', units: 1, maxNewTokens: 64 },
    medium: { unit: 'sentence', units: 3, maxNewTokens: 160 },
    long: { unit: 'sentence', units: 5, maxNewTokens: 256 },
  },
  teaser: {
    short: { unit: 'sentence', units: 1, maxNewTokens: 64 },
    medium: { unit: 'sentence', units: 3, maxNewTokens: 160 },
    long: { unit: 'sentence', units: 5, maxNewTokens: 256 },
  },
  'key-points': {
    short: { unit: 'item', units: 3, maxNewTokens: 128 },
    medium: { unit: 'item', units: 5, maxNewTokens: 224 },
    long: { unit: 'item', units: 7, maxNewTokens: 320 },
  },
  headline: {
    short: { unit: 'word', units: 12, maxNewTokens: 32 },
    medium: { unit: 'word', units: 17, maxNewTokens: 48 },
    long: { unit: 'word', units: 22, maxNewTokens: 64 },
  },
};

export function lengthBudget(type: SummarizerType, length: SummarizerLength): LengthBudget {
  return BUDGETS[type][length];
}

/** The budget of one part's summary on the way to the final one: key points, at most half the part. */
export function partBudget(partTokens: number): LengthBudget {
  return {
    unit: 'item',
    units: 5,
    maxNewTokens: Math.max(16, Math.min(200, Math.floor(partTokens / 2))),
  };
}
