import type {
  ModelDescription,
  ModelEntry,
  ModelTask,
  TaskChunk,
  TaskInput,
  TaskName,
  TaskOutput,
  TaskRunOptions,
} from '@klar/runtime';
import { KlarError } from '@klar/runtime';
import { FakeTaskEngine, fakeTokens } from './fake-engine.js';

const marian = (
  source: string,
  target: string,
  role: ModelEntry['role'] = 'default',
): ModelEntry => ({
  id: `test/opus-mt-${source}-${target}${role === 'fixture' ? '-tiny' : ''}`,
  task: 'translation',
  role,
  name: `Test OPUS-MT ${source}→${target}`,
  languages: [source, target],
  translation: { source, target },
  license: 'Apache-2.0',
  dtypes: { webgpu: 'fp32', wasm: 'fp32' },
  files: [{ path: 'onnx/encoder_model.onnx', size: 50_000_000, dtype: 'fp32' }],
  contextLength: 512,
});

export interface FakeTranslationOptions {
  /** Translation models in the manifest. Default: sv→en and en→sv. */
  readonly models?: readonly ModelEntry[];
  /** Model ids whose files are stored (availability 'available'); others are 'downloadable'. */
  readonly stored?: readonly string[];
  /** describe() says 'unavailable' with this reason for every translation model. */
  readonly unavailableReason?: ModelDescription['reason'];
  readonly delayMs?: number;
}

/**
 * An engine double that also runs the runtime's translation tasks: it "translates" each
 * sentence to `[target] sentence`, one chunk per sentence, and stops on abort.
 */
export class FakeTranslationEngine extends FakeTaskEngine {
  readonly tasks: { name: string; input: unknown }[] = [];
  readonly models: readonly ModelEntry[];
  readonly loaded: string[] = [];

  constructor(readonly translation: FakeTranslationOptions = {}) {
    super();
    this.models = translation.models ?? [marian('sv', 'en'), marian('en', 'sv')];
  }

  override async describe(task: ModelTask, model?: string): Promise<ModelDescription> {
    if (task !== 'translation') return super.describe(task, model);
    const entry = this.models.find((m) => m.id === model) ?? (model ? undefined : this.models[0]);
    if (!entry)
      return {
        task,
        availability: 'unavailable',
        reason: 'model-not-found',
        downloadBytes: 0,
        totalBytes: 0,
        stored: false,
      };
    const stored =
      (this.translation.stored ?? []).includes(entry.id) || this.loaded.includes(entry.id);
    const reason = this.translation.unavailableReason;
    return {
      task,
      model: entry.id,
      entry,
      availability: reason ? 'unavailable' : stored ? 'available' : 'downloadable',
      ...(reason ? { reason } : { backend: 'wasm' as const }),
      downloadBytes: stored ? 0 : 50_000_000,
      totalBytes: 50_000_000,
      stored,
    };
  }

  override async load(model: string, options = {}) {
    this.loaded.push(model);
    return super.load(model, options);
  }

  async runTask<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options: TaskRunOptions<TaskChunk<N>> = {},
  ): Promise<TaskOutput<N>> {
    this.tasks.push({ name, input });
    if (name === 'translation-pairs') {
      const pairs = this.models.map((m) => ({
        source: m.translation!.source,
        target: m.translation!.target,
        model: m.id,
        name: m.name,
        role: m.role,
      }));
      return { pairs } as TaskOutput<N>;
    }
    if (name === 'translation-count-tokens') {
      const request = input as TaskInput<'translation-count-tokens'>;
      return {
        tokens: fakeTokens(request.text) + 1,
        contextLength: 512,
        model: request.model ?? '',
      } as TaskOutput<N>;
    }
    if (name !== 'translation') throw new KlarError('unsupported-task', String(name));
    const request = input as TaskInput<'translation'>;
    const onChunk = options.onChunk as ((c: TaskChunk<'translation'>) => void) | undefined;
    const sentences = [...request.text.matchAll(/[^.!?]+[.!?]*/g)];
    const chunks: TaskChunk<'translation'>[] = [];
    let previousEnd = 0;
    for (const [index, match] of sentences.entries()) {
      const raw = match[0];
      const start = match.index + (raw.length - raw.trimStart().length);
      const end = match.index + raw.trimEnd().length;
      if (end <= start) continue;
      await new Promise((r) => setTimeout(r, this.translation.delayMs ?? 0));
      if (options.signal?.aborted) throw new KlarError('aborted', 'The translation was stopped.');
      const chunk = {
        index,
        sourceStart: start,
        sourceEnd: end,
        separator: request.text.slice(previousEnd, start),
        text: `[${request.targetLanguage}] ${request.text.slice(start, end)}`,
      };
      previousEnd = end;
      chunks.push(chunk);
      onChunk?.(chunk);
    }
    return {
      text: chunks.map((c) => c.separator + c.text).join(''),
      sentences: chunks,
      sourceLanguage: request.sourceLanguage,
      targetLanguage: request.targetLanguage,
      model: request.model ?? '',
      backend: 'wasm',
    } as TaskOutput<N>;
  }
}

export { marian };
