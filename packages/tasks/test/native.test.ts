import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageDetector } from '../src/language-detector/language-detector.js';
import { Rewriter } from '../src/rewriter/rewriter.js';
import { Summarizer } from '../src/summarizer/summarizer.js';
import { Translator } from '../src/translator/translator.js';
import { FakeTaskEngine } from './support/fake-engine.js';
import { emptyLog, fakeNativeApi, withNativeApis } from './support/fake-native.js';

const TEXT = 'Du har fått 1 500 kronor i bostadsbidrag.';

describe('native delegation', () => {
  it('Summarizer uses the built-in API for English when it says available', async () => {
    const log = emptyLog();
    const engine = new FakeTaskEngine();
    await withNativeApis({ Summarizer: fakeNativeApi(['en'], log) }, async () => {
      assert.equal(await Summarizer.availability({ engine, outputLanguage: 'en' }), 'available');
      const summarizer = await Summarizer.create({
        engine,
        outputLanguage: 'en',
        type: 'tldr',
        sharedContext: 'A decision.',
      });
      assert.equal(summarizer.source, 'native');
      assert.equal(summarizer.modelName, undefined);
      const text = await summarizer.summarize(TEXT);
      assert.equal(text, 'Native summary of 1 500 kronor.');
      assert.equal(engine.requests.length, 0, 'no model request');
      assert.equal(log.create[0]!.outputLanguage, 'en');
      assert.equal(log.create[0]!.sharedContext, 'A decision.');
      assert.equal(summarizer.lastResult?.source, 'native');
      assert.deepEqual(
        summarizer.lastResult?.faithfulness.unverified,
        [],
        'faithfulness runs on native output',
      );
      summarizer.destroy();
      assert.ok(log.calls.includes('destroy'));
    });
  });

  it('asks the built-in API with the languages, and uses the model for Swedish when it says unavailable', async () => {
    const log = emptyLog();
    const engine = new FakeTaskEngine();
    await withNativeApis({ Summarizer: fakeNativeApi(['en'], log) }, async () => {
      const summarizer = await Summarizer.create({
        engine,
        outputLanguage: 'sv',
        expectedInputLanguages: ['sv'],
      });
      assert.equal(summarizer.source, 'fake/lm');
      assert.deepEqual(log.availability[0]!.expectedInputLanguages, ['sv']);
      assert.equal(log.availability[0]!.outputLanguage, 'sv');
      assert.equal(log.create.length, 0);
      await summarizer.summarize(TEXT);
      assert.equal(engine.requests.length, 1);
    });
  });

  it('follows the page language when no output language is given', async () => {
    const log = emptyLog();
    await withNativeApis({ Summarizer: fakeNativeApi(['en'], log) }, async () => {
      (globalThis as { document?: { documentElement: { lang: string } } })
        .document!.documentElement.lang = 'en-GB';
      const summarizer = await Summarizer.create({ engine: new FakeTaskEngine() });
      assert.equal(summarizer.outputLanguage, 'en');
      assert.equal(summarizer.source, 'native');
    });
  });

  it('does not use the built-in API when useNative is false, or when it only offers a download', async () => {
    const log = emptyLog();
    const engine = new FakeTaskEngine();
    await withNativeApis({ Summarizer: fakeNativeApi(['en'], log) }, async () => {
      const summarizer = await Summarizer.create({
        engine,
        outputLanguage: 'en',
        useNative: false,
      });
      assert.equal(summarizer.source, 'fake/lm');
      assert.equal(log.availability.length, 0, 'not even asked');
    });
    const downloadLog = emptyLog();
    await withNativeApis(
      { Summarizer: fakeNativeApi(['en'], downloadLog, 'downloadable') },
      async () => {
        assert.equal((await Summarizer.create({ engine, outputLanguage: 'en' })).source, 'fake/lm');
        assert.equal(
          (await Summarizer.create({ engine, outputLanguage: 'en', allowNativeDownload: true }))
            .source,
          'native',
        );
      },
    );
  });

  it('never uses a built-in API outside a window (workers)', async () => {
    const log = emptyLog();
    await withNativeApis(
      { Summarizer: fakeNativeApi(['en'], log) },
      async () => {
        const summarizer = await Summarizer.create({
          engine: new FakeTaskEngine(),
          outputLanguage: 'en',
        });
        assert.equal(summarizer.source, 'fake/lm');
        assert.equal(log.availability.length, 0);
      },
      { window: false },
    );
  });

  it('Rewriter passes the plain-language level to a built-in Rewriter as context', async () => {
    const log = emptyLog();
    await withNativeApis({ Rewriter: fakeNativeApi(['sv'], log) }, async () => {
      const rewriter = await Rewriter.create({
        engine: new FakeTaskEngine(),
        plainLanguage: 'lättläst',
      });
      assert.equal(rewriter.source, 'native');
      assert.match(String(log.create[0]!.sharedContext), /lättläst/);
      assert.equal(await rewriter.rewrite(TEXT), 'Native rewrite.');
    });
  });

  it('Translator and LanguageDetector hand over to the built-in APIs', async () => {
    const log = emptyLog();
    await withNativeApis(
      {
        Translator: fakeNativeApi(['sv', 'en'], log),
        LanguageDetector: fakeNativeApi(['sv', 'en'], log),
      },
      async () => {
        assert.equal(
          await Translator.availability({ sourceLanguage: 'sv', targetLanguage: 'en' }),
          'available',
        );
        assert.equal(
          await Translator.availability({ sourceLanguage: 'sv', targetLanguage: 'fi' }),
          'unavailable',
        );
        const translator = await Translator.create({ sourceLanguage: 'sv', targetLanguage: 'en' });
        assert.equal(translator.source, 'native');
        assert.equal(await translator.translate(TEXT), 'Translated text.');
        const detector = await LanguageDetector.create({ expectedInputLanguages: ['sv', 'en'] });
        const results = await detector.detect(TEXT);
        assert.deepEqual(
          results.map((r) => r.detectedLanguage),
          ['sv', 'en'],
          'most likely first',
        );
        translator.destroy();
        await assert.rejects(translator.translate(TEXT), { code: 'disposed' });
      },
    );
  });

  // LanguageDetector falls back to Klar's packaged identifier instead: language-detector.test.ts.
  it('Translator is unavailable without a built-in API (models come later)', async () => {
    // An engine that cannot run the translation task (no runTask): Klar's models are out too.
    const engine = new FakeTaskEngine();
    assert.equal(
      await Translator.availability({ engine, sourceLanguage: 'sv', targetLanguage: 'en' }),
      'unavailable',
    );
    await assert.rejects(
      Translator.create({ engine, sourceLanguage: 'sv', targetLanguage: 'en' }),
      {
        code: 'unsupported-task',
      },
    );
    const log = emptyLog();
    await withNativeApis({ Translator: fakeNativeApi(['sv', 'en'], log) }, async () => {
      await assert.rejects(
        Translator.create({ engine, sourceLanguage: 'sv', targetLanguage: 'en', useNative: false }),
        { code: 'unsupported-task' },
      );
    });
  });
});
