import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lengthBudget } from '../src/summarizer/options.js';
import { summaryMessages } from '../src/summarizer/prompts.js';
import { Summarizer } from '../src/summarizer/summarizer.js';
import { FakeTaskEngine, fakeMessageTokens, fakeTokens } from './support/fake-engine.js';

const LETTER =
  'Försäkringskassan har den 15 mars 2026 beslutat att bevilja ditt bostadsbidrag med 1 500 kronor per månad. ' +
  'Om du inte är nöjd med beslutet kan du begära omprövning inom två månader.';

async function read(stream: ReadableStream<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<string>) chunks.push(chunk);
  return chunks;
}

describe('Summarizer with a model', () => {
  it('streams chunks of new text and reports the model as its source', async () => {
    const engine = new FakeTaskEngine({ reply: ['Du ', 'får ', '1 500 kronor.'] });
    const summarizer = await Summarizer.create({
      engine,
      type: 'tldr',
      length: 'medium',
      format: 'plain-text',
    });
    assert.equal(summarizer.source, 'fake/lm');
    assert.equal(summarizer.modelName, 'Fake LM');
    assert.equal(summarizer.outputLanguage, 'sv');
    const chunks = await read(summarizer.summarizeStreaming(LETTER));
    assert.equal(chunks.length, 3, 'one chunk per token');
    assert.equal(chunks.join(''), 'Du får 1 500 kronor.');
    const request = engine.requests[0]!;
    assert.equal(request.maxNewTokens, lengthBudget('tldr', 'medium').maxNewTokens);
    assert.ok(request.messages![1]!.content.includes(LETTER));
    assert.match(request.messages![0]!.content, /svenska/);
  });

  it('writes English prompts for an English output language', async () => {
    const engine = new FakeTaskEngine();
    const summarizer = await Summarizer.create({ engine, outputLanguage: 'en' });
    await summarizer.summarize(LETTER);
    assert.match(engine.requests[0]!.messages![0]!.content, /Answer in English/);
  });

  it('holds the summary to its length: at most one sentence for a short tl;dr', async () => {
    const engine = new FakeTaskEngine({ reply: ['Du får pengar. ', 'Du ska ', 'svara. Och mer.'] });
    const summarizer = await Summarizer.create({ engine, type: 'tldr', length: 'short' });
    assert.equal(await summarizer.summarize(LETTER), 'Du får pengar.');
  });

  it('measures input usage with the tokenizer, over the whole request', async () => {
    const engine = new FakeTaskEngine({ contextLength: 300 });
    const summarizer = await Summarizer.create({
      engine,
      type: 'tldr',
      length: 'short',
      format: 'plain-text',
    });
    const usage = await summarizer.measureInputUsage(LETTER);
    const expected = fakeMessageTokens(
      summaryMessages({
        language: 'sv',
        type: 'tldr',
        format: 'plain-text',
        budget: lengthBudget('tldr', 'short'),
        text: LETTER,
      }),
    );
    assert.equal(usage, expected);
    assert.ok(engine.counted.some((r) => r.messages?.[1]?.content.endsWith(LETTER)));
    assert.equal(summarizer.inputQuota, 300 - lengthBudget('tldr', 'short').maxNewTokens);
  });

  it('summarises a long text in parts, then the summaries, and streams only the final level', async () => {
    const engine = new FakeTaskEngine({
      contextLength: 400,
      reply: (request) =>
        request.messages![1]!.content.includes('del ')
          ? ['Delsammanfattning.']
          : ['Slutlig ', 'sammanfattning.'],
    });
    const long = Array.from({ length: 40 }, () => LETTER).join(' ');
    const summarizer = await Summarizer.create({
      engine,
      type: 'tldr',
      length: 'short',
      splitLongInput: true,
    });
    assert.ok((await summarizer.measureInputUsage(long)) > summarizer.inputQuota);
    const parts: string[] = [];
    const chunks = await read(
      summarizer.summarizeStreaming(long, { onPart: (p) => parts.push(`${p.index}/${p.count}`) }),
    );
    assert.equal(chunks.join(''), 'Slutlig sammanfattning.');
    assert.equal(chunks.length, 2);
    assert.ok(parts.length > 1, `parts: ${parts}`);
    assert.equal(engine.requests.length, parts.length + 1);
    for (const r of engine.requests)
      assert.ok(
        fakeMessageTokens(r.messages!) + r.maxNewTokens! <= 400,
        'every request fits the context',
      );
    // Every sentence of the original went into some part.
    const partText = engine.requests
      .slice(0, -1)
      .map((r) => r.messages![1]!.content)
      .join(' ');
    assert.equal(partText.split('Försäkringskassan har den 15 mars').length - 1, 40);
  });

  it('rejects over-quota input with input-too-long (requested, quota) when splitting is off', async () => {
    const engine = new FakeTaskEngine({ contextLength: 200 });
    const long = Array.from({ length: 10 }, () => LETTER).join(' ');
    const summarizer = await Summarizer.create({ engine, splitLongInput: false });
    await assert.rejects(
      summarizer.summarize(long),
      (error: { code: string; requested: number; quota: number }) => {
        assert.equal(error.code, 'input-too-long');
        assert.equal(error.quota, summarizer.inputQuota);
        assert.ok(error.requested > error.quota);
        return true;
      },
    );
    assert.equal(engine.requests.length, 0, 'nothing generated');
  });

  it('destroy() stops a summary in flight, and later calls reject', async () => {
    const engine = new FakeTaskEngine({
      reply: Array.from({ length: 50 }, (_, i) => `ord${i} `),
      delayMs: 5,
    });
    const summarizer = await Summarizer.create({ engine, type: 'key-points', length: 'long' });
    const pending = summarizer.summarize(LETTER);
    await new Promise((r) => setTimeout(r, 30));
    summarizer.destroy();
    await assert.rejects(pending, { code: 'aborted' });
    await assert.rejects(summarizer.summarize(LETTER), { code: 'disposed' });
    await assert.rejects(summarizer.measureInputUsage(LETTER), { code: 'disposed' });
  });

  it('a call signal stops that call only', async () => {
    const engine = new FakeTaskEngine({
      reply: Array.from({ length: 50 }, (_, i) => `ord${i} `),
      delayMs: 5,
    });
    const summarizer = await Summarizer.create({ engine, type: 'key-points', length: 'long' });
    const stop = new AbortController();
    const pending = summarizer.summarize(LETTER, { signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    await assert.rejects(pending, { code: 'aborted' });
    assert.ok((await summarizer.summarize('Kort text.')).length > 0);
  });

  it('checks faithfulness of every summary: details not in the input are reported', async () => {
    const engine = new FakeTaskEngine({
      reply: ['Du får 2 500 kronor från Försäkringskassan i Göteborg.'],
    });
    const reports: string[][] = [];
    const summarizer = await Summarizer.create({
      engine,
      type: 'tldr',
      onFaithfulness: (r) => reports.push(r.faithfulness.unverified.map((c) => c.text)),
    });
    await summarizer.summarize(LETTER);
    assert.deepEqual(reports, [['2 500', 'Göteborg']]);
    assert.equal(summarizer.lastResult?.source, 'fake/lm');
  });

  it('reports download progress to the monitor as fractions from 0 to 1', async () => {
    const engine = new FakeTaskEngine({ downloadBytes: 1000 });
    const seen: number[] = [];
    await Summarizer.create({
      engine,
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          seen.push((e as Event & { loaded: number }).loaded),
        ),
    });
    assert.equal(seen[0], 0);
    assert.equal(seen.at(-1), 1);
    assert.ok(
      seen.every((v, i) => i === 0 || v > seen[i - 1]!),
      `${seen}`,
    );
  });

  it('availability follows the runtime and the model languages', async () => {
    assert.equal(await Summarizer.availability({ engine: new FakeTaskEngine() }), 'available');
    assert.equal(
      await Summarizer.availability({
        engine: new FakeTaskEngine({ availability: 'downloadable' }),
      }),
      'downloadable',
    );
    assert.equal(
      await Summarizer.availability({
        engine: new FakeTaskEngine({ availability: 'unavailable' }),
      }),
      'unavailable',
    );
    const engine = new FakeTaskEngine();
    assert.equal(
      await Summarizer.availability({ engine, expectedInputLanguages: ['fi'] }),
      'unavailable',
    );
    assert.equal(await Summarizer.availability({ engine, outputLanguage: 'de' }), 'unavailable');
    await assert.rejects(Summarizer.create({ engine, expectedInputLanguages: ['fi'] }), {
      code: 'unsupported-task',
    });
    await assert.rejects(
      Summarizer.create({ engine: new FakeTaskEngine({ availability: 'unavailable' }) }),
      { code: 'unsupported-task' },
    );
  });

  it('never counts characters: token counts all come from the engine', async () => {
    const engine = new FakeTaskEngine();
    const summarizer = await Summarizer.create({ engine });
    engine.counted.length = 0;
    await summarizer.summarize(LETTER);
    assert.ok(engine.counted.length > 0);
    assert.equal(fakeTokens(''), 0);
  });
});
