import type {
  Availability,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  KlarEngine,
  ModelTask,
  TokenClassifyResult,
} from '../shared/engine-types.js';

export interface FakeEngineOptions {
  /** Tokens streamed by `generate` (or a function of the request). */
  readonly tokens?: readonly string[] | ((request: GenerateRequest) => readonly string[]);
  readonly delayMs?: number;
  readonly availability?: Availability;
  /** `generate` rejects with a KlarError-shaped error of this code. */
  readonly failWith?: string;
  /** Reject prompts longer than this many characters with `input-too-long`. */
  readonly maxPromptChars?: number;
  /** Emit download progress before the first token. */
  readonly download?: { readonly total: number; readonly steps: number };
  readonly backend?: 'webgpu' | 'wasm';
  /** What `backends()` reports: model id → backend. */
  readonly loaded?: Readonly<Record<string, 'webgpu' | 'wasm'>>;
}

function klarError(code: string): Error & { code: string } {
  return Object.assign(new Error(code), { name: 'KlarError', code });
}

/** A test double of the runtime: streams tokens, can be aborted, can fail with a given code. */
export class FakeEngine implements KlarEngine {
  readonly requests: GenerateRequest[] = [];
  cleared: (string | undefined)[] = [];
  disposed = false;

  constructor(private readonly options: FakeEngineOptions = {}) {}

  async load(model: string) {
    return { model, backend: this.options.backend ?? 'wasm', dtype: 'q4' as const };
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    this.requests.push(request);
    const { signal, onToken, onProgress } = options;
    const delay = this.options.delayMs ?? 5;
    const sleep = () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delay);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(klarError('aborted'));
        });
      });
    if (signal?.aborted) throw klarError('aborted');
    const promptChars =
      (request.prompt ?? '').length +
      (request.messages ?? []).reduce((n, m) => n + m.content.length, 0);
    if (this.options.maxPromptChars && promptChars > this.options.maxPromptChars)
      throw klarError('input-too-long');
    const model = request.model ?? 'fake/model';
    if (this.options.download) {
      const { total, steps } = this.options.download;
      for (let i = 1; i <= steps; i++) {
        await sleep();
        onProgress?.({
          status: 'download',
          requestId: 'r',
          model,
          file: 'model.onnx',
          loaded: (total * i) / steps,
          total,
          modelLoaded: (total * i) / steps,
          modelTotal: total,
          fromCache: false,
        });
      }
    }
    if (this.options.failWith) {
      await sleep();
      throw klarError(this.options.failWith);
    }
    const backend = this.options.backend ?? 'wasm';
    onProgress?.({ status: 'ready', requestId: 'r', model, backend, dtype: 'q4' });
    const tokens =
      typeof this.options.tokens === 'function'
        ? this.options.tokens(request)
        : (this.options.tokens ?? ['Hej', ' du', '.']);
    let text = '';
    for (const [i, token] of tokens.entries()) {
      await sleep();
      text += token;
      onToken?.({ text: token, tokenId: i });
    }
    return {
      text,
      tokenIds: tokens.map((_, i) => i),
      promptTokens: 10,
      finishReason: 'eos',
      backend,
      model,
    };
  }

  async classifyTokens(): Promise<TokenClassifyResult> {
    return { entities: [], backend: 'wasm', model: 'fake/ner' };
  }

  async availability(_task: ModelTask): Promise<Availability> {
    return this.options.availability ?? 'available';
  }

  async listCache() {
    return [{ model: 'fake/model', files: 3, bytes: 1234567 }];
  }

  async clearCache(model?: string) {
    this.cleared.push(model);
  }

  async backends() {
    return this.options.loaded ?? {};
  }

  async dispose() {
    this.disposed = true;
  }
}
