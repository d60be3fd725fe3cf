/**
 * Splits text into blocks that a sentence never crosses: paragraphs, headings and list items.
 * ICU's sentence rules treat a single line break as ordinary space, so a heading without a full
 * stop would run into the next sentence. We break at a line break unless the text is clearly a
 * hard-wrapped sentence (previous line ends in a lower-case letter, comma or hyphen and the next
 * line starts in lower case).
 */
export interface Block {
  readonly start: number;
  readonly end: number;
}

const LOWER_OR_CONTINUATION = /[\p{Ll},;\-–]$/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;
const LIST_MARKER = /^\s*(?:[-–•*▪◦·]|\d{1,3}[.)]|[a-zA-Z][.)])\s/u;

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = 0;
  let lineStart = 0;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    const nextStart = lineEnd + 1;
    if (nextStart > length) break;
    const nextEnd = nextLineEnd(text, nextStart);
    const line = text.slice(lineStart, lineEnd);
    const nextLine = text.slice(nextStart, nextEnd);
    if (!continuesSentence(line, nextLine)) {
      blocks.push({ start: blockStart, end: lineEnd });
      blockStart = nextStart;
    }
    lineStart = nextStart;
  }
  blocks.push({ start: blockStart, end: length });
  return blocks;
}

function nextLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function continuesSentence(line: string, nextLine: string): boolean {
  const trimmed = line.trimEnd();
  if (trimmed.length === 0 || nextLine.trim().length === 0) return false;
  if (LIST_MARKER.test(nextLine)) return false;
  // Only the last few characters matter; slicing keeps the regex work per line constant.
  return LOWER_OR_CONTINUATION.test(trimmed.slice(-2)) && STARTS_LOWER.test(nextLine.slice(0, 8));
}
