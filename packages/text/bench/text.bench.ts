/**
 * Throughput of detect + mask on a generated Swedish corpus, next to redact-pii (a widely used
 * JavaScript PII library), and recall on the planted Swedish identifiers for both.
 * Prints figures; never asserts on time.
 *
 * Recall is strict for Klar (a detected span must equal the planted value and have its type)
 * and lenient for redact-pii (it counts when the value no longer appears verbatim in its output,
 * even if only part of it was replaced), because redact-pii reports no spans or Swedish types.
 */
import { createRequire } from 'node:module';
import { detectPersonalData, mask } from '../src/index.js';
import { buildCorpus } from './corpus.js';
import { interleaved } from './timing.js';

interface Redactor {
  redact(text: string): string;
}

const require = createRequire(import.meta.url);

function loadRedactPii(): Redactor | undefined {
  try {
    const { SyncRedactor } = require('redact-pii') as { SyncRedactor: new () => Redactor };
    return new SyncRedactor();
  } catch (error) {
    console.log(
      `redact-pii not available (${(error as Error).message}); install it with npm install -D redact-pii`,
    );
    return undefined;
  }
}

const lines = buildCorpus(10_000);
const corpus = lines.map((line) => line.text).join('\n');
const plantedLines = lines.filter((line) => line.planted);
console.log(
  `corpus: ${lines.length} lines, ${(Buffer.byteLength(corpus) / 1e6).toFixed(2)} MB, ${plantedLines.length} planted identifiers`,
);

const redactor = loadRedactPii();
const rates = interleaved(corpus, {
  detect: (text) => detectPersonalData(text),
  mask: (text) => mask(text, { operator: 'placeholder' }),
  ...(redactor ? { redact: (text: string) => redactor.redact(text) } : {}),
});
const klarDetect = rates.detect!;
const klarMask = rates.mask!;
const redactRate = rates.redact ?? Number.NaN;

const perType = new Map<string, { total: number; klar: number; redact: number }>();
for (const line of plantedLines) {
  const planted = line.planted!;
  const entry = perType.get(planted.type) ?? { total: 0, klar: 0, redact: 0 };
  entry.total++;
  if (
    detectPersonalData(line.text).some(
      (span) => span.type === planted.type && span.text === planted.value,
    )
  )
    entry.klar++;
  if (redactor && !redactor.redact(line.text).includes(planted.value)) entry.redact++;
  perType.set(planted.type, entry);
}

const falsePositives = lines
  .filter((line) => !line.planted)
  .reduce((sum, line) => sum + detectPersonalData(line.text).length, 0);

const fmt = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(2));
console.log('\nthroughput (MB/s of UTF-8 per CPU second, median of 7 interleaved rounds)');
console.log(`  @klar/text detectPersonalData     ${fmt(klarDetect)}`);
console.log(`  @klar/text mask (detect + mask)   ${fmt(klarMask)}`);
console.log(`  redact-pii SyncRedactor.redact    ${fmt(redactRate)}`);
console.log(`  speed-up (mask vs redact-pii)     ${fmt(klarMask / redactRate)}×`);

console.log('\nrecall on planted Swedish identifiers');
console.log(
  `  ${'type'.padEnd(22)}${'n'.padStart(6)}${'@klar/text'.padStart(12)}${'redact-pii'.padStart(12)}`,
);
let total = 0;
let klarHits = 0;
let redactHits = 0;
for (const [type, entry] of [...perType].sort()) {
  total += entry.total;
  klarHits += entry.klar;
  redactHits += entry.redact;
  console.log(
    `  ${type.padEnd(22)}${String(entry.total).padStart(6)}${fmt(entry.klar / entry.total).padStart(12)}${(redactor ? fmt(entry.redact / entry.total) : 'n/a').padStart(12)}`,
  );
}
console.log(
  `  ${'all'.padEnd(22)}${String(total).padStart(6)}${fmt(klarHits / total).padStart(12)}${(redactor ? fmt(redactHits / total) : 'n/a').padStart(12)}`,
);
console.log(
  `\n@klar/text detections on ${lines.length - plantedLines.length} lines without personal data (hard negatives): ${falsePositives}`,
);
