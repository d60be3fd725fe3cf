// Test support for <klar-translate> (not shipped: only the tests import it).
import type { ModelEntry, ModelManifest } from '../../shared/engine-types.js';
import { FakeEngine, type FakeEngineOptions } from '../../testing/fake-engine.js';
import { testManifest } from '../../testing/manifest.js';

export const marianEntry = (source: string, target: string): ModelEntry => ({
  id: `test/opus-mt-${source}-${target}`,
  task: 'translation',
  role: 'default',
  name: `Test OPUS-MT ${source}→${target}`,
  languages: [source, target],
  translation: { source, target },
  license: 'Apache-2.0',
  dtypes: { webgpu: 'fp32', wasm: 'fp32' },
  files: [{ path: 'onnx/encoder_model.onnx', size: 110_000_000, dtype: 'fp32' }],
  contextLength: 512,
});

export const translationManifest = (
  pairs: readonly (readonly [string, string])[] = [
    ['sv', 'en'],
    ['en', 'sv'],
  ],
): ModelManifest => ({
  version: 1,
  models: [...testManifest.models, ...pairs.map(([s, t]) => marianEntry(s, t))],
});

interface Chunk {
  index: number;
  sourceStart: number;
  sourceEnd: number;
  separator: string;
  text: string;
}

/**
 * The components' FakeEngine plus the runtime's translation tasks: "translates" each sentence
 * to `<target>: sentence` (or with `translate`), one chunk per sentence, `delayMs` apart.
 */
export class TranslateTestEngine extends FakeEngine {
  readonly translations: { model?: string; sourceLanguage: string; targetLanguage: string }[] = [];

  constructor(
    readonly manifestUsed: ModelManifest,
    private readonly extra: FakeEngineOptions & {
      readonly translate?: (sentence: string, target: string) => string;
    } = {},
  ) {
    super({ ...extra, manifest: manifestUsed });
  }

  async runTask(
    name: string,
    input: Record<string, unknown>,
    options: Record<string, unknown> = {},
  ) {
    if (name === 'translation-pairs') {
      return {
        pairs: this.manifestUsed.models
          .filter((m) => m.task === 'translation' && m.translation)
          .map((m) => ({ ...m.translation!, model: m.id, name: m.name, role: m.role })),
      };
    }
    const text = String(input.text ?? '');
    if (name === 'translation-count-tokens')
      return { tokens: Math.ceil(text.length / 3), contextLength: 512, model: input.model };
    if (name !== 'translation') throw Object.assign(new Error(name), { code: 'unsupported-task' });
    const target = String(input.targetLanguage);
    this.translations.push({
      model: input.model as string | undefined,
      sourceLanguage: String(input.sourceLanguage),
      targetLanguage: target,
    });
    const signal = options.signal as AbortSignal | undefined;
    const onChunk = options.onChunk as ((c: Chunk) => void) | undefined;
    if (this.extra.failWith)
      throw Object.assign(new Error(this.extra.failWith), { code: this.extra.failWith });
    const chunks: Chunk[] = [];
    let previousEnd = 0;
    for (const match of text.matchAll(/[^.!?]+[.!?]*/g)) {
      const raw = match[0];
      const start = match.index + (raw.length - raw.trimStart().length);
      const end = match.index + raw.trimEnd().length;
      if (end <= start) continue;
      await new Promise((r) => setTimeout(r, this.extra.delayMs ?? 5));
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { code: 'aborted' });
      const sentence = text.slice(start, end);
      const chunk = {
        index: chunks.length,
        sourceStart: start,
        sourceEnd: end,
        separator: text.slice(previousEnd, start),
        text: this.extra.translate?.(sentence, target) ?? `${target}: ${sentence}`,
      };
      previousEnd = end;
      chunks.push(chunk);
      onChunk?.(chunk);
    }
    return {
      text: chunks.map((c) => c.separator + c.text).join(''),
      sentences: chunks,
      model: input.model,
      backend: 'wasm',
    };
  }
}

/** A stand-in for the browser's built-in Translator (and LanguageDetector) on `window`. */
export function installNativeTranslator(
  pairs: readonly string[],
  detected?: string,
): { calls: string[]; restore: () => void } {
  const scope = window as unknown as Record<string, unknown>;
  const saved = { Translator: scope.Translator, LanguageDetector: scope.LanguageDetector };
  const calls: string[] = [];
  scope.Translator = {
    async availability(o: { sourceLanguage: string; targetLanguage: string }) {
      return pairs.includes(`${o.sourceLanguage}-${o.targetLanguage}`)
        ? 'available'
        : 'unavailable';
    },
    async create(o: { sourceLanguage: string; targetLanguage: string }) {
      calls.push(`create:${o.sourceLanguage}-${o.targetLanguage}`);
      return {
        translateStreaming(text: string) {
          calls.push('translateStreaming');
          const parts = text.match(/[^.!?]+[.!?]*/g) ?? [];
          return new ReadableStream<string>({
            async start(controller) {
              for (const part of parts) {
                await new Promise((r) => setTimeout(r, 5));
                controller.enqueue(`«${o.targetLanguage}» ${part}`);
              }
              controller.close();
            },
          });
        },
        async translate(text: string) {
          return text;
        },
        destroy() {
          calls.push('destroy');
        },
      };
    },
  };
  if (detected) {
    scope.LanguageDetector = {
      async availability() {
        return 'available';
      },
      async create() {
        return {
          async detect() {
            return [{ detectedLanguage: detected, confidence: 0.9 }];
          },
          destroy() {},
        };
      },
    };
  }
  return {
    calls,
    restore: () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete scope[key];
        else scope[key] = value;
      }
    },
  };
}
