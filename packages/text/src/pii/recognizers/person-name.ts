import { ContextFinder, contextWordSource } from '../context.js';
import { FIRST_NAMES } from '../names/first-names.js';
import { SURNAME_SHAPE, SURNAMES } from '../names/surnames.js';
import type { PiiCandidate, SyncRecognizer } from '../types.js';

/**
 * Names of people without a model, from public Swedish name statistics (see ../names) plus
 * capitalisation and context:
 * - a listed first name followed by a surname (listed or shaped like one: -sson, -berg,
 *   -ström …), with up to one middle name: "Anna Svensson", "Karl-Erik Lind", "Anna Maria Nyström";
 * - a capitalised word followed by a listed surname, not at the start of a sentence
 *   ("… enligt Zlatan Andersson");
 * - up to three words after a cue: "jag heter", "Namn:", "kontaktperson", "handläggare",
 *   titles ("fru", "dr") and sign-offs ("Med vänliga hälsningar"); after a cue a listed first
 *   name counts in lower case too ("jag heter anna svensson").
 * A lone first name is not reported ("Anna" alone identifies nobody in a letter); a token-
 * classification model, where stored, remains the stronger option and runs next to this.
 */
/**
 * Capitalised words in Latin script (ASCII, Latin-1 and Latin Extended: Öztürk, Petrović). A
 * regex without the unicode flag runs several times faster here, and the listed names are all
 * Latin; names in other scripts are still found after a cue (which reads any letters).
 */
const LATIN_LETTER = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
const UPPER = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de';
const LOWER = "a-z\\u00df-\\u00f6\\u00f8-\\u024f'’";
const CAPITALISED_WORD = new RegExp(
  `(?<![${LATIN_LETTER}0-9-])[${UPPER}][${LOWER}]{1,24}(?:-[${UPPER}][a-z\\u00df-\\u00f6\\u00f8-\\u024f]{1,24})?(?![${LATIN_LETTER}0-9])`,
  'y',
);
/**
 * Where a capitalised word may start: its capital is consumed, so irregexp skips ahead fast
 * and test() needs no match array; CAPITALISED_WORD (sticky) then reads the whole word.
 */
