import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rewriter } from '../src/rewriter/rewriter.js';
import { FakeTaskEngine, fakeMessageTokens } from './support/fake-engine.js';

const TEXT =
  'Beslutet har fattats med stöd av 97 kap. socialförsäkringsbalken. Ärendenummer 2026/4711.';

describe('Rewriter with a model', () => {
  it('rewrites in lättläst Swedish with the stronger prompt, and checks faithfulness', async () => {
    const engine = new FakeTaskEngine({ reply: ['Vi har ', 'bestämt. ', 'Ärende 2026/4712.'] });
    const rewriter = await Rewriter.create({ engine, plainLanguage: 'lättläst' });
    assert.equal(rewriter.source, 'fake/lm');
    const text = await rewriter.rewrite(TEXT);
    assert.equal(text, 'Vi har bestämt. Ärende 2026/4712.');
    assert.match(engine.requests[0]!.messages![1]!.content, /lättläst/);
    assert.deepEqual(
      rewriter.lastResult!.faithfulness.unverified.map((c) => c.text),
      ['2026/4712'],
    );
  });

  it('rewrites a long text part by part in one stream, each request within the context', async () => {
    const engine = new FakeTaskEngine({ contextLength: 200, reply: ['Del.'] });
    const rewriter = await Rewriter.create({
      engine,
      plainLanguage: 'klarspråk',
      outputLanguage: 'en',
    });
    const long = Array.from({ length: 20 }, () => TEXT).join(' ');
    const parts: string[] = [];
    const text = await rewriter.rewrite(long, {
      onPart: (p) => parts.push(`${p.index}/${p.count}`),
    });
    assert.ok(parts.length > 1);
    assert.equal(text, Array.from({ length: parts.length }, () => 'Del.').join('\n\n'));
    for (const r of engine.requests)
      assert.ok(fakeMessageTokens(r.messages!) + r.maxNewTokens! <= 200);
    assert.match(engine.requests[0]!.messages![0]!.content, /English/);
  });

  it('destroy() stops a rewrite and later calls reject', async () => {
    const engine = new FakeTaskEngine({
      reply: Array.from({ length: 40 }, () => 'ord '),
      delayMs: 5,
    });
    const rewriter = await Rewriter.create({ engine });
    const pending = rewriter.rewrite(TEXT);
    setTimeout(() => rewriter.destroy(), 20);
    await assert.rejects(pending, { code: 'aborted' });
    await assert.rejects(rewriter.rewrite(TEXT), { code: 'disposed' });
  });
});
