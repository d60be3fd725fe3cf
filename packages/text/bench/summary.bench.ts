/**
 * The no-model fallbacks on official letters (tests' own, sv and en): LIX of the extractive
 * selection against the original at each length, whether it kept what the reader must not miss,
 * and the time per call of key-facts extraction and of the selection. Prints figures; never
 * asserts on time.
 */
import { extractKeyFacts } from '../src/facts/key-facts.js';
import { lix } from '../src/readability/lix.js';
import { type SummaryLength, summarizeExtractive } from '../src/summary/extractive.js';
import { LETTERS } from '../test/summary-letters.js';

const LENGTHS: readonly SummaryLength[] = ['short', 'medium', 'long'];

/** Median milliseconds per call over enough calls to fill ~minMs. */
function msPerCall(fn: () => unknown, minMs = 200): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  const until = performance.now() + minMs;
  while (performance.now() < until || samples.length < 11) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

console.log('LIX of the extractive fallback vs the original (lower is easier), sentences kept');
console.log(`${'letter'.padEnd(42)} ${pad('orig', 5)} ${LENGTHS.map((l) => pad(l, 12)).join(' ')}`);
const totals: Record<
  'sv' | 'en',
  { original: number; selection: Record<SummaryLength, number>; n: number }
> = {
  sv: { original: 0, selection: { short: 0, medium: 0, long: 0 }, n: 0 },
  en: { original: 0, selection: { short: 0, medium: 0, long: 0 }, n: 0 },
};
for (const letter of LETTERS) {
  const original = lix(letter.text);
  const total = totals[letter.locale];
  total.original += original;
  total.n++;
  const cells = LENGTHS.map((length) => {
    const summary = summarizeExtractive(letter.text, { length });
    const value = lix(summary.text);
    total.selection[length] += value;
    return pad(`${value.toFixed(1)} ${summary.sentences.length}/${summary.totalSentences}`, 12);
  });
  console.log(
    `${`${letter.name} (${letter.locale})`.padEnd(42)} ${pad(original.toFixed(1), 5)} ${cells.join(' ')}`,
  );
}
for (const locale of ['sv', 'en'] as const) {
  const total = totals[locale];
  const mean = (value: number) => (value / total.n).toFixed(1);
  console.log(
    `${`mean ${locale}`.padEnd(42)} ${pad(mean(total.original), 5)} ${LENGTHS.map((l) => pad(mean(total.selection[l]), 12)).join(' ')}`,
  );
}

console.log('\nTime per call (median), one letter at a time');
let factsMs = 0;
let summaryMs = 0;
let chars = 0;
let facts = 0;
for (const letter of LETTERS) {
  factsMs += msPerCall(() => extractKeyFacts(letter.text));
  summaryMs += msPerCall(() => summarizeExtractive(letter.text));
  chars += letter.text.length;
  facts += extractKeyFacts(letter.text).length;
}
const n = LETTERS.length;
console.log(
  `extractKeyFacts:     ${(factsMs / n).toFixed(2)} ms per letter (mean ${Math.round(chars / n)} chars, ${(facts / n).toFixed(1)} facts)`,
);
console.log(`summarizeExtractive: ${(summaryMs / n).toFixed(2)} ms per letter (medium)`);
