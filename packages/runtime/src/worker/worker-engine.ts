import * as Comlink from 'comlink';
import type { EngineConfig } from '../engine/engine-config.js';
import { KlarError } from '../errors.js';
import { installKlarErrorTransfer } from '../transfer.js';
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
import type { RequestCallbacks, WorkerApi } from './protocol.js';

let requestCounter = 0;

/** The page side of the worker: same interface as LocalEngine; abort becomes a cancel message. */
export class WorkerEngine implements KlarEngine {
  readonly #worker: Worker;
  readonly #remote: Comlink.Remote<WorkerApi>;
  #disposed = false;

  constructor(config: EngineConfig, worker?: Worker) {
    installKlarErrorTransfer();
    this.#worker =
      worker ??
      new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'klar' });
    this.#remote = Comlink.wrap<WorkerApi>(this.#worker);
    void this.#remote.init(config);
  }

  load(model: string, options: RequestOptions = {}): Promise<LoadResult> {
    return this.#request(options, (id, callbacks) => this.#remote.load(model, id, callbacks));
  }

  generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    return this.#request(
      options,
      (id, callbacks) => this.#remote.generate(request, id, callbacks),
      options.onToken,
    );
  }

  classifyTokens(
    request: TokenClassifyRequest,
    options: RequestOptions = {},
  ): Promise<TokenClassifyResult> {
    return this.#request(options, (id, callbacks) =>
      this.#remote.classifyTokens(request, id, callbacks),
    );
  }

  availability(task: ModelTask, model?: string): Promise<Availability> {
    return this.#remote.availability(task, model);
  }

  listCache(): Promise<readonly CachedModelInfo[]> {
    return this.#remote.listCache();
  }

  clearCache(model?: string): Promise<void> {
    return this.#remote.clearCache(model);
  }

  backends(): Promise<Readonly<Record<string, Backend>>> {
    return this.#remote.backends();
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    try {
      await this.#remote.dispose();
    } finally {
      this.#remote[Comlink.releaseProxy]();
      this.#worker.terminate();
    }
  }

  async #request<T>(
    options: RequestOptions,
    call: (requestId: string, callbacks: RequestCallbacks) => Promise<T>,
    onToken?: GenerateOptions['onToken'],
  ): Promise<T> {
    if (this.#disposed)
      throw new KlarError('disposed', 'This Klar client was disposed; create a new one.');
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new KlarError('aborted', 'The request was stopped.');
    const requestId = `w${++requestCounter}`;
    // Both callbacks always exist: on the worker side a comlink proxy's property is always
    // truthy, so a missing one would be called anyway and fail on this side.
    const callbacks = Comlink.proxy<RequestCallbacks>({
      onProgress: (event) => onProgress?.(event),
      onTokens: (chunks) => {
        if (!onToken) return;
        // After abort the page gets no more tokens, even those already in flight from the worker.
        for (const chunk of chunks) if (!signal?.aborted) onToken(chunk);
      },
    });
    const onAbort = () => void this.#remote.cancel(requestId);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await call(requestId, callbacks);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
