import { CONTEXT_WINDOW, CONTEXT_WINDOW_AFTER } from './context.js';

/** How far back a scan may look for a place to start before it starts where it last stopped. */
const MAX_WALK_BACK = 256;

/**
 * The matches of `shape` (a global regex) that can be near one of `positions` (context words,
 * ascending), for recognisers that report nothing without a context word: only the stretches
 * around the words are searched, so a text without them costs nothing. The matches are exactly
 * those of `text.matchAll(shape)` that start in those stretches, because every scan starts
 * where a scan of the whole text would be in step with it: where an earlier scan stopped, or
 * right after a character that no match can contain (`canBeInside` says false).
 * `longestMatch` bounds the length of a match. The regex is shared: consume each match before
 * asking for the next.
 */
export function* matchesNearContext(
  text: string,
  shape: RegExp,
  positions: readonly number[],
  longestMatch: number,
  canBeInside: (code: number) => boolean,
): Generator<RegExpExecArray> {
  // A scan from the start of the text would be searching from here, with nothing pending.
  let inStep = 0;
  for (const position of positions) {
    const first = position - CONTEXT_WINDOW_AFTER - longestMatch;
    const last = position + CONTEXT_WINDOW;
    if (last < inStep) continue;
    shape.lastIndex = stepPoint(text, Math.max(inStep, first), inStep, canBeInside);
    let match = shape.exec(text);
    for (; match; match = shape.exec(text)) {
      if (match.index > last) break;
      yield match;
      if (match[0].length === 0) shape.lastIndex++;
      inStep = shape.lastIndex;
    }
    // No match left anywhere, or the next one lies beyond this stretch: resume from there.
    inStep = match ? match.index : text.length;
  }
}

/** `from`, moved back to just after a character no match can contain; `floor` if that is far. */
function stepPoint(
  text: string,
  from: number,
  floor: number,
  canBeInside: (code: number) => boolean,
): number {
  let start = from;
  while (start > floor && canBeInside(text.charCodeAt(start - 1))) {
    if (from - start >= MAX_WALK_BACK) return floor;
    start--;
  }
  return start;
}

/** Digits, spaces, dashes and commas: the characters of a printed account or giro number. */
export function isNumberPunctuation(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x20 || code === 0x2d || code === 0x2c;
}
