import { assertText, KlarTextError } from '../errors.js';
import { findAmounts } from '../facts/amounts.js';
import { isObligation, type SentenceCue, sentenceCues } from '../facts/cues.js';
import { findDatesAndDeadlines } from '../facts/dates.js';
import { guessLocale } from '../facts/language.js';
import { countText, LONG_WORD_LETTERS, letterCount } from '../readability/counting.js';
import { lix, lixFromCounts } from '../readability/lix.js';
import type { Locale, Span } from '../span.js';
import { type Candidate, type SelectionReason, select } from './selection.js';
import { ENGLISH_STOP_WORDS, SWEDISH_STOP_WORDS } from './stopwords.js';

export type { SelectionReason } from './selection.js';

/** How much of the text to keep. */
export type SummaryLength = 'short' | 'medium' | 'long';

export interface ExtractiveSummaryOptions {
  /** short: 3 sentences; medium: 35 % (at least 4); long: 55 % (at least 6); never all of a text over 3. Default medium. */
  length?: SummaryLength;
  /** Exactly this many sentences at most; overrides `length`. */
  sentences?: number;
  /** Language of the text; detected from common words when left out. */
  locale?: Locale;
}

/** One sentence of the original, kept as it stands. */
export interface SelectedSentence extends Span {
  /** Its position among the original's sentences (0-based). */
  readonly index: number;
  /** Why it was kept: what it is about ('obligation', 'deadline', …), or 'central'. */
  readonly reasons: readonly SelectionReason[];
}

/**
 * A selection of sentences from the original, not a rewrite: every sentence is a span of the
 * input, in the original order, so a view can say so plainly and link each one to its place.
 */
export interface ExtractiveSummary {
  readonly kind: 'sentence-selection';
  /** The selected sentences, one per line. */
  readonly text: string;
  readonly sentences: SelectedSentence[];
  /** How many sentences the original has. */
  readonly totalSentences: number;
  /** LIX of the original and of the selection (lower is easier). */
  readonly lix: { readonly original: number; readonly selection: number };
}

