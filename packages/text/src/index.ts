/**
 * @klar/text — Swedish language tools: segmentation, readability (LIX, OVIX), personal-data
 * detection and reversible masking, extractive summary, key facts of letters and decisions.
 * Pure TypeScript, no DOM.
 */
export {
  assertText,
  isKlarBaseError,
  isKlarTextError,
  KlarBaseError,
  type KlarErrorJSON,
  KlarTextError,
  type KlarTextErrorCode,
} from './errors.js';
export { parseNumber } from './facts/amounts.js';
export { isObligation, type SentenceCue, sentenceCues } from './facts/cues.js';
export { extractKeyFacts } from './facts/key-facts.js';
export { guessLocale } from './facts/language.js';
export type { ContactKind, KeyFact, KeyFactKind, KeyFactsOptions } from './facts/types.js';
export {
  type MaskedSpan,
  type MaskOperator,
  type MaskOptions,
  type MaskResult,
  mask,
} from './mask/mask.js';
export { partialMask } from './mask/partial.js';
export { Pseudonymizer, type PseudonymizerOptions } from './mask/pseudonymizer.js';
export { CONTEXT_BOOST, CONTEXT_WINDOW } from './pii/context.js';
export {
  builtInRegistry,
  type DetectWithRegistryOptions,
  detectPersonalData,
  detectPersonalDataAsync,
} from './pii/detect.js';
export { BUILT_IN_LABELS } from './pii/labels.js';
export { luhnValid } from './pii/luhn.js';
export {
  createPatternRecognizer,
  type PatternRecognizerOptions,
} from './pii/pattern-recognizer.js';
export { BUILT_IN_RECOGNIZERS } from './pii/recognizers/index.js';
export {
  createRecognizerRegistry,
  type DetectOptions,
  RecognizerRegistry,
  type RecognizerRegistryOptions,
} from './pii/registry.js';
export {
  type ClassifiedEntity,
  createTokenClassificationRecognizer,
  type TokenClassificationRecognizerOptions,
} from './pii/token-classification.js';
export type {
  AsyncRecognizer,
  BuiltInPiiType,
  ContextLookup,
  DetectionContext,
  PiiCandidate,
  PiiSpan,
  PiiType,
  Recognizer,
  RecognizerLabels,
  SyncRecognizer,
} from './pii/types.js';
export { seededRandom } from './random.js';
export { type LixBand, lixBand, lixBandLabel } from './readability/bands.js';
export { lix } from './readability/lix.js';
export { ovix } from './readability/ovix.js';
export {
  type LongSentence,
  type ReadabilityOptions,
  type ReadabilityReport,
  readability,
} from './readability/readability.js';
export { segmentSentences } from './segment/sentences.js';
export { segmentWords, type WordSpan } from './segment/words.js';
export type { Locale, Span } from './span.js';
export {
  type ExtractiveSummary,
  type ExtractiveSummaryOptions,
  type SelectedSentence,
  type SelectionReason,
  type SummaryLength,
  summarizeExtractive,
} from './summary/extractive.js';
