/**
 * Splits text into blocks that a sentence never crosses: paragraphs, headings and list items.
 * ICU's sentence rules treat a single line break as ordinary space, so a heading without a full
 * stop would run into the next sentence; text copied from a PDF, on the other hand, breaks
 * every line inside its sentences, sometimes with a blank line between the wrapped lines.
 * So a line break ends a block unless the lines around it read as one wrapped sentence:
 * - the line before does not end a sentence (. ! ? : ; …) and is not a list item's end; and
 * - the next line starts in lower case (or with a digit after a lower-case word or comma), or
 *   the line before is as long as the text's wrapped lines (a heading is short; a PDF line
 *   that wraps before a capitalised name is not) and sits inside its paragraph (no wider gap
 *   before it than after it: else it is a heading) or ends in a word that cannot end a
 *   sentence ("hos", "och", "the").
 * Two or more blank lines always end a block, and so does a line that starts a list item.
 */
export interface Block {
  readonly start: number;
  readonly end: number;
}

const ENDS_SENTENCE = /[.!?:;…]["'”’»)\]]*$/u;
const ENDS_LOWER_OR_CONTINUATION = /[\p{Ll},\-–‐‑\u00ad]$/u;
const STARTS_LOWER = /^\s*["'«”(]*\p{Ll}/u;
const STARTS_DIGIT = /^\s*\d/u;
const LIST_MARKER = /^\s*(?:[-–•*▪◦·]|\d{1,3}[.)]|[a-zA-Z][.)])\s/u;
/** A line at least this share of the text's wrap width counts as a wrapped (full) line. */
const WRAPPED_SHARE = 0.6;
/** Below this width no line is taken for a wrapped one (short lines are lists and headings). */
const MIN_WRAP_WIDTH = 30;

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function splitBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const width = wrapWidth(lines);
  const blocks: Block[] = [];
  let blockStart = 0;
  let previous: Line | undefined;
  let blankLines = 0;
  let gapBeforePrevious = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.text.trim().length === 0) {
      blankLines++;
      continue;
    }
    if (
      previous &&
      !continuesSentence(
        previous.text,
        line.text,
        { before: gapBeforePrevious, after: blankLines },
        width,
      )
    ) {
      blocks.push({ start: blockStart, end: previous.end });
      blockStart = line.start;
    }
    gapBeforePrevious = previous ? blankLines : Number.POSITIVE_INFINITY;
    previous = line;
    blankLines = 0;
  }
  blocks.push({ start: blockStart, end: text.length });
  return blocks;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** The length most wrapped lines reach: the 75th percentile of the non-empty line lengths. */
function wrapWidth(lines: readonly Line[]): number {
  const lengths = lines
    .map((line) => line.text.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  if (lengths.length < 3) return 0;
  return lengths[Math.floor(lengths.length * 0.75)]!;
}

/** Words that cannot end a sentence or a heading: the sentence goes on on the next line. */
const OPEN_ENDING =
  /(?:^|\s)(?:och|eller|samt|att|som|av|hos|för|till|på|i|med|om|från|enligt|vid|mot|under|över|en|ett|den|det|de|the|a|an|and|or|of|to|in|on|at|by|for|from|with|under)$/iu;

function continuesSentence(
  line: string,
  nextLine: string,
  gap: { readonly before: number; readonly after: number },
  width: number,
): boolean {
  const blankLines = gap.after;
  if (blankLines > 1) return false;
  const trimmed = line.trimEnd();
  if (LIST_MARKER.test(nextLine)) return false;
  // Only the last few characters matter; slicing keeps the regex work per line constant.
  const tail = trimmed.slice(-4);
  if (ENDS_SENTENCE.test(tail)) return false;
  const head = nextLine.slice(0, 8);
  const fullLine = width >= MIN_WRAP_WIDTH && trimmed.trim().length >= width * WRAPPED_SHARE;
  if (STARTS_LOWER.test(head)) return blankLines === 0 || fullLine || /-$/.test(tail);
  if (STARTS_DIGIT.test(head)) return fullLine || ENDS_LOWER_OR_CONTINUATION.test(tail);
  // Capitalised next line: a name or a noun continuing a full wrapped line, not a heading.
  if (!fullLine || LIST_MARKER.test(line)) return false;
  return gap.before <= gap.after || OPEN_ENDING.test(trimmed.slice(-12));
}
