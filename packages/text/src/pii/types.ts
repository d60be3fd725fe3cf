/** Built-in kinds of personal data. Custom recognisers may use any other string. */
export type BuiltInPiiType =
  | 'personnummer'
  | 'samordningsnummer'
  | 'organisationsnummer'
  | 'phone'
  | 'email'
  | 'postal-address'
  | 'street-address'
  | 'iban'
  | 'bankgiro'
  | 'plusgiro'
  | 'bank-account'
  | 'vehicle-registration'
  | 'date-of-birth'
  | 'person-name'
  | 'place';

// `string & {}` keeps editor completion for the built-ins while allowing custom types.
export type PiiType = BuiltInPiiType | (string & {});

export interface PiiSpan {
  readonly start: number;
  readonly end: number;
  readonly type: PiiType;
  /** Exactly `text.slice(start, end)`. */
  readonly text: string;
  /** 0–1. Raised by context words, lowered when a checksum or date does not hold. */
  readonly confidence: number;
  /** False when the value has the shape but fails its check digit or date (a typo is still PII). */
  readonly valid: boolean;
  /** Id of the recogniser that found it. */
  readonly recognizer: string;
}

/** What a recogniser reports; the registry adds context boosts, filtering and overlap resolution. */
export interface PiiCandidate {
  readonly start: number;
  readonly end: number;
  readonly type: PiiType;
  readonly confidence: number;
  readonly valid: boolean;
}

export interface RecognizerLabels {
  readonly sv: string;
  readonly en: string;
}

interface RecognizerBase {
  /** Unique id, e.g. 'se-personnummer' or 'agency-case-number'. */
  readonly id: string;
  /** Types this recogniser can report; used to skip it when `types` filters them out. */
  readonly types: readonly PiiType[];
  /**
   * Words that, near a match, make it more likely. Whole words with their inflections
   * ("ring" → ringer, ringde; never "Ringvägen"); end a word with * to match any word that
   * starts so ("personn*"). See context.ts.
   */
  readonly contextWords?: readonly string[];
  /** Placeholder labels for custom types, e.g. { sv: 'DIARIENUMMER', en: 'CASE NUMBER' }. */
  readonly labels?: RecognizerLabels;
}

/** Context words near a span; `near` answers for many spans of one text in O(log n). */
export interface ContextLookup {
  near(start: number, end: number): boolean;
  /** Where the words stand (word starts, ascending): to anchor a pattern right after them. */
  positions(): readonly number[];
}

/**
 * What a registry hands a rule recogniser with the text: the context words of this one
 * detection, scanned once for every recogniser. Optional, so a recogniser also runs alone.
 */
export interface DetectionContext {
  contextFor(words: readonly string[]): ContextLookup;
}

/**
 * A rule-based recogniser: deterministic, synchronous, linear in the text length. Inside a
 * registry it gets the folded text (look-alike dashes, spaces and full-width digits replaced
 * one for one, so offsets are unchanged; see fold.ts).
 */
export interface SyncRecognizer extends RecognizerBase {
  detect(text: string, context?: DetectionContext): PiiCandidate[];
}

/** A plug-in recogniser, e.g. a token-classification model for names and places. */
export interface AsyncRecognizer extends RecognizerBase {
  detectAsync(text: string, signal?: AbortSignal): Promise<PiiCandidate[]>;
}

export type Recognizer = SyncRecognizer | AsyncRecognizer;

export function isSyncRecognizer(recognizer: Recognizer): recognizer is SyncRecognizer {
  return typeof (recognizer as SyncRecognizer).detect === 'function';
}