/** Sentences to keep for a text of n; always fewer than n once n > 3, so it stays a selection. */
const LENGTHS: Record<SummaryLength, (sentences: number) => number> = {
  short: (n) => Math.min(3, Math.max(1, n - 1)),
  medium: (n) => (n <= 3 ? n : Math.min(n - 1, Math.max(4, Math.round(n * 0.35)))),
  long: (n) => (n <= 3 ? n : Math.min(n - 1, Math.max(6, Math.round(n * 0.55)))),
};
const WORD = /[\p{L}\p{N}]+/gu;
/** Crude stemming: compare on the first letters so "ansökan/ansökningar" meet. */
const STEM_LENGTH = 6;
const ENDS_SENTENCE = /[.!?…:;]["'»”’)]*$/u;
const HARD_WRAP_END = /[\p{Ll},;\-–]$/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;
const GREETING_OR_SIGNATURE =
  /^(?:hej|hejsan|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|mvh|dear|kind regards|best regards|yours (?:sincerely|faithfully)|sincerely)(?!\p{L})/iu;

/**
 * Picks the sentences a citizen most needs, easier to read than the whole: for each kind of
 * important content (decision, paying back, what to do, deadlines, appeal, amounts) the easiest
 * sentence that says it, then central, short sentences; never headings or greetings. If the
 * selection still reads harder than the original (by LIX), its hardest optional sentences are
 * swapped for easier ones. Deterministic, near-linear in the text, no model.
 */
export function summarizeExtractive(
  text: string,
  options: ExtractiveSummaryOptions = {},
): ExtractiveSummary {
  assertText(text, 'summarizeExtractive');
  const length = options.length ?? 'medium';
  if (!(length in LENGTHS)) {
    throw new KlarTextError(
      'invalid-option',
      `summarizeExtractive: unknown length "${String(length)}". Use 'short', 'medium' or 'long'.`,
    );
  }
  if (
    options.sentences !== undefined &&
    (!Number.isInteger(options.sentences) || options.sentences < 1)
  ) {
    throw new KlarTextError(
      'invalid-option',
      'summarizeExtractive: sentences must be a whole number ≥ 1.',
    );
  }
  if (options.locale !== undefined && options.locale !== 'sv' && options.locale !== 'en') {
    throw new KlarTextError(
      'invalid-option',
      `summarizeExtractive: unknown locale "${String(options.locale)}". Use 'sv' or 'en'.`,
    );
  }
  const locale = options.locale ?? guessLocale(text);
  const counts = countText(text);
  const originalLix = lixFromCounts(
    counts.words.length,
    counts.sentences.length,
    counts.longWords.length,
  );
  const spans = counts.sentences.map((entry) => entry.sentence);
  const budget = options.sentences ?? LENGTHS[length](spans.length);

  let reasons: Map<number, SelectionReason[]>;
  if (spans.length <= budget) {
    reasons = new Map(spans.map((span, index) => [index, reasonsFor(span.text)]));
  } else {
    const centrality = centralityOf(spans, locale);
    const candidates: Candidate[] = counts.sentences.map((entry, index) => ({
      index,
      words: entry.words.length,
      longWords: entry.words.filter((word) => letterCount(word.text) > LONG_WORD_LETTERS).length,
      cues: cuesOf(entry.sentence.text),
      boilerplate: isBoilerplate(entry.sentence.text, entry.words.length),
      centrality: centrality[index] ?? 0,
    }));
    reasons = select(candidates, budget, originalLix);
  }

  const sentences: SelectedSentence[] = [...reasons.keys()]
    .sort((a, b) => a - b)
    .map((index) => ({ ...spans[index]!, index, reasons: reasons.get(index) ?? [] }));
  const joined = joinSentences(sentences);
  return {
    kind: 'sentence-selection',
    text: joined,
    sentences,
    totalSentences: spans.length,
    lix: {
      original: originalLix,
      // Counted on the joined text, exactly as a reader's lix() would count it.
      selection: lix(joined),
    },
  };
}

function cuesOf(sentence: string): SentenceCue[] {
  const cues: SentenceCue[] = sentenceCues(sentence).filter((cue) => cue !== 'obligation');
  // The fact finders know more forms than the cue words ("by 15 April", "€ 40").
  for (const fact of [...findAmounts(sentence), ...findDatesAndDeadlines(sentence)]) {
    const cue =
      fact.kind === 'amount' ? 'amount' : fact.kind === 'deadline' ? 'deadline' : undefined;
    if (cue && !cues.includes(cue)) cues.push(cue);
  }
  // The obligation cue alone ("ska") is too broad; the stricter test decides.
  if (isObligation(sentence)) cues.push('obligation');
  return cues;
}

function reasonsFor(sentence: string): SelectionReason[] {
  const cues = cuesOf(sentence);
  return cues.length > 0 ? cues : ['central'];
}

/**
 * Greetings, signatures, and headings (short, no sentence punctuation) unless they carry a
 * duty, a deadline or an amount ("Sista dag att betala: 30 april"): a heading such as "Beslut om
 * återkrav" names the topic, but the sentence that says it is what the reader needs.
 */
function isBoilerplate(sentence: string, words: number): boolean {
  if (GREETING_OR_SIGNATURE.test(sentence)) return true;
  const cues = cuesOf(sentence);
  if (!ENDS_SENTENCE.test(sentence) && words < 10)
    return !cues.some((cue) => cue === 'obligation' || cue === 'deadline' || cue === 'amount');
  return words < 4 && cues.length === 0;
}

/**
 * One sentence per line: a line break always separates them again when the text is segmented
 * (a space would not after "kap." or "t.ex."), and excerpts read best one by one. A blank line
 * where the line break alone could read as a hard wrap (lower case on both sides).
 */
function joinSentences(sentences: readonly Span[]): string {
  let joined = '';
  for (const [i, sentence] of sentences.entries()) {
    if (i > 0)
      joined +=
        HARD_WRAP_END.test(sentences[i - 1]!.text) && STARTS_LOWER.test(sentence.text)
          ? '\n\n'
          : '\n';
    joined += sentence.text;
  }
  return joined;
}

/**
 * How typical each sentence's content words are for the whole text: the mean share of sentences
 * that contain each of its terms. A mean, not a sum, so long sentences gain nothing by length
 * (the old centroid score favoured them).
 */
function centralityOf(sentences: readonly Span[], locale: Locale): number[] {
  const stopWords = locale === 'en' ? ENGLISH_STOP_WORDS : SWEDISH_STOP_WORDS;
  const terms = sentences.map((sentence) => {
    const set = new Set<string>();
    for (const [word] of sentence.text.toLocaleLowerCase(locale).matchAll(WORD)) {
      if (stopWords.has(word) || /^\d+$/.test(word) || word.length < 3) continue;
      set.add(word.slice(0, STEM_LENGTH));
    }
    return set;
  });
  const frequency = new Map<string, number>();
  for (const set of terms)
    for (const term of set) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const raw = terms.map((set) => {
    if (set.size === 0) return 0;
    let sum = 0;
    for (const term of set) sum += (frequency.get(term) ?? 1) - 1;
    return sum / set.size;
  });
  const highest = raw.reduce((max, value) => Math.max(max, value), 0);
  return raw.map((value) => (highest > 0 ? value / highest : 0));
}
