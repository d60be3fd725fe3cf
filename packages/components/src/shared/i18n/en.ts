import type { Translation } from './translation.js';

const n = (value: number) => value.toLocaleString('en-GB');

export const en: Translation = {
  locale: 'en',
  aiGenerated: (model) => `AI-generated text (model: ${model})`,
  checkOriginal: 'Always check against the original. The original is what counts.',
  stop: 'Stop',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Copying did not work. Select the text and copy it yourself.',
  close: 'Close',
  unavailable: (reason) =>
    ({
      'no-engine': "AI help isn't available on this site right now.",
      'site-unavailable': "AI help isn't available on this site right now.",
      'no-backend':
        'Your device cannot run the AI model (neither WebGPU nor WebAssembly is available).',
      'no-model': 'There is no AI model for this.',
      declined: 'You chose not to download the AI model.',
      offline: 'You seem to be offline, so the AI model cannot be downloaded.',
      failed: 'The AI model could not be used right now.',
      'too-large': 'The AI model is too large for your device.',
    })[reason],
  consentTitle: 'Download an AI model?',
  consentBody: (name, size, license) =>
    `To help you, your browser needs to download the model ${name} (${size}, licence ${license}). It is stored on your device and you can delete it at any time.`,
  consentPrivacy: 'The model runs on your device. Your text is not sent to any server.',
  consentSaveData:
    'Your device has asked to save data. Only download the model on a network without a data cap.',
  consentAccept: 'Yes, download the model',
  consentDecline: 'No thanks',
  downloading: (model) => `Downloading ${model}`,
  progressText: (loaded, total) => `${loaded} of ${total}`,
  timeLeft: (s) =>
    s < 60
      ? `about ${n(Math.max(1, Math.round(s)))} seconds left`
      : `about ${n(Math.round(s / 60))} minutes left`,
  loadingModel: 'Starting the AI model …',
  backendInUse: (b) =>
    b === 'webgpu'
      ? 'Running on WebGPU (the graphics processor).'
      : 'Running on WebAssembly (the processor).',
  backendPlanned: (b) =>
    b === 'webgpu'
      ? 'Would run on WebGPU (the graphics processor).'
      : 'Would run on WebAssembly (the processor).',
  statusTitle: 'AI models on this device',
  availability: (s) =>
    ({
      unavailable: 'Not available on this device.',
      downloadable: 'Can be downloaded.',
      downloading: 'Downloading now.',
      available: 'Stored on this device.',
    })[s],
  modelDetails: (name, size, license) => `${name}, ${size}, licence ${license}`,
  storedModels: 'Stored models',
  noStoredModels: 'No models are stored.',
  storedModel: (name, size) => `${name} (${size})`,
  deleteModel: (name) => `Delete ${name}`,
  deleteAll: 'Delete all stored models',
  deleted: 'Deleted.',
  download: 'Download the model',
  downloadSize: (size) => `Download the model (${size})`,
  modelNotChecked: 'No AI model is in use yet. It starts only when you ask for AI help.',
  checkModel: 'Show details of the AI model',
  loadedNotStored: 'In use right now, but no longer stored on this device.',
  partlyStored: (size) => `Partly stored: ${size} left to download.`,
  refresh: 'Refresh',
  summarize: 'Summarise in plain language',
  summaryHeading: 'Plain-language summary',
  summarizing: 'Summarising …',
  summarizingPart: (part, parts) => `Summarising part ${n(part)} of ${n(parts)} …`,
  summaryDone: 'The summary is ready.',
  summaryStopped: 'The summary was stopped.',
  extractiveHeading: 'Simple summary',
  extractiveLabel:
    'Key sentences from the original, picked automatically without an AI model. The sentences are not rewritten.',
  noSource: 'There is no text to summarise.',
  lixOriginal: (lix, band) => `Original: LIX ${n(lix)}, ${band}.`,
  lixSummary: (lix, band) => `Summary: LIX ${n(lix)}, ${band}.`,
  unverifiedCount: (c) =>
    c === 1
      ? '1 detail in the summary is not in the original. It is marked.'
      : `${n(c)} details in the summary are not in the original. They are marked.`,
  unverifiedMark: 'not in the original',
  summaryFailed: 'The summary failed.',
  lixLabel: 'Readability (LIX)',
  lixBands: {
    'very-easy': 'very easy',
    easy: 'easy',
    medium: 'medium',
    hard: 'difficult',
    'very-hard': 'very difficult',
  },
  lixValue: (lix, band) => `LIX ${n(lix)}: ${band}`,
  wordsAndSentences: (w, s) =>
    `${n(w)} ${w === 1 ? 'word' : 'words'}, ${n(s)} ${s === 1 ? 'sentence' : 'sentences'}`,
  showDetails: 'Show long words and sentences',
  hideDetails: 'Hide long words and sentences',
  longWordsTitle: 'Long words (more than six letters)',
  longestSentencesTitle: 'Longest sentences',
  noLongWords: 'No long words.',
  noText: 'No text yet.',
  piiHint: (type) =>
    ({
      personnummer: 'You do not need to give your personal identity number (personnummer) here.',
      samordningsnummer: 'You do not need to give your coordination number here.',
      organisationsnummer: 'An organisation number is not needed in this box.',
      phone: 'Phone numbers are not needed here. There is a separate field for contact details.',
      email: 'Email addresses are not needed here. There is a separate field for contact details.',
      iban: 'Do not write account numbers (IBAN) here.',
      bankgiro: 'Do not write bankgiro numbers here.',
      plusgiro: 'Do not write plusgiro numbers here.',
      account: 'Do not write account numbers here.',
      'bank-account': 'Do not write account numbers here.',
      'payment-card': 'Never write card numbers here.',
      postcode: 'Postcodes are not needed here.',
      address: 'Addresses are not needed here.',
      name: 'Names of other people are usually not needed here.',
    })[type] ?? 'This detail is probably not needed here.',
  piiIntro: (c) =>
    c === 1
      ? 'This text may become a public record. It contains a personal detail that is probably not needed:'
      : `This text may become a public record. It contains ${n(c)} personal details that are probably not needed:`,
  piiMask: 'Hide these details in the text',
  piiMasked: (c) => (c === 1 ? '1 detail is hidden.' : `${n(c)} details are hidden.`),
  piiSubmitQuestion: 'The text contains personal data. Do you want to hide it before sending?',
  piiMaskAndSend: 'Hide and send',
  piiSendAnyway: 'Send anyway',
  piiName: 'name',
  assistHeading: 'Help filling in (optional)',
  describeLabel: 'Describe your situation in your own words',
  describeHint:
    'The AI model suggests answers based on your text. You approve each answer yourself. Your text stays on your device.',
  propose: 'Suggest answers',
  proposing: 'Preparing suggestions …',
  proposalsReady: (c) =>
    c === 1
      ? '1 suggestion. Review it by the field and accept or reject it.'
      : `${n(c)} suggestions. Review them by the fields and accept or reject them.`,
  noProposals: 'No suggestions for empty fields. Fill in the form as usual.',
  proposalFor: (label) => `AI suggestion for ${label}`,
  accept: 'Accept',
  reject: 'Reject',
  acceptFor: (label) => `Accept the suggestion for ${label}`,
  rejectFor: (label) => `Reject the suggestion for ${label}`,
  acceptedValue: (label) => `${label} is filled in.`,
  yes: 'Yes',
  no: 'No',
  explain: (label) => `What does ${label} mean?`,
  explainShort: 'What does it mean?',
  explainFields: 'Explain the fields',
  explainingWithModel: (model) => `AI-generated explanation being written (model: ${model}) …`,
  explanationFor: (label) => `Explanation of ${label}`,
  noExplanation: 'No explanation is available right now.',
};
