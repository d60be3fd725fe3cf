/**
 * Text pasted from Word, PDFs and phones carries look-alike characters: en and em dashes, the
 * Unicode hyphen and minus, no-break and thin spaces, full-width digits and letters. Rule
 * recognisers see a folded copy where each such character is replaced by its plain ASCII
 * twin. Every replacement is one UTF-16 unit for one, so offsets found in the folded copy are
 * offsets in the original text, and the reported `text` is sliced from the original.
 */

/** The ASCII twin of a foldable UTF-16 code unit, or -1 when it stays as it is. */
function foldedCode(code: number): number {
  if (code < 0xa0) return code === 0x09 ? 0x20 : -1; // tab; the rest of ASCII stays
  if (code === 0xa0) return 0x20;
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0; // full width
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63)
    return 0x2d; // '-'
  if (code === 0x2024) return 0x2e; // '.'
  if (code === 0xfe6b) return 0x40; // '@'
  if ((code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000)
    return 0x20;
  return -1;
}

/** Every code unit foldedCode() changes, for a native scan between them. */
const FOLDABLE =
  /[\t\u00a0\u2000-\u200a\u2010-\u2015\u2024\u202f\u205f\u2212\u3000\ufe58\ufe63\ufe6b\uff01-\uff5e]/g;

/**
 * The folded copy; the same string when there is nothing to fold (the common case). A native
 * regex scan jumps from one foldable character to the next (test() and lastIndex: no match
 * arrays), which is faster than a char-code loop over every character; the pieces between are
 * joined once.
 */
export function foldForDetection(text: string): string {
  let parts: string[] | undefined;
  let copied = 0;
  FOLDABLE.lastIndex = 0;
  while (FOLDABLE.test(text)) {
    const index = FOLDABLE.lastIndex - 1;
    parts ??= [];
    parts.push(text.slice(copied, index), String.fromCharCode(foldedCode(text.charCodeAt(index))));
    copied = index + 1;
  }
  if (!parts) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
