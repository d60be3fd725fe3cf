import type { FoundFact } from './types.js';

/** The labels agencies print before a case number, Swedish and English. */
const LABEL = String.raw`(?:dnr|dnr\.|diarienummer|diarienr\.?|ärendenummer|ärendenr\.?|ärende nr\.?|ärende|referensnummer|vår referens|er referens|vårt dnr|ert dnr|beteckning|our reference|your reference|reference number|reference no\.?|ref\.?|case number|case no\.?|case reference|file number|reference)`;
/**
 * The identifier itself: an optional short letter prefix ("KS 2026/123"), then a token of
 * letters, digits and - / . : that contains at least one digit.
 */
const ID = String.raw`(?:[\p{Lu}]{1,6}\s)?[\p{L}\d][\p{L}\d\-/.:]*\d[\p{L}\d\-/.:]*`;
const CASE_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])${LABEL}(?:\s?[:#]\s?|\s)(?:nr\.?\s|no\.?\s)?(?<id>${ID})`,
  'giu',
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
