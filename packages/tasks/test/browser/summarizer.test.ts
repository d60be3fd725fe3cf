// Summarizer on the real runtime and the generated fixture model, in whichever backend the
// group gives: the wasm group has no WebGPU adapter; the webgpu group forces WebGPU on
// SwiftShader. The fixture's output is gibberish: these tests check behaviour, not content.
import type { KlarClient } from '@klar/runtime';
import { fixtureClient, LM } from '../../../runtime/test/browser/support/fixtures.js';
import { Summarizer } from '../../src/index.js';
import { lengthBudget } from '../../src/summarizer/options.js';
import { summaryMessages } from '../../src/summarizer/prompts.js';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

const SENTENCES = [
  'Försäkringskassan har den 15 mars 2026 beslutat att bevilja ditt bostadsbidrag med 1 500 kronor per månad.',
  'Beslutet har fattats med stöd av 97 kap. socialförsäkringsbalken.',
  'Om dina inkomster ändras måste du anmäla det till oss inom fyra veckor.',
  'Om du har fått för mycket bidrag kan du bli skyldig att betala tillbaka.',
  'Om du inte är nöjd med beslutet kan du begära omprövning inom två månader.',
];
const LETTER = SENTENCES.join(' ');

async function backendFor(): Promise<'webgpu' | 'wasm'> {
  const adapter = await navigator.gpu?.requestAdapter().catch(() => null);
  return adapter ? 'webgpu' : 'wasm';
}

async function readChunks(stream: ReadableStream<string>): Promise<{ text: string; at: number }[]> {
  const reader = stream.getReader();
  const chunks: { text: string; at: number }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push({ text: value, at: performance.now() });
  }
}

describe('Summarizer on the fixture model', function (this: { timeout(ms: number): void }) {
  // SwiftShader runs WebGPU in software on a shared CPU: much slower than WASM, so there every
  // generation is capped to a few tokens (the behaviour under test is the same) and given time.
  this.timeout(600000);
  let klar: KlarClient;
  /** The cap on generated tokens on this backend (undefined: the length budget alone). */
  let cap: { maxNewTokens?: number } = {};
  before(async () => {
    const backend = await backendFor();
    cap = backend === 'webgpu' ? { maxNewTokens: 6 } : {};
    klar = fixtureClient({ backend });
  });
  after(() => klar.dispose());

  it('create() reports download progress, then summarizeStreaming() streams and respects length', async () => {
    const progress: number[] = [];
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      type: 'headline',
      length: 'short',
      format: 'plain-text',
      outputLanguage: 'sv',
      ...cap,
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          progress.push((e as Event & { loaded: number }).loaded),
        ),
    });
    check(summarizer.source === LM, `source ${summarizer.source}`);
    check(progress.at(-1) === 1, `monitor ends at 1: ${progress}`);
    const chunks = await readChunks(summarizer.summarizeStreaming(LETTER));
    const text = chunks.map((c) => c.text).join('');
    check(chunks.length > 1, `streamed in ${chunks.length} chunk(s)`);
    check(chunks.at(-1)!.at > chunks[0]!.at, 'chunks arrive over time');
    const budget = lengthBudget('headline', 'short');
    const words = text.split(/\s+/).filter(Boolean).length;
    check(words <= budget.units, `${words} words > ${budget.units}: ${JSON.stringify(text)}`);
    const tokens = (await klar.countTokens({ model: LM, text })).tokens;
    check(tokens <= budget.maxNewTokens, `${tokens} tokens > ${budget.maxNewTokens}`);
    check(summarizer.lastResult?.output === text, 'faithfulness ran on the output');
    summarizer.destroy();
  });

  it('measureInputUsage() equals the tokenizer count of the whole request', async () => {
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      type: 'tldr',
      length: 'short',
      format: 'plain-text',
      outputLanguage: 'sv',
    });
    const usage = await summarizer.measureInputUsage(LETTER);
    const messages = summaryMessages({
      language: 'sv',
      type: 'tldr',
      format: 'plain-text',
      budget: lengthBudget('tldr', 'short'),
      text: LETTER,
    });
    const counted = await klar.countTokens({ model: LM, messages });
    check(usage === counted.tokens, `measureInputUsage ${usage} vs countTokens ${counted.tokens}`);
    const textOnly = (await klar.countTokens({ model: LM, text: LETTER })).tokens;
    check(usage > textOnly, 'the prompt and template count too');
    check(
      summarizer.inputQuota === counted.contextLength - lengthBudget('tldr', 'short').maxNewTokens,
      `inputQuota ${summarizer.inputQuota}`,
    );
    summarizer.destroy();
  });

  it('a text longer than the quota goes through parts, then one streamed final summary', async () => {
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      type: 'tldr',
      length: 'short',
      outputLanguage: 'sv',
      ...cap,
    });
    let long = LETTER;
    while ((await summarizer.measureInputUsage(long)) <= summarizer.inputQuota * 1.5)
      long += ` ${LETTER}`;
    const parts: string[] = [];
    const chunks = await readChunks(
      summarizer.summarizeStreaming(long, {
        onPart: (p) => parts.push(`${p.level}:${p.index}/${p.count}`),
      }),
    );
    check(parts.length >= 2, `parts: ${parts}`);
    check(chunks.length >= 1, 'the final summary streamed');
    const text = chunks.map((c) => c.text).join('');
    const tokens = (await klar.countTokens({ model: LM, text })).tokens;
    check(tokens <= lengthBudget('tldr', 'short').maxNewTokens, `final summary ${tokens} tokens`);
    summarizer.destroy();
  });

  it('over-quota input rejects with input-too-long, requested and quota, when splitting is off', async () => {
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      splitLongInput: false,
      outputLanguage: 'sv',
    });
    let long = LETTER;
    while ((await summarizer.measureInputUsage(long)) <= summarizer.inputQuota)
      long += ` ${LETTER}`;
    const requested = await summarizer.measureInputUsage(long);
    try {
      await summarizer.summarize(long);
      throw new Error('expected a rejection');
    } catch (error) {
      const e = error as { code?: string; requested?: number; quota?: number };
      check(e.code === 'input-too-long', `code ${e.code}`);
      check(e.requested === requested, `requested ${e.requested} vs ${requested}`);
      check(e.quota === summarizer.inputQuota, `quota ${e.quota}`);
    }
    summarizer.destroy();
  });

  it('destroy() stops a summary mid-stream and later calls reject', async () => {
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      type: 'key-points',
      length: 'long',
      outputLanguage: 'sv',
    });
    const reader = summarizer.summarizeStreaming(LETTER).getReader();
    const first = await reader.read();
    check(!first.done, 'a first chunk');
    summarizer.destroy();
    let code: string | undefined;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    check(code === 'aborted', `stream ends with aborted, got ${code}`);
    try {
      await summarizer.summarize(LETTER);
      throw new Error('expected a rejection');
    } catch (error) {
      check((error as { code?: string }).code === 'disposed', 'later calls reject');
    }
  });
});
