import { KlarError, toKlarError } from '../errors.js';
import type {
  Availability,
  Backend,
  CachedModelInfo,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  KlarEngine,
  LoadResult,
  ModelTask,
  RequestOptions,
  TokenClassifyRequest,
  TokenClassifyResult,
} from '../types.js';
import { classifyTokens } from './classify-tokens.js';
import type { EngineConfig } from './engine-config.js';
import { generateText } from './generate.js';
import { ModelHost } from './model-host.js';

let requestCounter = 0;
const nextRequestId = () => `r${++requestCounter}`;

/** The engine running in this thread: used inside the worker, and directly in tests. */
export class LocalEngine implements KlarEngine {
  readonly #host: ModelHost;
  #disposed = false;

  constructor(config: EngineConfig) {
    this.#host = new ModelHost(config);
  }

  async load(
    model: string,
    options: RequestOptions & { requestId?: string } = {},
  ): Promise<LoadResult> {
    this.#check();
    const manifest = await this.#host.manifest();
    const entry = manifest.models.find((m) => m.id === model);
    if (!entry)
      throw new KlarError('model-not-found', `No model "${model}" in the manifest.`, { model });
    const loaded = await this.#host.acquire({
      model,
      task: entry.task,
      requestId: options.requestId ?? nextRequestId(),
      signal: options.signal,
      onProgress: options.onProgress,
    });
    return { model: loaded.entry.id, backend: loaded.backend, dtype: loaded.dtype };
  }

  generate(
    request: GenerateRequest,
    options: GenerateOptions & { requestId?: string } = {},
  ): Promise<GenerateResult> {
    return this.#guard(() =>
      generateText(this.#host, request, {
        ...options,
        requestId: options.requestId ?? nextRequestId(),
      }),
    );
  }

  classifyTokens(
    request: TokenClassifyRequest,
    options: RequestOptions & { requestId?: string } = {},
  ): Promise<TokenClassifyResult> {
    return this.#guard(() =>
      classifyTokens(this.#host, request, {
        ...options,
        requestId: options.requestId ?? nextRequestId(),
      }),
    );
  }

  availability(task: ModelTask, model?: string): Promise<Availability> {
    return this.#guard(() => this.#host.availability(task, model));
  }

  listCache(): Promise<readonly CachedModelInfo[]> {
    return this.#host.cache.list();
  }

  clearCache(model?: string): Promise<void> {
    return this.#host.cache.clear(model);
  }

  async backends(): Promise<Readonly<Record<string, Backend>>> {
    return this.#host.backends();
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.#host.dispose();
  }

  #check(): void {
    if (this.#disposed)
      throw new KlarError('disposed', 'This Klar client was disposed; create a new one.');
  }

  async #guard<T>(run: () => Promise<T>): Promise<T> {
    this.#check();
    try {
      return await run();
    } catch (error) {
      throw toKlarError(error);
    }
  }
}
