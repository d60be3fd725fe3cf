import type { KeyFactKind } from '@klar/tasks';

/** Strings only <klar-summary> uses (key facts, the sentence selection). sv and en. */
export interface SummaryStrings {
  readonly factsHeading: string;
  readonly factsNote: string;
  readonly factKind: Readonly<Record<KeyFactKind, string>>;
  /** Accessible name of the button that shows a fact in the original (starts with its visible text). */
  readonly showInOriginal: (fact: string) => string;
  readonly showInOriginalShort: string;
  /** Announced when a fact is shown: quotes the sentence it stands in. */
  readonly standsInOriginal: (sentence: string) => string;
  readonly notFoundInPage: (sentence: string) => string;
  readonly selectionHeading: string;
  readonly selectionLabel: (picked: number, total: number) => string;
  readonly nativeModel: string;
}

const n = (value: number, locale: string) => value.toLocaleString(locale);

export const summaryStringsSv: SummaryStrings = {
  factsHeading: 'Viktiga uppgifter i texten',
  factsNote:
    'Hittade med fasta regler, utan AI. Varje uppgift står ordagrant i texten; knappen visar var.',
  factKind: {
    amount: 'Belopp',
    date: 'Datum',
    period: 'Period',
    deadline: 'Sista dag eller frist',
    'case-number': 'Ärendenummer',
    obligation: 'Det här behöver du göra',
    contact: 'Kontakt',
  },
  showInOriginal: (fact) => `Visa i texten: ${fact}`,
  showInOriginalShort: 'Visa i texten',
  standsInOriginal: (sentence) => `Markerat i texten: ”${sentence}”`,
  notFoundInPage: (sentence) => `Det står i texten: ”${sentence}”`,
  selectionHeading: 'Utvalda meningar ur texten',
  selectionLabel: (picked, total) =>
    `Det här är ${n(picked, 'sv-SE')} av textens ${n(total, 'sv-SE')} meningar, ordagrant. De är utvalda med fasta regler, inte omskrivna och inte en AI-sammanfattning.`,
  nativeModel: 'webbläsarens inbyggda AI-modell',
};

export const summaryStringsEn: SummaryStrings = {
  factsHeading: 'Key facts in the text',
  factsNote:
    'Found by fixed rules, without AI. Each fact stands word for word in the text; the button shows where.',
  factKind: {
    amount: 'Amount',
    date: 'Date',
    period: 'Period',
    deadline: 'Deadline',
    'case-number': 'Case number',
    obligation: 'What you need to do',
    contact: 'Contact',
  },
  showInOriginal: (fact) => `Show in text: ${fact}`,
  showInOriginalShort: 'Show in text',
  standsInOriginal: (sentence) => `Highlighted in the text: “${sentence}”`,
  notFoundInPage: (sentence) => `The text says: “${sentence}”`,
  selectionHeading: 'Sentences picked from the text',
  selectionLabel: (picked, total) =>
    `These are ${n(picked, 'en-GB')} of the text's ${n(total, 'en-GB')} sentences, word for word. They were picked by fixed rules, not rewritten, and are not an AI summary.`,
  nativeModel: "the browser's built-in AI model",
};

export function summaryStringsFor(locale: string): SummaryStrings {
  return locale === 'en' ? summaryStringsEn : summaryStringsSv;
}
