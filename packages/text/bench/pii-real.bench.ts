/**
 * Personal data as citizens really type it (issue 11), printed as figures:
 * 1. recall per class and per type on generated lines of each class (strict: a span must
 *    equal the planted value and have its type), next to redact-pii (lenient: the value no
 *    longer appears verbatim in its output);
 * 2. false positives per 10,000 words on Swedish official prose with no personal data;
 * 3. detect + mask throughput against redact-pii on a realistic mix: mostly official prose,
 *    with citizens' messages of every class in between (not the project's own clean corpus).
 */
import { createRequire } from 'node:module';
import { detectPersonalData, mask, segmentWords } from '../src/index.js';
import { OFFICIAL_PROSE } from '../test/fixtures/official-prose.js';
import { buildRealTypingCorpus } from './real-typing-corpus.js';
import { alternatingSamples, median } from './timing.js';

interface Redactor {
  redact(text: string): string;
}
const require = createRequire(import.meta.url);
function loadRedactPii(): Redactor | undefined {
  try {
    const { SyncRedactor } = require('redact-pii') as { SyncRedactor: new () => Redactor };
    return new SyncRedactor();
  } catch {
    console.log('redact-pii not available; install it with npm install -D redact-pii');
    return undefined;
  }
}
const redactor = loadRedactPii();
const fmt = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(2));

// 1. Recall per class and per type.
const lines = buildRealTypingCorpus(200);
const tally = (key: (line: (typeof lines)[number]) => string) => {
  const table = new Map<string, { n: number; klar: number; redact: number }>();
  for (const line of lines) {
    const entry = table.get(key(line)) ?? { n: 0, klar: 0, redact: 0 };
    entry.n++;
    if (detectPersonalData(line.text).some((s) => s.type === line.type && s.text === line.value))
      entry.klar++;
    if (redactor && !redactor.redact(line.text).includes(line.value)) entry.redact++;
    table.set(key(line), entry);
  }
  return table;
};
const printTable = (
  title: string,
  table: Map<string, { n: number; klar: number; redact: number }>,
) => {
  console.log(`\n${title}`);
  console.log(
    `  ${''.padEnd(30)}${'n'.padStart(6)}${'@klar/text'.padStart(12)}${'redact-pii'.padStart(12)}`,
  );
  for (const [name, entry] of table) {
    console.log(
      `  ${name.padEnd(30)}${String(entry.n).padStart(6)}${fmt(entry.klar / entry.n).padStart(12)}${(redactor ? fmt(entry.redact / entry.n) : 'n/a').padStart(12)}`,
    );
  }
};
printTable(
  'recall by class (strict for Klar, lenient for redact-pii)',
  tally((l) => l.typingClass),
);
printTable(
  'recall by type on these lines',
  tally((l) => l.type),
);

// 2. False positives per 10,000 words on official prose without personal data.
const swedish = OFFICIAL_PROSE.filter((p) => p.locale === 'sv');
let words = 0;
const falsePositives: string[] = [];
for (const { id, text } of swedish) {
  words += segmentWords(text).filter((w) => w.kind === 'word').length;
  for (const span of detectPersonalData(text))
    falsePositives.push(`${id}: ${span.type} "${span.text}"`);
}
console.log(
  `\nfalse positives on ${swedish.length} Swedish official texts (${words} words, no personal data): ${falsePositives.length} = ${fmt((falsePositives.length / words) * 10_000)} per 10,000 words`,
);
for (const entry of falsePositives) console.log(`  ${entry}`);

// 3. Throughput on a realistic mix: prose with a citizen's message after every paragraph.
const paragraphs = OFFICIAL_PROSE.flatMap((p) => p.text.split(/\n\s*\n/));
const messages = lines.map((l) => l.text);
const parts: string[] = [];
// Joined length so far (parts plus the blank lines between them), kept instead of re-joining.
let mixLength = -2;
for (let i = 0; mixLength < 300_000; i++) {
  const paragraph = paragraphs[i % paragraphs.length]!;
  const message = messages[(i * 7) % messages.length]!;
  parts.push(paragraph, message);
  mixLength += paragraph.length + message.length + 4;
}
const mix = parts.join('\n\n');
const ROUNDS = 9;
const samples = alternatingSamples(
  mix,
  {
    detect: (text) => detectPersonalData(text),
    mask: (text) => mask(text, { operator: 'placeholder' }),
    ...(redactor ? { redact: (text: string) => redactor.redact(text) } : {}),
  },
  ROUNDS,
);
const rates = Object.fromEntries(
  Object.entries(samples).map(([name, values]) => [name, median(values)]),
);
console.log(
  `\nthroughput on a realistic mix (${(Buffer.byteLength(mix) / 1e6).toFixed(2)} MB: official prose with citizens' messages), MB/s per CPU second, median of ${ROUNDS} rounds (contenders alternate call by call)`,
);
console.log(`  @klar/text detectPersonalData     ${fmt(rates.detect!)}`);
console.log(`  @klar/text mask (detect + mask)   ${fmt(rates.mask!)}`);
console.log(`  redact-pii SyncRedactor.redact    ${fmt(rates.redact ?? Number.NaN)}`);
// Inside a round the contenders alternate call by call, so a round's ratio is the fairest
// single figure; the spread shows how much the shared machine still moved it.
const roundRatios = samples.redact
  ? samples.mask!.map((value, round) => value / samples.redact![round]!)
  : [];
console.log(
  `  speed-up (mask vs redact-pii)     ${fmt(roundRatios.length ? median(roundRatios) : Number.NaN)}× median of per-round ratios, spread ${roundRatios.length ? `${fmt(Math.min(...roundRatios))}–${fmt(Math.max(...roundRatios))}` : 'n/a'}`,
);

// 4. The same material one form submission at a time (a paragraph and a citizen's message,
// about 200 characters a call), as a form field masks it: here the cost of each call counts.
if (redactor) {
  const submissions: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) submissions.push(`${parts[i]}\n\n${parts[i + 1]}`);
  const each = (fn: (text: string) => unknown) => () => {
    for (const submission of submissions) fn(submission);
  };
  const perCall = alternatingSamples(
    mix,
    {
      mask: each((text) => mask(text, { operator: 'placeholder' })),
      redact: each((text) => redactor.redact(text)),
    },
    ROUNDS,
  );
  const ratios = perCall.mask!.map((value, round) => value / perCall.redact![round]!);
  const average = Math.round(mix.length / submissions.length);
  console.log(
    `\none call per submission (${submissions.length} calls of about ${average} characters)\n  speed-up (mask vs redact-pii)     ${fmt(median(ratios))}× median of per-round ratios, spread ${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}`,
  );
}
