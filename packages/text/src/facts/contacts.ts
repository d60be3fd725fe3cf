import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FoundFact } from './types.js';

const EMAIL =
  /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}(?![\p{L}\d])/gu;
/** Digits, spaces and dashes starting with 0 or +: bounded, so linear. Validated below. */
const PHONE_SHAPE = /(?<![\d\p{L}+\-/])(?:\+\d|0)[\d \-()]{5,18}\d(?![\d\p{L}])/gu;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/;

const PERSON_LABELS = [
  'handläggare',
  'din handläggare är',
  'handläggare är',
  'kontaktperson',
  'handläggs av',
  'case officer',
  'your case officer is',
  'case officer is',
  'caseworker',
  'case worker',
  'contact person',
  'handled by',
];
/** Labels match in either case at their first letter; the name itself must be capitalised. */
const PERSON_LABEL = PERSON_LABELS.sort((a, b) => b.length - a.length)
  .map((label) => `[${label[0]}${label[0]!.toUpperCase()}]${label.slice(1)}`)
  .join('|');
/** A labelled person: "Handläggare: Anna Svensson", "Din handläggare är Anna Svensson", "Case officer: John Smith". */
/** A person's name: two or three capitalised words, double names with a hyphen ("Anna-Karin Ek"). */
const NAME = String.raw`\p{Lu}[\p{Ll}']+(?:-\p{Lu}[\p{Ll}']+)?(?:[ \t]\p{Lu}[\p{Ll}']+(?:-\p{Lu}[\p{Ll}']+)?){1,2}`;
const PERSON = new RegExp(
  String.raw`(?<![\p{L}])(?:${PERSON_LABEL})(?:\s?:\s?|\s)(?<name>${NAME})`,
  'dgu',
);
/** A signature: the name on one line and the title on the next ("Anna Svensson\nHandläggare"). */
const SIGNED = new RegExp(
  String.raw`(?<![\p{L}])(?<name>${NAME})[ \t]*\r?\n[ \t]*(?:[Hh]andläggare|[Ss]ocialsekreterare|[Uu]tredare|[Ss]amordnare|[Cc]ase officer|[Cc]aseworker|[Cc]ase worker|[Aa]dministrator)(?![\p{L}])`,
  'dgu',
);
/** A named unit in a sentence about contacting: "Kundcenter", "Socialförvaltningen", "Enheten för studiestöd", "Customer Service", "the Student Finance Unit". */
const UNIT = new RegExp(
  [
    String.raw`(?<![\p{L}])\p{Lu}\p{Ll}*(?:förvaltningen|nämnden|kontoret|center|centret|centrum|tjänst|tjänsten|enheten|avdelningen|upplysningen|service)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:\p{Lu}\p{Ll}+s\s)?(?:kundcenter|kundtjänst|kundservice|kontaktcenter|servicecenter|medborgarcenter|växeln|upplysningen)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:[Ee]nheten|[Aa]vdelningen|[Ss]ektionen|[Ee]nhet|[Aa]vdelning)\sför\s\p{Ll}+(?:\soch\s\p{Ll}+)?`,
    String.raw`(?<![\p{L}])(?:\p{Lu}\p{Ll}+\s){1,3}(?:Unit|Office|Department|Centre|Center|Team|Service|Services|Helpline)(?![\p{L}])`,
    String.raw`(?<![\p{L}])customer (?:service|services|centre|center|support)(?![\p{L}])`,
  ].join('|'),
  'gu',
);
const CONTACT_CUE =
  /(?<!\p{L})(?:kontakta|ring|ringa|mejla|maila|e-posta|skriv till|hör av dig|frågor|frågan|kontakt|telefon|tel|contact|call|phone|email|e-mail|write to|questions|reach)(?!\p{L})/iu;

/** Phone numbers, e-mail addresses, and named people and units to contact. */
export function findContacts(
  text: string,
  sentences: readonly { start: number; end: number; text: string }[],
): FoundFact[] {
  const facts: FoundFact[] = [];
  for (const match of text.matchAll(EMAIL))
    facts.push({
      kind: 'contact',
      contact: 'email',
      start: match.index,
      end: match.index + match[0].length,
    });
  for (const match of text.matchAll(PHONE_SHAPE)) {
    const written = match[0].trim();
    if (DATE_LIKE.test(written)) continue;
    const parsed = parsePhoneNumberFromString(written, 'SE');
    if (!parsed?.isPossible()) continue;
    facts.push({
      kind: 'contact',
      contact: 'phone',
      start: match.index,
      end: match.index + written.length,
    });
  }
  for (const match of [...text.matchAll(PERSON), ...text.matchAll(SIGNED)]) {
    // The `d` flag gives the name's own offsets, wherever it stands in the match.
    const name = match.indices?.groups?.name;
    if (name) facts.push({ kind: 'contact', contact: 'person', start: name[0], end: name[1] });
  }
  // Units only where the sentence is about getting in touch, else every "Försäkringskassan" would be one.
  for (const sentence of sentences) {
    if (!CONTACT_CUE.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(UNIT)) {
      const start = sentence.start + match.index;
      facts.push({ kind: 'contact', contact: 'unit', start, end: start + match[0].length });
    }
  }
  return facts;
}
