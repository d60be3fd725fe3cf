/** Strings only <klar-translate> uses. sv and en; shared ones (consent, stop, close) are in i18n. */
export interface TranslateStrings {
  /** The button that opens the language picker. */
  readonly open: string;
  readonly checkingLanguages: string;
  readonly languageLabel: string;
  readonly translate: string;
  readonly heading: string;
  /** Who translated: a Klar model (its name) on the device. */
  readonly byModel: (model: string, from: string, to: string) => string;
  /** Who translated: the browser's own translator. */
  readonly byBrowser: (from: string, to: string) => string;
  readonly checkOriginal: string;
  readonly translating: string;
  readonly done: string;
  readonly stopped: string;
  readonly showOriginal: string;
  readonly showTranslation: string;
  readonly originalHeading: (language: string) => string;
  /** No language can be served for this text here. */
  readonly noLanguages: string;
  readonly failed: string;
  readonly originalStays: string;
  readonly noSource: string;
}

export const translateStringsSv: TranslateStrings = {
  open: 'Läs på ditt språk',
  checkingLanguages: 'Tar reda på vilka språk som går att översätta till …',
  languageLabel: 'Språk',
  translate: 'Översätt',
  heading: 'Maskinöversättning',
  byModel: (model, from, to) =>
    `Maskinöversatt från ${from} till ${to} av AI-modellen ${model}, på din enhet.`,
  byBrowser: (from, to) => `Maskinöversatt från ${from} till ${to} av webbläsarens översättare.`,
  checkOriginal: 'Översättningen kan vara fel. Det är originalet som gäller.',
  translating: 'Översätter …',
  done: 'Översättningen är klar.',
  stopped: 'Översättningen stoppades.',
  showOriginal: 'Visa originalet',
  showTranslation: 'Visa översättningen',
  originalHeading: (language) => `Originalet (${language})`,
  noLanguages:
    'Den här webbplatsen kan inte översätta texten just nu. Originalet finns kvar som vanligt.',
  failed: 'Översättningen gick inte att göra.',
  originalStays: 'Originalet finns kvar som vanligt.',
  noSource: 'Det finns ingen text att översätta.',
};

export const translateStringsEn: TranslateStrings = {
  open: 'Read in your language',
  checkingLanguages: 'Finding out which languages the text can be translated into …',
  languageLabel: 'Language',
  translate: 'Translate',
  heading: 'Machine translation',
  byModel: (model, from, to) =>
    `Machine-translated from ${from} into ${to} by the AI model ${model}, on your device.`,
  byBrowser: (from, to) =>
    `Machine-translated from ${from} into ${to} by the browser's translator.`,
  checkOriginal: 'The translation may be wrong. The original is what counts.',
  translating: 'Translating …',
  done: 'The translation is ready.',
  stopped: 'The translation was stopped.',
  showOriginal: 'Show the original',
  showTranslation: 'Show the translation',
  originalHeading: (language) => `The original (${language})`,
  noLanguages: "This site can't translate the text right now. The original is still here as usual.",
  failed: 'The translation could not be made.',
  originalStays: 'The original is still here as usual.',
  noSource: 'There is no text to translate.',
};

export function translateStringsFor(locale: string): TranslateStrings {
  return locale === 'en' ? translateStringsEn : translateStringsSv;
}
