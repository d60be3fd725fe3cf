import type {
  ChatMessage,
  CountTokensRequest,
  CountTokensResult,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  LoadResult,
  ModelDescription,
  ModelTask,
  RequestOptions,
} from '@klar/runtime';
import { KlarError } from '@klar/runtime';
import type { TaskEngine } from '../../src/shared/types.js';

/** A stand-in tokenizer: one token per word or punctuation mark. */
export function fakeTokens(text: string): number {
  return text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Chat template of the fake: 3 tokens per message and 2 for the generation prompt. */
export function fakeMessageTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + 3 + fakeTokens(m.content), 2);
}

export interface FakeEngineOptions {
  readonly contextLength?: number;
  readonly languages?: readonly string[];
  readonly availability?: ModelDescription['availability'];
  /** Text chunks `generate` streams, or a function of the request. */
  readonly reply?: readonly string[] | ((request: GenerateRequest) => readonly string[]);
  readonly delayMs?: number;
  /** Download progress `load` reports (bytes). */
  readonly downloadBytes?: number;
}

/** An engine double: a word tokenizer, scripted replies, real abort and context checks. */
export class FakeTaskEngine implements TaskEngine {
  readonly requests: GenerateRequest[] = [];
  readonly counted: CountTokensRequest[] = [];
  loads = 0;
  constructor(readonly options: FakeEngineOptions = {}) {}

  get contextLength(): number {
    return this.options.contextLength ?? 512;
  }

  async describe(task: ModelTask, model?: string): Promise<ModelDescription> {
    const id = model ?? 'fake/lm';
    return {
      task,
      model: id,
      entry: {
        id,
        task,
        role: 'fixture',
        name: 'Fake LM',
        languages: this.options.languages ?? ['sv', 'en'],
        license: 'MIT',
        dtypes: { webgpu: 'q4', wasm: 'q4' },
        files: [],
        contextLength: this.contextLength,
      },
      availability: this.options.availability ?? 'available',
      ...(this.options.availability === 'unavailable'
        ? { reason: 'unsupported-task' as const }
        : {}),
      downloadBytes: 0,
      totalBytes: 0,
      stored: true,
    };
  }

  async load(model: string, options: RequestOptions = {}): Promise<LoadResult> {
    this.loads += 1;
    const total = this.options.downloadBytes;
    if (total) {
      options.onProgress?.({ status: 'initiate', requestId: 'r', model, file: 'model.onnx' });
      for (const loaded of [total / 4, total / 2, total]) {
        options.onProgress?.({
          status: 'download',
          requestId: 'r',
          model,
          file: 'model.onnx',
          loaded,
          total,
          modelLoaded: loaded,
          modelTotal: total,
          fromCache: false,
        });
      }
    }
    return { model, backend: 'wasm', dtype: 'q4' };
  }

  async countTokens(request: CountTokensRequest): Promise<CountTokensResult> {
    this.counted.push(request);
    const tokens = request.messages
      ? fakeMessageTokens(request.messages)
      : fakeTokens(request.text ?? '');
    return { tokens, contextLength: this.contextLength, model: request.model ?? 'fake/lm' };
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    this.requests.push(request);
    const prompt = fakeMessageTokens(request.messages ?? []);
    const maxNew = request.maxNewTokens ?? 64;
    if (prompt + maxNew > this.contextLength) {
      throw new KlarError('input-too-long', 'too long', {
        requested: prompt + maxNew,
        quota: this.contextLength,
      });
    }
    const reply =
      typeof this.options.reply === 'function'
        ? this.options.reply(request)
        : (this.options.reply ?? ['Du ', 'får ', 'pengar.']);
    let text = '';
    const ids: number[] = [];
    for (const chunk of reply) {
      if (options.signal?.aborted) throw new KlarError('aborted', 'stopped');
      if (ids.length >= maxNew) return this.#result(request, text, ids, prompt, 'length');
      await new Promise((r) => setTimeout(r, this.options.delayMs ?? 0));
      if (options.signal?.aborted) throw new KlarError('aborted', 'stopped');
      text += chunk;
      ids.push(ids.length);
      options.onToken?.({ text: chunk, tokenId: ids.length - 1 });
    }
    return this.#result(request, text, ids, prompt, 'eos');
  }

  #result(
    request: GenerateRequest,
    text: string,
    ids: number[],
    promptTokens: number,
    finishReason: GenerateResult['finishReason'],
  ): GenerateResult {
    return {
      text,
      tokenIds: ids,
      promptTokens,
      finishReason,
      backend: 'wasm',
      model: request.model ?? 'fake/lm',
    };
  }
}
