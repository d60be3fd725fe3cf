import type { FoundFact } from './types.js';

// Thousands grouped by space (any kind), dot or comma; decimals after a comma or dot.
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SUFFIX = '(?:kr|kronor|krona|SEK|€|euro|euros|EUR)';
const PREFIX = '(?:SEK|EUR|€)';
/** "per månad", "/mån", "i månaden", "a month": part of the amount a citizen reads. */
const RATE = String.raw`(?:\s?\/\s?(?:mån|månad|år|vecka|dag|month|year|week|day)|\s(?:per|i|om|a|an|each)\s(?:månad|månaden|mån|år|året|vecka|veckan|dag|dagen|month|year|week|day))?`;

const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\d,.])(?:(?<n1>${NUMBER})(?:,-|:-)?\s?(?<c1>${SUFFIX})|(?<c2>${PREFIX})\s?(?<n2>${NUMBER})|(?<n3>${NUMBER})(?::-|,-)(?=\s|$|[.,;!?)]))(?![\p{L}\d])${RATE}`,
  'giu',
);

/** Amounts of money: "1 500 kronor", "12 300 kr/mån", "SEK 1,500", "€45.50", "2 400:-". */
export function findAmounts(text: string): FoundFact[] {
  const facts: FoundFact[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const number = groups.n1 ?? groups.n2 ?? groups.n3 ?? '';
    const currency = /€|eur/i.test(groups.c1 ?? groups.c2 ?? '') ? 'EUR' : 'SEK';
    const start = match.index;
    facts.push({
      kind: 'amount',
      start,
      end: start + match[0].length,
      amount: { value: parseNumber(number), currency },
    });
  }
  return facts;
}

/**
 * "1 500" and "1.500" (Swedish grouping), "1,500" (English grouping), "45,50" and "45.50"
 * (decimals): a separator followed by exactly three digits groups thousands; by one or two, it
 * marks decimals.
 */
export function parseNumber(written: string): number {
  const compact = written.replace(/[ \u00a0\u202f]/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = decimal ? compact.slice(0, decimal.index) : compact;
  const value = Number(whole.replace(/[.,]/g, ''));
  return decimal ? value + Number(`0.${decimal[1]}`) : value;
}
