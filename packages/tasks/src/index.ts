/**
 * @klar/tasks — task APIs shaped like the W3C Writing Assistance, Translator and Language
 * Detector APIs. Framework-free; runs on the window (where the browser's built-in APIs live)
 * and picks the source: the built-in API, or a Klar model through @klar/runtime.
 */
export {
  type Claim,
  type ClaimKind,
  checkFaithfulness,
  type FaithfulnessPiece,
  type FaithfulnessReport,
  findClaims,
} from './faithfulness/faithfulness.js';
export * from './form-fill/index.js';
export {
  type LanguageDetectionResult,
  LanguageDetector,
  type LanguageDetectorCoreOptions,
  type LanguageDetectorCreateOptions,
} from './language-detector/language-detector.js';
export {
  type ExtractiveSummary,
  type ExtractiveSummaryOptions,
  extractiveSummary,
  type KeyFact,
  type KeyFactKind,
  type KeyFactsOptions,
  keyFacts,
  type SelectedSentence,
} from './model-free/index.js';
export type {
  PlainLanguageLevel,
  RewriteOptions,
  RewriterAvailabilityOptions,
  RewriterCreateOptions,
  RewriterFormat,
  RewriterLength,
  RewriterTone,
} from './rewriter/options.js';
export { type KlarRewriterCreateOptions, Rewriter } from './rewriter/rewriter.js';
export { type InputTooLongError, inputTooLong } from './shared/errors.js';
export type { CheckedOutput, FaithfulnessListener } from './shared/faithfulness-hook.js';
export { type PromptLanguage, pageLanguage } from './shared/language.js';
export { DownloadProgressEvent } from './shared/monitor.js';
export type {
  Availability,
  CreateMonitorCallback,
  EngineSource,
  KlarCreateOptions,
  KlarSourceOptions,
  TaskEngine,
  TaskSource,
} from './shared/types.js';
export {
  type LengthBudget,
  lengthBudget,
  type SummarizeOptions,
  type SummarizerAvailabilityOptions,
  type SummarizerCreateOptions,
  type SummarizerFormat,
  type SummarizerLength,
  type SummarizerType,
  type SummaryPartProgress,
} from './summarizer/options.js';
export { type KlarSummarizerCreateOptions, Summarizer } from './summarizer/summarizer.js';
export type { TranslationEngine } from './translator/model-pair.js';
export {
  NATIVE_CANDIDATE_LANGUAGES,
  type TargetLanguages,
  type TargetLanguagesOptions,
  type TranslationTarget,
} from './translator/target-languages.js';
export {
  Translator,
  type TranslatorCoreOptions,
  type TranslatorCreateOptions,
} from './translator/translator.js';
