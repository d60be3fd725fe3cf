/** A piece of the input text. `start`/`end` are UTF-16 offsets, so `text.slice(start, end) === span.text`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type Locale = 'sv' | 'en';

export function makeSpan(source: string, start: number, end: number): Span {
  return { start, end, text: source.slice(start, end) };
}

/** Narrows [start, end) so it neither starts nor ends with whitespace. */
export function trimmedSpan(source: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && isSpace(source.charCodeAt(s))) s++;
  while (e > s && isSpace(source.charCodeAt(e - 1))) e--;
  return s < e ? makeSpan(source, s, e) : undefined;
}

export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0xfeff
  );
}
