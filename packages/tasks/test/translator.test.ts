import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Translator } from '../src/translator/translator.js';
import { FakeTaskEngine } from './support/fake-engine.js';
import { emptyLog, fakeNativeApi, withNativeApis } from './support/fake-native.js';
import { FakeTranslationEngine, marian } from './support/fake-translation-engine.js';

const LETTER =
  'Du får 1 850 kronor per månad. Beslutet gäller från april.\n\nDu kan begära omprövning!';

async function chunksOf(stream: ReadableStream<string>): Promise<string[]> {
  const out: string[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(next.value);
  return out;
}

describe('Translator on Klar models', () => {
  it('availability() answers per pair from describe(), without loading anything', async () => {
    const engine = new FakeTranslationEngine({ stored: ['test/opus-mt-en-sv'] });
    const ask = (sourceLanguage: string, targetLanguage: string) =>
      Translator.availability({ engine, sourceLanguage, targetLanguage });
    assert.equal(await ask('sv', 'en'), 'downloadable');
    assert.equal(await ask('en', 'sv'), 'available');
    assert.equal(
      await ask('sv-SE', 'en-GB'),
      'downloadable',
      'regional tags use the language model',
    );
    assert.equal(await ask('sv', 'ar'), 'unavailable', 'no model for the pair');
    assert.equal(await ask('sv', 'sv'), 'unavailable');
    assert.equal(engine.loaded.length, 0, 'nothing loaded');
    const unavailable = new FakeTranslationEngine({ unavailableReason: 'integrity-failed' });
    assert.equal(
      await Translator.availability({
        engine: unavailable,
        sourceLanguage: 'sv',
        targetLanguage: 'en',
      }),
      'unavailable',
    );
  });

  it('create() picks the model by direction, reports progress, and streams one chunk per sentence', async () => {
    const engine = new FakeTranslationEngine();
    const progress: number[] = [];
    const translator = await Translator.create({
      engine,
      sourceLanguage: 'en',
      targetLanguage: 'sv',
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          progress.push((e as Event & { loaded: number }).loaded),
        ),
    });
    assert.equal(translator.source, 'test/opus-mt-en-sv');
    assert.equal(translator.modelName, 'Test OPUS-MT en→sv');
    assert.deepEqual(engine.loaded, ['test/opus-mt-en-sv']);
    assert.equal(progress.at(-1), 1);
    const svEn = await Translator.create({
      engine,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
      maxNewTokensPerSentence: 7,
    });
    assert.equal(svEn.source, 'test/opus-mt-sv-en', 'the other direction is another model');
    const chunks = await chunksOf(svEn.translateStreaming(LETTER));
    assert.deepEqual(chunks, [
      '[en] Du får 1 850 kronor per månad.',
      ' [en] Beslutet gäller från april.',
      '\n\n[en] Du kan begära omprövning!',
    ]);
    assert.equal(await svEn.translate(LETTER), chunks.join(''));
    const request = engine.tasks.find((t) => t.name === 'translation')!.input as Record<
      string,
      unknown
    >;
    assert.equal(request.model, 'test/opus-mt-sv-en');
    assert.equal(request.sourceLanguage, 'sv');
    assert.equal(request.targetLanguage, 'en');
    assert.equal(request.maxNewTokensPerSentence, 7, 'the cap reaches the runtime');
  });

  it('measureInputUsage counts with the model tokenizer; inputQuota is unbounded (sentence by sentence)', async () => {
    const engine = new FakeTranslationEngine();
    const translator = await Translator.create({
      engine,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
    });
    assert.equal(await translator.measureInputUsage('Hej på dig.'), 5);
    const asked = engine.tasks.find((t) => t.name === 'translation-count-tokens')!.input as Record<
      string,
      unknown
    >;
    assert.equal(asked.model, 'test/opus-mt-sv-en');
    assert.equal(translator.inputQuota, Number.POSITIVE_INFINITY);
  });

  it('typed errors: no model for the pair, a model for the other direction, a bad tag, an engine without runTask', async () => {
    const engine = new FakeTranslationEngine();
    await assert.rejects(
      Translator.create({ engine, sourceLanguage: 'sv', targetLanguage: 'ar' }),
      {
        code: 'unsupported-task',
      },
    );
    await assert.rejects(
      Translator.create({
        engine,
        sourceLanguage: 'sv',
        targetLanguage: 'en',
        model: 'test/opus-mt-en-sv',
      }),
      { code: 'unsupported-task' },
    );
    await assert.rejects(Translator.create({ engine, sourceLanguage: '', targetLanguage: 'en' }), {
      code: 'invalid-input',
    });
    const unavailable = new FakeTranslationEngine({ unavailableReason: 'integrity-failed' });
    await assert.rejects(
      Translator.create({ engine: unavailable, sourceLanguage: 'sv', targetLanguage: 'en' }),
      { code: 'integrity-failed' },
    );
    await assert.rejects(
      Translator.create({
        engine: new FakeTaskEngine(),
        sourceLanguage: 'sv',
        targetLanguage: 'en',
      }),
      { code: 'unsupported-task' },
    );
    assert.equal(engine.loaded.length, 0, 'nothing loaded for a refused pair');
  });

  it('abort stops the stream with an aborted error, and destroy() refuses later calls', async () => {
    const engine = new FakeTranslationEngine({ delayMs: 20 });
    const translator = await Translator.create({
      engine,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
    });
    const controller = new AbortController();
    const stream = translator.translateStreaming(LETTER, { signal: controller.signal });
    const reader = stream.getReader();
    const first = await reader.read();
    assert.ok(first.value?.startsWith('[en]'));
    controller.abort();
    await assert.rejects(reader.read(), { code: 'aborted' });
    translator.destroy();
    await assert.rejects(translator.translate(LETTER), { code: 'disposed' });
  });

  it('uses the built-in Translator when it says available, else the model; useNative: false skips it', async () => {
    const log = emptyLog();
    const engine = new FakeTranslationEngine();
    await withNativeApis({ Translator: fakeNativeApi(['sv', 'en', 'ar'], log) }, async () => {
      const native = await Translator.create({
        engine,
        sourceLanguage: 'sv',
        targetLanguage: 'ar',
      });
      assert.equal(native.source, 'native');
      assert.equal(native.modelName, undefined);
      assert.equal(await native.translate(LETTER), 'Translated text.');
      const model = await Translator.create({
        engine,
        sourceLanguage: 'sv',
        targetLanguage: 'en',
        useNative: false,
      });
      assert.equal(model.source, 'test/opus-mt-sv-en');
    });
    const downloadOnly = emptyLog();
    await withNativeApis(
      { Translator: fakeNativeApi(['sv', 'fi'], downloadOnly, 'downloadable') },
      async () => {
        assert.equal(
          await Translator.availability({ engine, sourceLanguage: 'sv', targetLanguage: 'fi' }),
          'unavailable',
          'a built-in translator that must download first is not used unless allowed',
        );
        assert.equal(
          await Translator.availability({
            engine,
            sourceLanguage: 'sv',
            targetLanguage: 'fi',
            allowNativeDownload: true,
          }),
          'downloadable',
        );
      },
    );
  });

  it('targetLanguages() lists built-in and model languages, built-in first, with availability', async () => {
    const log = emptyLog();
    const engine = new FakeTranslationEngine({
      models: [marian('sv', 'en'), marian('en', 'sv'), marian('sv', 'fi', 'fixture')],
      stored: ['test/opus-mt-sv-fi-tiny'],
    });
    await withNativeApis({ Translator: fakeNativeApi(['sv', 'ar', 'en'], log) }, async () => {
      const { targets, runtimeError } = await Translator.targetLanguages({
        engine,
        sourceLanguage: 'sv',
      });
      assert.equal(runtimeError, undefined);
      assert.deepEqual(
        targets.map((t) => `${t.language}:${t.source}:${t.availability}`),
        ['en:native:available', 'ar:native:available', 'fi:test/opus-mt-sv-fi-tiny:available'],
      );
      const only = await Translator.targetLanguages({
        engine,
        sourceLanguage: 'sv',
        useNative: false,
      });
      assert.deepEqual(
        only.targets.map((t) => `${t.language}:${t.availability}:${t.downloadBytes}`),
        ['en:downloadable:50000000', 'fi:available:0'],
      );
      const pinned = await Translator.targetLanguages({
        engine,
        sourceLanguage: 'sv',
        useNative: false,
        model: 'test/opus-mt-sv-en',
      });
      assert.deepEqual(
        pinned.targets.map((t) => t.language),
        ['en'],
      );
    });
    const broken = await Translator.targetLanguages({
      engine: new FakeTaskEngine(),
      sourceLanguage: 'sv',
    });
    assert.deepEqual(broken.targets, []);
    assert.equal(broken.runtimeError?.code, 'unsupported-task');
  });
});
