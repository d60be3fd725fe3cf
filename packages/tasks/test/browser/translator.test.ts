// Translator on the real runtime and the generated Marian fixture (sv→en, random weights: the
// output is gibberish, so these tests check behaviour, not content), in whichever backend the
// group gives (wasm: no adapter; webgpu: SwiftShader).
import type { KlarClient, ModelManifest } from '@klar/runtime';
import { clearModelCache, fixtureClient } from '../../../runtime/test/browser/support/fixtures.js';
import { Translator } from '../../src/index.js';

const MARIAN = 'fixtures/klar-tiny-marian-sv-en';
const TEXT = 'Du får ett svar inom två veckor.\n\nSkriv till oss om du vill ändra din ansökan.';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

async function backendFor(): Promise<'webgpu' | 'wasm'> {
  const adapter = await navigator.gpu?.requestAdapter().catch(() => null);
  return adapter ? 'webgpu' : 'wasm';
}

/** The repository's manifest with its test fixtures only (the real models are not served here). */
async function fixturesOnly(): Promise<ModelManifest> {
  const manifest = (await (await fetch('/models/manifest.json')).json()) as ModelManifest;
  return { ...manifest, models: manifest.models.filter((m) => m.role === 'fixture') };
}

describe('Translator on the Marian fixture', function (this: { timeout(ms: number): void }) {
  this.timeout(600000);
  let klar: KlarClient;
  /** SwiftShader runs WebGPU in software: there each sentence is capped to a few tokens. */
  let cap: { maxNewTokensPerSentence?: number } = {};
  before(async () => {
    await clearModelCache();
    const backend = await backendFor();
    cap = backend === 'webgpu' ? { maxNewTokensPerSentence: 4 } : {};
    klar = fixtureClient({ backend, manifest: await fixturesOnly() });
  });
  after(() => klar.dispose());

  it('lists the served directions from the manifest without downloading, and says downloadable', async () => {
    const { targets, runtimeError } = await Translator.targetLanguages({
      engine: klar,
      sourceLanguage: 'sv',
      useNative: false,
    });
    check(runtimeError === undefined, `no runtime error: ${runtimeError?.message}`);
    check(targets.length === 1 && targets[0]!.language === 'en', JSON.stringify(targets));
    check(targets[0]!.source === MARIAN, targets[0]!.source);
    check(targets[0]!.availability === 'downloadable', targets[0]!.availability);
    check(targets[0]!.downloadBytes > 0, 'bytes to download');
    const none = await Translator.targetLanguages({
      engine: klar,
      sourceLanguage: 'en',
      useNative: false,
    });
    check(none.targets.length === 0, 'no en→x model in the fixtures');
    check(
      (await Translator.availability({
        engine: klar,
        sourceLanguage: 'en',
        targetLanguage: 'sv',
        useNative: false,
      })) === 'unavailable',
      'en→sv unavailable',
    );
  });

  it('the real manifest picks the OPUS-MT model for each direction', async () => {
    const full = fixtureClient({ backend: 'wasm' });
    const { pairs } = await full.runTask('translation-pairs', {});
    const model = (s: string, t: string) =>
      pairs.find((p) => p.source === s && p.target === t)?.model;
    check(model('sv', 'en') === 'Xenova/opus-mt-sv-en', `sv→en: ${model('sv', 'en')}`);
    check(model('en', 'sv') === 'Xenova/opus-mt-en-sv', `en→sv: ${model('en', 'sv')}`);
    await full.dispose();
  });

  it('create() downloads with progress, then streams one chunk per sentence; tokens from the tokenizer', async () => {
    const progress: number[] = [];
    const translator = await Translator.create({
      engine: klar,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
      useNative: false,
      ...cap,
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          progress.push((e as Event & { loaded: number }).loaded),
        ),
    });
    check(translator.source === MARIAN, translator.source);
    check(progress[0] === 0 && progress.at(-1) === 1, `progress ${progress}`);
    check(
      (await Translator.availability({
        engine: klar,
        sourceLanguage: 'sv',
        targetLanguage: 'en',
        useNative: false,
      })) === 'available',
      'stored after create',
    );
    const reader = translator.translateStreaming(TEXT).getReader();
    const chunks: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read())
      chunks.push(next.value);
    check(chunks.length === 2, `one chunk per sentence: ${JSON.stringify(chunks)}`);
    check(chunks[1]!.startsWith('\n\n'), 'the paragraph break is kept');
    const tokens = await translator.measureInputUsage(TEXT);
    const direct = await klar.runTask('translation-count-tokens', {
      text: TEXT,
      sourceLanguage: 'sv',
      targetLanguage: 'en',
    });
    check(tokens > 5 && tokens === direct.tokens, `${tokens} vs ${direct.tokens}`);
    check(direct.model === MARIAN && direct.contextLength > 0, JSON.stringify(direct));
    translator.destroy();
  });
});
