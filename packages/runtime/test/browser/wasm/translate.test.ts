import type { ModelEntry, ModelManifest } from '../../../src/index.js';
import type { TranslateChunk } from '../../../src/tasks/translation.js';
import { assert, assertEqual, assertRejects } from '../support/assert.js';
import { clearModelCache, fixtureClient, servedModelFiles } from '../support/fixtures.js';

const MARIAN = 'fixtures/klar-tiny-marian-sv-en';
const LETTER =
  'Du får ett svar från kommunen inom två veckor. Beslutet kan överklagas till förvaltningsrätten.\n\nSkriv till oss om du vill ändra din ansökan.';

/**
 * The fixtures plus an en→sv entry whose folder does not exist: picking it would make the
 * test server answer 404, so a translation that succeeds used the sv→en fixture.
 */
async function manifestWithDecoy(): Promise<ModelManifest> {
  const manifest = (await (await fetch('/models/manifest.json')).json()) as ModelManifest;
  const fixtures = manifest.models.filter((m) => m.role === 'fixture');
  const marian = fixtures.find((m) => m.id === MARIAN)!;
  const decoy: ModelEntry = {
    ...marian,
    id: 'fixtures/klar-tiny-marian-en-sv-missing',
    name: 'decoy en→sv',
    translation: { source: 'en', target: 'sv' },
  };
  return { ...manifest, models: [decoy, ...fixtures] };
}

describe('translation (WASM)', () => {
  it('translates sentence by sentence, streaming each one, keeping paragraph breaks', async () => {
    const klar = fixtureClient({ backend: 'wasm', manifest: await manifestWithDecoy() });
    const chunks: TranslateChunk[] = [];
    const result = await klar.runTask(
      'translation',
      { text: LETTER, sourceLanguage: 'sv', targetLanguage: 'en', maxNewTokensPerSentence: 6 },
      { onChunk: (c) => chunks.push(c) },
    );
    assertEqual(result.model, MARIAN, 'the sv→en model, not the en→sv one');
    assertEqual(result.backend, 'wasm', 'backend');
    assertEqual(chunks.length, 3, 'one chunk per sentence');
    assertEqual(
      chunks.map((c) => c.index),
      [0, 1, 2],
      'in order',
    );
    assertEqual(
      chunks.map((c) => LETTER.slice(c.sourceStart, c.sourceEnd)),
      [
        'Du får ett svar från kommunen inom två veckor.',
        'Beslutet kan överklagas till förvaltningsrätten.',
        'Skriv till oss om du vill ändra din ansökan.',
      ],
      'source sentences',
    );
    assertEqual(chunks[2]!.separator, '\n\n', 'the paragraph break is kept');
    assert(
      chunks.every((c) => c.text.trim().length > 0),
      'every sentence has a translation',
    );
    assertEqual(result.sentences, chunks, 'the result holds the streamed sentences');
    assertEqual(
      result.text,
      chunks.map((c) => c.separator + c.text).join(''),
      'the text joins them with the source separators',
    );
    const served = await servedModelFiles();
    assert(!served.some((p) => p.includes('en-sv-missing')), 'the en→sv entry was never fetched');
    await klar.dispose();
  });

  it('greedy translation is deterministic and follows the token cap', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const request = {
      model: MARIAN,
      text: 'Välkommen till e-tjänsten.',
      sourceLanguage: 'sv-SE',
      targetLanguage: 'en',
    };
    const short = await klar.runTask('translation', { ...request, maxNewTokensPerSentence: 3 });
    const again = await klar.runTask('translation', { ...request, maxNewTokensPerSentence: 3 });
    const long = await klar.runTask('translation', { ...request, maxNewTokensPerSentence: 12 });
    assertEqual(short.text, again.text, 'same input, same output');
    assert(long.text.length > short.text.length, 'a higher cap gives a longer output');
    assertEqual(short.sourceLanguage, 'sv', 'the region subtag is dropped');
    await klar.dispose();
  });

  it('an unknown pair or a model for the other direction is refused before any download', async () => {
    await clearModelCache();
    const klar = fixtureClient({ backend: 'wasm', manifest: await manifestWithDecoy() });
    const before = (await servedModelFiles()).length;
    const unknown = await assertRejects(
      klar.runTask('translation', { text: 'Hej.', sourceLanguage: 'sv', targetLanguage: 'so' }),
      'model-not-found',
      'sv→so',
    );
    assert(/sv→so/.test(unknown.message), `the message names the pair: ${unknown.message}`);
    await assertRejects(
      klar.runTask('translation', {
        model: MARIAN,
        text: 'Hello.',
        sourceLanguage: 'en',
        targetLanguage: 'sv',
      }),
      'model-not-found',
      'the sv→en model asked for en→sv',
    );
    await assertRejects(
      klar.runTask('translation', { text: 'Hej.', sourceLanguage: 'sv' } as never),
      'invalid-input',
      'no target language',
    );
    assertEqual((await servedModelFiles()).length - before, 0, 'zero model-file requests');
    await klar.dispose();
  });

  it('describe and availability know the task', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const described = await klar.describe('translation', MARIAN);
    assertEqual(described.model, MARIAN, 'the fixture');
    assert(described.reason !== 'unsupported-task', `not unsupported (${described.reason})`);
    assert(
      (await klar.availability('translation')) !== 'unavailable' ||
        (await klar.describe('translation')).reason !== 'unsupported-task',
      'translation is a task this build runs',
    );
    await klar.dispose();
  });

  it('abort stops between decoder steps; the next request works', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const controller = new AbortController();
    const text = Array.from({ length: 8 }, (_, i) => `Mening nummer ${i + 1} om ansökan.`).join(
      ' ',
    );
    const chunks: TranslateChunk[] = [];
    const run = klar.runTask(
      'translation',
      { model: MARIAN, text, sourceLanguage: 'sv', targetLanguage: 'en' },
      {
        signal: controller.signal,
        onChunk: (c) => {
          chunks.push(c);
          if (chunks.length === 2) controller.abort();
        },
      },
    );
    const error = await assertRejects(run, 'aborted', 'aborted');
    assertEqual(chunks.length, 2, 'no sentence reaches the page after the abort');
    const details = (error as { details?: { sentencesTranslated?: number } }).details;
    assert((details?.sentencesTranslated ?? 8) < 8, 'it did not run to the end');
    const next = await klar.runTask('translation', {
      model: MARIAN,
      text: 'Hej.',
      sourceLanguage: 'sv',
      targetLanguage: 'en',
      maxNewTokensPerSentence: 2,
    });
    assertEqual(next.sentences.length, 1, 'the next request completes');
    await klar.dispose();
  });
});
