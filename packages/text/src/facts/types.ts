import type { Locale, Span } from '../span.js';

/** What a key fact is about. */
export type KeyFactKind =
  | 'amount'
  | 'date'
  | 'period'
  | 'deadline'
  | 'case-number'
  | 'obligation'
  | 'contact';

/** What kind of contact a `contact` fact is. */
export type ContactKind = 'phone' | 'email' | 'person' | 'unit';

/**
 * One fact found by rules in the text. Faithful by construction: `text === source.slice(start,
 * end)`, and `sentence` is the sentence of the source it stands in (for an obligation, the fact
 * is that whole sentence).
 */
export interface KeyFact extends Span {
  readonly kind: KeyFactKind;
  readonly sentence: Span;
  /** Only for `contact`. */
  readonly contact?: ContactKind;
  /** Only for `amount`: the number as written, e.g. 1500 for "1 500 kronor". */
  readonly amount?: { readonly value: number; readonly currency: 'SEK' | 'EUR' };
  /** Only for `date`: the calendar day in ISO form when the text names day, month and year. */
  readonly isoDate?: string;
}

export interface KeyFactsOptions {
  /** Language of the text; detected from common words when left out. */
  locale?: Locale;
  /** Only these kinds; all kinds by default. */
  kinds?: readonly KeyFactKind[];
}

/** A fact before its sentence is attached. */
export type FoundFact = Omit<KeyFact, 'sentence' | 'text'>;
