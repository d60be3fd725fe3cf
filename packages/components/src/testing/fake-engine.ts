import type {
  Availability,
  Backend,
  CachedModelInfo,
  CountTokensRequest,
  CountTokensResult,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  KlarEngine,
  KlarErrorCode,
  ModelDescription,
  ModelEntry,
  ModelManifest,
  ModelTask,
  ProgressEvent,
  TokenClassifyResult,
} from '../shared/engine-types.js';
import { MODEL_CACHE_NAME } from '../shared/stored-models.js';
import { testManifest } from './manifest.js';

export interface FakeEngineOptions {
  /** Tokens streamed by `generate` (or a function of the request). */
  readonly tokens?: readonly string[] | ((request: GenerateRequest) => readonly string[]);
  readonly delayMs?: number;
  /**
   * 'available': the task's default model starts stored; 'downloadable': not stored;
   * 'unavailable': `describe` says so with `unavailableReason`; 'downloading' as is.
   */
  readonly availability?: Availability;
  readonly unavailableReason?: KlarErrorCode;
  /** The manifest `describe` answers from. Default: `testManifest`. */
  readonly manifest?: ModelManifest;
  /** `describe` rejects with a KlarError-shaped error of this code (e.g. 'worker-crashed'). */
  readonly describeFailWith?: string;
  /** Store "downloaded" models in the real Cache API, as the runtime does (for model-status). */
  readonly useCacheApi?: boolean;
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
export class FakeEngine extends EventTarget implements KlarEngine {
  readonly requests: GenerateRequest[] = [];
  cleared: (string | undefined)[] = [];
  readonly described: { task: ModelTask; model?: string }[] = [];
  disposed = false;
  /** Model ids whose files are "stored". */
  readonly stored = new Set<string>();
  /** Loaded model id → backend. */
  readonly loaded = new Map<string, Backend>();

  constructor(private readonly options: FakeEngineOptions = {}) {
    super();
    for (const [id, backend] of Object.entries(options.loaded ?? {})) this.loaded.set(id, backend);
    if ((options.availability ?? 'available') === 'available')
      for (const m of this.#manifest.models) if (m.role === 'default') this.stored.add(m.id);
  }

  get #manifest(): ModelManifest {
    return this.options.manifest ?? testManifest;
  }

  #entry(task: ModelTask, model?: string): ModelEntry | undefined {
    return this.#manifest.models.find((m) =>
      model ? m.id === model : m.task === task && m.role === 'default',
    );
  }

  async load(model: string) {
    const backend = this.options.backend ?? 'wasm';
    await this.#store(model);
    this.loaded.set(model, backend);
    this.#progress({ status: 'ready', requestId: 'load', model, backend, dtype: 'q4' });
    return { model, backend, dtype: 'q4' as const };
  }

  async describe(task: ModelTask, model?: string): Promise<ModelDescription> {
    this.described.push({ task, ...(model ? { model } : {}) });
    if (this.options.describeFailWith) throw klarError(this.options.describeFailWith);
    const entry = this.#entry(task, model);
    const id = entry?.id ?? model;
    const backend = this.options.backend ?? 'wasm';
    const totalBytes = entry ? entry.files.reduce((n, f) => n + f.size, 0) : 0;
    const loadedBackend = id ? this.loaded.get(id) : undefined;
    const stored = !!id && (this.stored.has(id) || loadedBackend !== undefined);
    const forced = this.options.availability;
    const availability: Availability =
      !entry || forced === 'unavailable'
        ? 'unavailable'
        : forced === 'downloading'
          ? 'downloading'
          : stored
            ? 'available'
            : 'downloadable';
    return {
      task,
      ...(id ? { model: id } : {}),
      ...(entry ? { entry } : {}),
      availability,
      ...(availability === 'unavailable'
        ? {
            reason: entry
              ? (this.options.unavailableReason ?? 'backend-unavailable')
              : 'model-not-found',
          }
        : { backend }),
      ...(loadedBackend ? { loadedBackend } : {}),
      downloadBytes: stored ? 0 : totalBytes,
      totalBytes,
      stored,
    };
  }

  /** A stand-in tokenizer: about two characters per token, like the fixture models. */
  async countTokens(request: CountTokensRequest): Promise<CountTokensResult> {
    const chars =
      (request.text ?? '').length +
      (request.messages ?? []).reduce((n, m) => n + m.content.length + 8, 0);
    const entry = this.#entry('text-generation', request.model);
    return {
      tokens: Math.ceil(chars / 2),
      contextLength: entry?.contextLength ?? 2048,
      model: entry?.id ?? request.model ?? 'fake/model',
    };
  }

  #progress(event: ProgressEvent): void {
    const progress = new Event('progress') as Event & { detail?: unknown };
    progress.detail = event;
    this.dispatchEvent(progress);
  }

  async #store(model: string): Promise<void> {
    this.stored.add(model);
    if (!this.options.useCacheApi) return;
    const cache = await caches.open(MODEL_CACHE_NAME);
    const entry = this.#manifest.models.find((m) => m.id === model);
    for (const file of entry?.files ?? [{ path: 'model.onnx', size: 1 }]) {
      // Small bodies with the real size in content-length, as the runtime's cache records it.
      await cache.put(
        `https://fake.invalid/models/${model}/${file.path}`,
        new Response('x', {
          headers: { 'x-klar-model': model, 'content-length': String(file.size) },
        }),
      );
    }
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
    const model = request.model ?? this.#entry('text-generation')?.id ?? 'fake/model';
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
    await this.#store(model);
    this.loaded.set(model, backend);
    onProgress?.({ status: 'ready', requestId: 'r', model, backend, dtype: 'q4' });
    // Like the runtime's client: every request's progress is also an event on the engine.
    this.#progress({ status: 'ready', requestId: 'r', model, backend, dtype: 'q4' });
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

  async availability(task: ModelTask, model?: string): Promise<Availability> {
    return (await this.describe(task, model)).availability;
  }

  async listCache(): Promise<CachedModelInfo[]> {
    return [...this.stored].map((model) => ({ model, files: 3, bytes: 1234567 }));
  }

  async clearCache(model?: string) {
    this.cleared.push(model);
    if (model === undefined) this.stored.clear();
    else this.stored.delete(model);
    if (!this.options.useCacheApi) return;
    if (model === undefined) {
      await caches.delete(MODEL_CACHE_NAME);
      return;
    }
    const cache = await caches.open(MODEL_CACHE_NAME);
    for (const request of await cache.keys())
      if ((await cache.match(request))?.headers.get('x-klar-model') === model)
        await cache.delete(request);
  }

  async backends() {
    return Object.fromEntries(this.loaded);
  }

  async dispose() {
    this.disposed = true;
  }
}
