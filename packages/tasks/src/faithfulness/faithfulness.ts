/**
 * Faithfulness check for a summary: every number, date, amount, identifier and proper name in
 * the summary must occur in the source. Pure; no model.
 */
export type ClaimKind = 'number' | 'name';

export interface Claim {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: ClaimKind;
}

export interface FaithfulnessPiece {
  readonly text: string;
  /** Set when the piece is a claim that does not occur in the source. */
  readonly unverified?: ClaimKind;
}

export interface FaithfulnessReport {
  readonly pieces: readonly FaithfulnessPiece[];
  readonly unverified: readonly Claim[];
}

// Tokens with a digit: 1 500 kr, 2026-03-15, 15.3.2026, Dnr 2026/1234, AB12C, 08-123 45 67.
const NUMERIC = /[\p{L}]*\d(?:[\d\p{L}.,:/-]|[ \u00a0\u202f](?=\d))*/gu;
// Capitalised words and acronyms: Malmö, Försäkringskassan, CSN, Anna-Lena.
const CAPITALISED = /\p{Lu}[\p{L}-]*/gu;
const SENTENCE_START = /(^|[.!?:]\s+|\n\s*|[-•*]\s+)$/u;

function compact(value: string): string {
  return value.replace(/[\s\u00a0\u202f]+/g, '').toLowerCase();
}

function digits(value: string): string {
  return value.replace(/\D+/g, '');
}

/** Claims in `summary` worth checking against the source. */
export function findClaims(summary: string): Claim[] {
  const claims: Claim[] = [];
  for (const m of summary.matchAll(NUMERIC)) {
    const text = m[0].replace(/[.,:/-]+$/u, '');
    if (text) claims.push({ start: m.index, end: m.index + text.length, text, kind: 'number' });
  }
  for (const m of summary.matchAll(CAPITALISED)) {
    const start = m.index;
    const text = m[0].replace(/-+$/u, '');
    if (text.length < 2) continue;
    if (claims.some((c) => start < c.end && c.start < start + text.length)) continue;
    const acronym = text === text.toUpperCase();
    // A capital after a sentence start is grammar, not a name (unless it is an acronym).
    if (!acronym && SENTENCE_START.test(summary.slice(Math.max(0, start - 4), start))) continue;
    claims.push({ start, end: start + text.length, text, kind: 'name' });
  }
  return claims.sort((a, b) => a.start - b.start);
}

/** Checks each claim in `summary` against `source` and splits the summary for rendering. */
export function checkFaithfulness(summary: string, source: string): FaithfulnessReport {
  const compactSource = compact(source);
  const sourceNumbers = new Set(
    [...source.matchAll(NUMERIC)].map((m) => digits(m[0])).filter(Boolean),
  );
  const sourceWords = new Set(
    [...source.matchAll(/[\p{L}\d-]+/gu)].map((m) => m[0].toLowerCase().replace(/-+$/u, '')),
  );
  const holds = (claim: Claim): boolean => {
    if (claim.kind === 'number') {
      if (sourceNumbers.has(digits(claim.text))) return true;
      const needle = compact(claim.text);
      const at = compactSource.indexOf(needle);
      if (at < 0) return false;
      // Do not accept "150" inside "1500".
      const before = compactSource[at - 1] ?? '';
      const after = compactSource[at + needle.length] ?? '';
      return !/\d/.test(before) && !/\d/.test(after);
    }
    const lower = claim.text.toLowerCase();
    if (sourceWords.has(lower)) return true;
    // Swedish genitive and inflection: "Malmös" for "Malmö", "Försäkringskassans".
    return [...sourceWords].some(
      (w) => w.length >= 3 && lower.startsWith(w) && lower.length - w.length <= 2,
    );
  };
  const unverified = findClaims(summary).filter((c) => !holds(c));
  const pieces: FaithfulnessPiece[] = [];
  let cursor = 0;
  for (const c of unverified) {
    if (c.start > cursor) pieces.push({ text: summary.slice(cursor, c.start) });
    pieces.push({ text: c.text, unverified: c.kind });
    cursor = c.end;
  }
  if (cursor < summary.length) pieces.push({ text: summary.slice(cursor) });
  return { pieces, unverified };
}
