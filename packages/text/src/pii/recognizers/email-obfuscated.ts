import type { PiiCandidate, SyncRecognizer } from '../types.js';

/**
 * E-mail addresses written to dodge harvesters or spoken aloud: "anna[at]kommun.se",
 * "anna (snabel-a) gmail.com", "anna punkt svensson at gmail dot com",
 * "anna(at)kommun(punkt)se". We look for the "at" first (rare in Swedish prose), then read
 * dot-joined labels backwards and forwards a bounded distance, and require a known top-level
 * domain at the end, so "titta at the end" or "snabel-a på tangentbordet" are not addresses.
 */
const AT_WORD = '(?:at|[sſ]nabel-?a|@)';
const BRACKETED_AT = String.raw`[[({<]\s?${AT_WORD}\s?[\])}>]\s?`;
/**
 * "[at]", " (snabel-a) ", " at ", "@". A plain "@" counts only before a letter (AFTER_AT,
 * checked in code). Written without the unicode flag, with each alternative starting at its
 * first character (whitespace, a bracket or "@"), which irregexp scans faster; the long s
 * that Unicode case folding equates with "s" is spelt out, so the matches are the same as
 * with the flag.
 */
const AT = new RegExp(String.raw`${BRACKETED_AT}|\s(?:${BRACKETED_AT}|${AT_WORD}\s)|@`, 'gi');
const AFTER_AT = /\s?[[({<]?\s?\p{L}/uy;
const LABEL = String.raw`[\p{L}\p{N}_%+-]{1,64}`;
const DOT = String.raw`(?:\.|\s?[[({<]\s?(?:dot|punkt)\s?[\])}>]\s?|\s(?:dot|punkt)\s)`;
const LABEL_CHAR = /[\p{L}\p{N}_%+-]/u;
/** A dot token ending right where a label starts (checked on a short tail). */
const DOT_BEFORE = new RegExp(`${DOT}$`, 'iu');
const MAX_LABEL = 64;
const MAX_LOCAL_LABELS = 4;
const DOMAIN_AFTER = new RegExp(`${LABEL}(?:${DOT}${LABEL}){1,4}`, 'iuy');
const DOT_SPLIT = new RegExp(DOT, 'giu');
const SPOKEN_DOT = /\s?[[({<]?\s?(?:dot|punkt)\b/iu;

/** Top-level domains people in Sweden write; enough to tell an address from a sentence. */
const TOP_LEVEL = new Set(
  'se nu com net org eu info io fi no dk is de uk fr es it nl be ch at pl ee lv lt ax biz me co app dev online email gov edu int tv cc us ca au'.split(
    ' ',
  ),
);
const NOT_A_LABEL = new Set(['dot', 'punkt', 'at', 'snabel-a']);

export const obfuscatedEmailRecognizer: SyncRecognizer = {
  id: 'email-obfuscated',
  types: ['email'],
  contextWords: [
    'e-post',
    'epost',
    'e-postadress',
    'mejl',
    'mail',
    'mailadress',
    'e-mail',
    'email',
  ],
  detect(text) {
    const found: PiiCandidate[] = [];
    for (const at of text.matchAll(AT)) {
      const atStart = at.index;
      const atEnd = atStart + at[0].length;
      if (at[0] === '@') {
        AFTER_AT.lastIndex = atEnd;
        if (!AFTER_AT.test(text)) continue;
      }
      // The domain is the cheap, selective test ("at the end" fails here), so it goes first.
      DOMAIN_AFTER.lastIndex = atEnd;
      const domain = DOMAIN_AFTER.exec(text);
      if (!domain) continue;
      const domainEnd = trimToTopLevel(domain[0]);
      if (domainEnd === 0) continue;
      const plainAt = at[0] === '@';
      const domainText = domain[0].slice(0, domainEnd);
      // A plain address is the e-mail recogniser's; with "@" this one takes a spoken domain only.
      if (plainAt && !SPOKEN_DOT.test(domainText)) continue;
      const localStart = localPartStart(text, atStart);
      if (localStart === atStart) continue;
      const start = localStart;
      const previous = found[found.length - 1];
      if (previous && previous.end > start) continue;
      found.push({
        start,
        end: atEnd + domainEnd,
        type: 'email',
        valid: true,
        confidence: /[[({<]/.test(at[0]) ? 0.85 : 0.8,
      });
    }
    return found;
  },
};

/**
 * Walks back from the "at" over labels joined by dot tokens ("anna punkt svensson"): linear in
 * the length of the local part, where a regex anchored at the end would retry every start.
 */
function localPartStart(text: string, atStart: number): number {
  let start = atStart;
  for (let labels = 0; labels < MAX_LOCAL_LABELS; labels++) {
    let labelStart = start;
    while (
      labelStart > 0 &&
      start - labelStart < MAX_LABEL &&
      LABEL_CHAR.test(text[labelStart - 1]!)
    )
      labelStart--;
    if (labelStart === start) return labels === 0 ? atStart : start;
    const label = text.slice(labelStart, start).toLowerCase();
    if (NOT_A_LABEL.has(label)) return labels === 0 ? atStart : start;
    start = labelStart;
    const dot = DOT_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    if (!dot) break;
    const beforeDot = start - dot[0].length;
    if (beforeDot === 0 || !LABEL_CHAR.test(text[beforeDot - 1]!)) break;
    start = beforeDot;
  }
  // A local part never starts right after a letter, digit or dot (we would be mid-word).
  return start > 0 && /[\p{L}\p{N}_%+.-]/u.test(text[start - 1]!) ? atStart : start;
}

/** Length of the domain up to its last label that is a top-level domain (at least two labels). */
function trimToTopLevel(domain: string): number {
  const pieces: Array<{ end: number; label: string }> = [];
  let cursor = 0;
  for (const dot of domain.matchAll(DOT_SPLIT)) {
    pieces.push({ end: dot.index, label: domain.slice(cursor, dot.index) });
    cursor = dot.index + dot[0].length;
  }
  pieces.push({ end: domain.length, label: domain.slice(cursor) });
  if (pieces.some((piece) => NOT_A_LABEL.has(piece.label.toLowerCase()))) {
    const firstBad = pieces.findIndex((piece) => NOT_A_LABEL.has(piece.label.toLowerCase()));
    pieces.length = firstBad;
  }
  for (let last = pieces.length - 1; last >= 1; last--) {
    if (TOP_LEVEL.has(pieces[last]!.label.toLowerCase())) return pieces[last]!.end;
  }
  return 0;
}