const CAPITAL_START = new RegExp(`(?<![${LATIN_LETTER}0-9-])[${UPPER}](?=[${LOWER}])`, 'g');
const NAME_AFTER_CUE =
  /[ \t]*[:,]?[ \t]*\n?[ \t]*(\p{L}[\p{Ll}\p{Lu}'’]{0,24}(?:-\p{L}\p{Ll}{1,24})?)(?: (\p{L}[\p{Ll}\p{Lu}'’]{0,24}(?:-\p{L}\p{Ll}{1,24})?))?(?: (\p{L}[\p{Ll}\p{Lu}'’]{0,24}))?/duy;
const SENTENCE_END = /[.!?:;\n]/;
/** Capitalised words after a cue that name an organisation or a place, not a person. */
const ORGANISATION =
  /(?:kassan|myndighet|myndigheten|verket|kommun|kommunen|region|regionen|nämnden|styrelsen|inspektionen|domstol|domstolen|rätten|förvaltningen|centralen|byrån|banken|bolaget|förbundet|föreningen|skolan|sjukhuset|kliniken|mottagningen|center|centrum|gruppen|tjänst|tjänsten|kontoret|enheten|avdelningen|stiftelsen|ab)$/iu;

/** A role right after a cue ("Med vänlig hälsning\nHandläggare Anna …") is its own cue. */
const ROLE =
  /^(?:handläggare|handläggaren|beslutsfattare|föredragande|enhetschef|chef|kontaktperson|sökande|sökanden|ombud|advokat|doktor|dr|fru|herr)$/iu;

export const PERSON_NAME_CUES = [
  'heter',
  'mitt namn är',
  'namn',
  'name',
  'kontaktperson*',
  'handläggare',
  'handläggaren',
  'sökande',
  'sökanden',
  'undertecknad',
  'hälsning',
  'mvh',
  'herr',
  'fru',
  'fröken',
  'dr',
  'doktor',
  'advokat',
  'ombud',
  'vårdnadshavare',
  'god man',
  'förvaltare',
  'my name is',
  'dear',
  'mr',
  'mrs',
  'ms',
  'regards',
];
/** Cue patterns by first letter, so a cue position tries only the cues that can stand there. */
const cueEnds = new Map<string, RegExp[]>();
for (const cue of PERSON_NAME_CUES) {
  const first = cue[0]!.toLowerCase();
  const list = cueEnds.get(first) ?? [];
  list.push(new RegExp(contextWordSource(cue), 'iuy'));
  cueEnds.set(first, list);
}

/** First names that are also everyday words ("Per månad", "Hans ansökan", "Bo kvar"). */
const AMBIGUOUS_FIRST = new Set([
  'per',
  'hans',
  'bo',
  'dag',
  'sten',
  'rut',
  'maj',
  'gun',
  'björn',
  'max',
  'ove',
  'ivar',
  'iris',
  'liv',
  'juni',
  'signe',
  'ester',
]);
const CONFIDENCE_LISTED = 0.8;
const CONFIDENCE_FIRST_ONLY = 0.7;
const CONFIDENCE_SURNAME_ONLY = 0.65;
const CONFIDENCE_CUE = 0.75;

export const personNameRecognizer: SyncRecognizer = {
  id: 'se-person-name-rules',
  types: ['person-name'],
  contextWords: PERSON_NAME_CUES,
  detect(text, detection) {
    const found: PiiCandidate[] = [];
    for (const run of capitalisedRuns(text)) findInRun(text, run, found);
    const cues =
      detection?.contextFor(PERSON_NAME_CUES) ?? new ContextFinder(text, PERSON_NAME_CUES);
    for (const position of cues.positions()) {
      const candidate = nameAfterCue(text, position);
      if (candidate) found.push(candidate);
    }
    return found;
  },
};

interface Token {
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

/**
 * Runs of two or more capitalised words separated by single spaces (a lone capitalised word is
 * never a name here, and most are sentence starts: no token is built for those).
 */
function* capitalisedRuns(text: string): Generator<Token[]> {
  let run: Token[] = [];
  // The previous word, kept as offsets until a second word makes it part of a run.
  let lastStart = -1;
  let lastEnd = -1;
  CAPITAL_START.lastIndex = 0;
  while (CAPITAL_START.test(text)) {
    const start = CAPITAL_START.lastIndex - 1;
    CAPITALISED_WORD.lastIndex = start;
    if (!CAPITALISED_WORD.test(text)) continue;
    const end = CAPITALISED_WORD.lastIndex;
    CAPITAL_START.lastIndex = end;
    if (lastEnd !== -1 && start === lastEnd + 1 && text[lastEnd] === ' ') {
      if (run.length === 0) run.push(token(text, lastStart, lastEnd));
      run.push(token(text, start, end));
    } else if (run.length > 0) {
      yield run;
      run = [];
    }
    lastStart = start;
    lastEnd = end;
  }
  if (run.length > 0) yield run;
}

function token(text: string, start: number, end: number): Token {
  return { start, end, word: text.slice(start, end) };
}

function isFirstName(word: string): boolean {
  const lower = word.toLowerCase();
  if (!lower.includes('-')) return FIRST_NAMES.has(lower);
  return lower.split('-').every((part) => FIRST_NAMES.has(part));
}

function isSurname(word: string, listedOnly = false): boolean {
  const lower = word.toLowerCase();
  if (lower.split('-').some((part) => SURNAMES.has(part))) return true;
  return !listedOnly && SURNAME_SHAPE.test(word);
}

function startsSentence(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t')) index--;
  return index < 0 || SENTENCE_END.test(text[index]!);
}

function findInRun(text: string, run: Token[], found: PiiCandidate[]): void {
  let i = 0;
  while (i < run.length) {
    const first = run[i]!;
    let end = -1;
    let confidence = 0;
    if (isFirstName(first.word)) {
      // First name, an optional middle name, then a surname.
      for (let j = Math.min(run.length - 1, i + 2); j > i; j--) {
        const middleOk = j === i + 1 || isFirstName(run[i + 1]!.word);
        if (middleOk && isSurname(run[j]!.word)) {
          end = j;
          confidence = CONFIDENCE_LISTED + (isSurname(run[j]!.word, true) ? 0.05 : 0);
          break;
        }
      }
      // A listed first name and any capitalised word after it: "Anna Öztürk", "Erik Nguyen".
      const next = run[i + 1];
      if (
        end === -1 &&
        next &&
        !AMBIGUOUS_FIRST.has(first.word.toLowerCase()) &&
        !ORGANISATION.test(next.word) &&
        !isFirstName(next.word)
      ) {
        end = i + 1;
        confidence = CONFIDENCE_FIRST_ONLY;
      }
    } else if (
      i + 1 < run.length &&
      isSurname(run[i + 1]!.word, true) &&
      !startsSentence(text, first.start) &&
      !ORGANISATION.test(first.word)
    ) {
      end = i + 1;
      confidence = CONFIDENCE_SURNAME_ONLY;
    }
    if (end === -1) {
      i++;
      continue;
    }
    found.push({
      start: first.start,
      end: run[end]!.end,
      type: 'person-name',
      valid: true,
      confidence,
    });
    i = end + 1;
  }
}

function nameAfterCue(text: string, position: number): PiiCandidate | undefined {
  let cueEnd = -1;
  for (const pattern of cueEnds.get(text[position]!.toLowerCase()) ?? []) {
    pattern.lastIndex = position;
    if (pattern.test(text)) cueEnd = Math.max(cueEnd, pattern.lastIndex);
  }
  if (cueEnd === -1) return undefined;
  NAME_AFTER_CUE.lastIndex = cueEnd;
  const match = NAME_AFTER_CUE.exec(text);
  if (!match?.indices) return undefined;
  const words = [1, 2, 3]
    .map((group) => ({ word: match[group], at: match.indices![group] }))
    .filter((entry): entry is { word: string; at: [number, number] } =>
      Boolean(entry.word && entry.at),
    );
  const first = words[0];
  if (!first || ORGANISATION.test(first.word) || ROLE.test(first.word)) return undefined;
  const lowerCase = !/^\p{Lu}/u.test(first.word);
  // Lower case only for a listed first name ("jag heter anna svensson").
  if (lowerCase && !isFirstName(first.word)) return undefined;
  let last = first;
  for (const next of words.slice(1)) {
    const fits = lowerCase
      ? isSurname(capitalise(next.word)) || isFirstName(next.word)
      : /^\p{Lu}/u.test(next.word);
    if (!fits || ORGANISATION.test(next.word)) break;
    last = next;
  }
  return {
    start: first.at[0],
    end: last.at[1],
    type: 'person-name',
    valid: true,
    confidence: CONFIDENCE_CUE,
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
