/**
 * Every string the Klar elements show. `sv` and `en` implement it in full, so a missing key
 * fails to compile. Plurals and values are functions. Integrators override single keys with
 * the `translations` property of any element.
 */
export type ModelUnavailableReason =
  | 'no-engine'
  /** The site's setup is wrong (a file missing or blocked): not the device's fault. */
  | 'site-unavailable'
  | 'no-backend'
  | 'no-model'
  | 'declined'
  | 'offline'
  | 'failed'
  | 'too-large';

export type LixBand = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

export interface Translation {
  readonly locale: string;
  // Shared
  readonly aiGenerated: (model: string) => string;
  readonly checkOriginal: string;
  readonly stop: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly close: string;
  readonly unavailable: (reason: ModelUnavailableReason) => string;
  // Model consent and progress
  readonly consentTitle: string;
  readonly consentBody: (name: string, size: string, license: string) => string;
  readonly consentPrivacy: string;
  readonly consentSaveData: string;
  readonly consentAccept: string;
  readonly consentDecline: string;
  readonly downloading: (model: string) => string;
  readonly progressText: (loaded: string, total: string) => string;
  readonly timeLeft: (seconds: number) => string;
  readonly loadingModel: string;
  readonly backendInUse: (backend: 'webgpu' | 'wasm') => string;
  /** The backend the model would run on here, before it is loaded. */
  readonly backendPlanned: (backend: 'webgpu' | 'wasm') => string;
  // Model status element
  readonly statusTitle: string;
  readonly availability: (
    state: 'unavailable' | 'downloadable' | 'downloading' | 'available',
  ) => string;
  readonly modelDetails: (name: string, size: string, license: string) => string;
  readonly storedModels: string;
  readonly noStoredModels: string;
  readonly storedModel: (name: string, size: string) => string;
  readonly deleteModel: (name: string) => string;
  readonly deleteAll: string;
  readonly deleted: string;
  readonly refresh: string;
  readonly download: string;
  /** Download button with the size still to fetch. */
  readonly downloadSize: (size: string) => string;
  /** Shown before anything on the page has needed a model (nothing has started). */
  readonly modelNotChecked: string;
  readonly checkModel: string;
  /** The model is in memory but its files are no longer stored. */
  readonly loadedNotStored: string;
  /** Some files are stored but more must be fetched for this device's backend. */
  readonly partlyStored: (size: string) => string;
  // Summary
  readonly summarize: string;
  readonly summaryHeading: string;
  readonly summarizing: string;
  readonly summarizingPart: (part: number, parts: number) => string;
  readonly summaryDone: string;
  readonly summaryStopped: string;
  readonly extractiveHeading: string;
  readonly extractiveLabel: string;
  readonly noSource: string;
  readonly lixOriginal: (lix: number, band: string) => string;
  readonly lixSummary: (lix: number, band: string) => string;
  readonly unverifiedCount: (count: number) => string;
  readonly unverifiedMark: string;
  readonly summaryFailed: string;
  // Readability
  readonly lixLabel: string;
  readonly lixBands: Readonly<Record<LixBand, string>>;
  readonly lixValue: (lix: number, band: string) => string;
  readonly wordsAndSentences: (words: number, sentences: number) => string;
  readonly showDetails: string;
  readonly hideDetails: string;
  readonly longWordsTitle: string;
  readonly longestSentencesTitle: string;
  readonly noLongWords: string;
  readonly noText: string;
  // Personal data guard
  readonly piiHint: (type: string) => string;
  readonly piiIntro: (count: number) => string;
  readonly piiMask: string;
  readonly piiMasked: (count: number) => string;
  readonly piiSubmitQuestion: string;
  readonly piiMaskAndSend: string;
  readonly piiSendAnyway: string;
  readonly piiName: string;
  // Form assistance
  readonly assistHeading: string;
  readonly describeLabel: string;
  readonly describeHint: string;
  readonly propose: string;
  readonly proposing: string;
  readonly proposalsReady: (count: number) => string;
  readonly noProposals: string;
  readonly proposalFor: (label: string) => string;
  readonly accept: string;
  readonly reject: string;
  readonly acceptFor: (label: string) => string;
  readonly rejectFor: (label: string) => string;
  readonly acceptedValue: (label: string) => string;
  readonly yes: string;
  readonly no: string;
  readonly explain: (label: string) => string;
  /** Short toggle text after a field; its accessible name is `explain(label)`. */
  readonly explainShort: string;
  readonly explainFields: string;
  readonly explainingWithModel: (model: string) => string;
  readonly explanationFor: (label: string) => string;
  readonly noExplanation: string;
}
