import { assertText, KlarTextError } from '../errors.js';
import { segmentSentences } from '../segment/sentences.js';
import type { Span } from '../span.js';
import { findAmounts } from './amounts.js';
import { findCaseNumbers } from './case-numbers.js';
import { findContacts } from './contacts.js';
import { isObligation } from './cues.js';
import { findDatesAndDeadlines } from './dates.js';
import type { FoundFact, KeyFact, KeyFactKind, KeyFactsOptions } from './types.js';

const ALL_KINDS: readonly KeyFactKind[] = [
  'amount',
  'date',
  'period',
  'deadline',
  'case-number',
  'obligation',
  'contact',
];
/** Kinds that may contain a plain date; the containing fact says more, so the date goes. */
const CONTAINERS = new Set<KeyFactKind>(['period', 'deadline', 'case-number']);

/**
 * Key facts of a letter or decision, found by rules, no model: amounts, dates and periods,
 * deadlines, case numbers, what the reader must do, and whom to contact. Every fact is a span of
 * the input (`text === input.slice(start, end)`) with the sentence it stands in, in text order,
 * so a view can link each one to its place in the original.
 */
export function extractKeyFacts(text: string, options: KeyFactsOptions = {}): KeyFact[] {
  assertText(text, 'extractKeyFacts');
  const kinds = new Set(options.kinds ?? ALL_KINDS);
  for (const kind of kinds) {
    if (!ALL_KINDS.includes(kind)) {
      throw new KlarTextError(
        'invalid-option',
        `extractKeyFacts: unknown kind "${String(kind)}". Use one of ${ALL_KINDS.join(', ')}.`,
      );
    }
  }
  if (options.locale !== undefined && options.locale !== 'sv' && options.locale !== 'en') {
    throw new KlarTextError(
      'invalid-option',
      `extractKeyFacts: unknown locale "${String(options.locale)}". Use 'sv' or 'en'.`,
    );
  }
  const sentences = segmentSentences(text);
  const found: FoundFact[] = [
    ...findAmounts(text),
    ...findDatesAndDeadlines(text),
    ...findCaseNumbers(text),
    ...findContacts(text, sentences),
  ];
  for (const sentence of sentences)
    if (isObligation(sentence.text))
      found.push({ kind: 'obligation', start: sentence.start, end: sentence.end });

  const phrases = withoutContained(found.filter((fact) => fact.kind !== 'obligation'));
  const obligations = found.filter((fact) => fact.kind === 'obligation');
  return [...phrases, ...obligations]
    .filter((fact) => kinds.has(fact.kind))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((fact) => ({
      ...fact,
      text: text.slice(fact.start, fact.end),
      sentence: sentenceOf(sentences, fact, text),
    }));
}

/**
 * Drops a phrase that lies inside another one: the date inside a deadline, a number inside a
 * case number, the same phone found twice. Of two that only overlap, the earlier stays.
 */
function withoutContained(facts: FoundFact[]): FoundFact[] {
  const ordered = [...facts].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const kept: FoundFact[] = [];
  for (const fact of ordered) {
    const inside = kept.find((other) => other.start <= fact.start && fact.end <= other.end);
    if (inside && (CONTAINERS.has(inside.kind) || inside.kind === fact.kind)) continue;
    if (kept.some((other) => other.start < fact.end && fact.start < other.end && !inside)) continue;
    kept.push(fact);
  }
  return kept;
}

/** The sentence a fact starts in; a fact outside every sentence (whitespace only) gets itself. */
function sentenceOf(sentences: readonly Span[], fact: FoundFact, text: string): Span {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (fact.start < sentence.start) high = middle - 1;
    else if (fact.start >= sentence.end) low = middle + 1;
    else return sentence;
  }
  return { start: fact.start, end: fact.end, text: text.slice(fact.start, fact.end) };
}
