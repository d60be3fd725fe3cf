// Language identification on Klar's own evaluation set (test/lid/eval-set.json): accuracy per
// language, what it answers for languages outside the list and for very short input, and time per
// text. Prints figures; asserts nothing. `npm run bench -- language-detection`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LanguageDetector } from '../src/language-detector/language-detector.js';

interface Group {
  readonly id: string;
  readonly label: string;
  readonly accept?: readonly string[];
  readonly texts?: readonly string[];
  readonly items?: readonly { text: string; accept: readonly string[] }[];
}

const set = JSON.parse(
  readFileSync(new URL('../../../test/lid/eval-set.json', import.meta.url), 'utf8'),
) as { groups: Group[] };

const loadStart = performance.now();
const detector = await LanguageDetector.create({ useNative: false });
const loadMs = performance.now() - loadStart;

let total = 0;
let right = 0;
let listTotal = 0;
let listRight = 0;
let elapsed = 0;
const rows: string[] = [];
const itemLines: string[] = [];
for (const group of set.groups) {
  const items =
    group.items ?? (group.texts ?? []).map((text) => ({ text, accept: group.accept ?? [] }));
  let ok = 0;
  const answers = new Map<string, number>();
  for (const item of items) {
    const start = performance.now();
    const [top] = await detector.detect(item.text);
    elapsed += performance.now() - start;
    const answer = top?.detectedLanguage ?? 'und';
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
    const right = item.accept.includes(answer);
    if (right) ok++;
    // Outside the list and very short input: show each answer, that is the `und` behaviour.
    if (group.items) {
      const shown = `${answer} ${(top?.confidence ?? 1).toFixed(2)}`;
      itemLines.push(`  ${right ? ' ' : '✗'} ${shown.padEnd(10)} ${JSON.stringify(item.text)}`);
    }
  }
  total += items.length;
  right += ok;
  if (group.texts) {
    listTotal += items.length;
    listRight += ok;
  }
  const spread = [...answers].sort((a, b) => b[1] - a[1]).map(([tag, n]) => `${tag}×${n}`);
  rows.push(
    `${group.label.padEnd(40)} ${`${ok}/${items.length}`.padStart(6)} ${pct(ok, items.length).padStart(5)}  ${spread.join(' ')}`,
  );
}

console.log(`LanguageDetector (source: ${detector.source}), ${total} texts`);
console.log(`first create() (loads the identifier): ${loadMs.toFixed(0)} ms`);
console.log(`time per text: ${((elapsed / total) * 1000).toFixed(0)} µs (mean, after load)`);
console.log(
  `${'group'.padEnd(40)} ${'right'.padStart(6)} ${'%'.padStart(5)}  answers (top result)`,
);
for (const row of rows) console.log(row);
console.log('\nEach text outside the list or very short (✗: neither und nor the true language):');
for (const line of itemLines) console.log(line);
console.log(`Klar's languages together: ${listRight}/${listTotal} (${pct(listRight, listTotal)})`);
console.log(`all texts (right = listed tag, or und/true tag outside the list): ${right}/${total}`);

function pct(a: number, b: number): string {
  return `${Math.round((100 * a) / b)}%`;
}
