import type { FoundFact } from './types.js';

/** The labels agencies print before a case number, Swedish and English. */
const LABELS = [
  'dnr',
  'diarienummer',
  'diarienr',
  'ärendenummer',
  'ärendenr',
  'ärende nr',
  'ärende',
  'referensnummer',
  'vår referens',
  'er referens',
  'beteckning',
  'our reference',
  'your reference',
  'reference number',
  'reference no',
  'reference',
  'ref',
  'case number',
  'case no',
  'case reference',
  'file number',
];
/**
 * Each letter in either case, so the regex needs no `i` flag: with `i`, `\p{Lu}` in the
 * identifier's prefix would also match lower case and take "är" in "ärendenummer är 12".
 */
const LABEL = `(?:${LABELS.sort((a, b) => b.length - a.length)
  .map((label) =>
    [...label]
      .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c}${c.toUpperCase()}]` : c))
      .join(''),
  )
  .join('|')})\\.?`;
/**
 * The identifier itself: an optional short capital prefix ("KS 2026/123"), then a token of
 * letters, digits and - / . : that contains at least one digit.
 */
const ID = String.raw`(?:\p{Lu}{1,6}\s)?[\p{L}\d][\p{L}\d\-/.:]*\d[\p{L}\d\-/.:]*`;
const CASE_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])${LABEL}(?:\s?[:#]\s?|\s)(?:(?:nr|no|är|is)\.?\s)?(?<id>${ID})`,
  'gu',
);

/** Case numbers after their label ("Dnr 2026/1234", "Our reference: 123-4567-89"). The fact is the identifier. */
export function findCaseNumbers(text: string): FoundFact[] {
  const facts: FoundFact[] = [];
  for (const match of text.matchAll(CASE_NUMBER)) {
    const id = (match.groups?.id ?? '').replace(/[.:/-]+$/, '');
    if (!id) continue;
    const start = match.index + match[0].length - (match.groups?.id ?? '').length;
    facts.push({ kind: 'case-number', start, end: start + id.length });
  }
  return facts;
}
