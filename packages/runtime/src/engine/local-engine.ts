import { KlarError, toKlarError } from '../errors.js';
import type { KlarPlatform } from '../platform.js';
import { requireTask, taskOperation } from '../tasks/registry.js';
import type { TaskChunk, TaskInput, TaskName, TaskOutput } from '../tasks/types.js';
import type {
  Availability,
  Backend,
  CachedModelInfo,
  KlarEngine,
  LoadResult,
  ModelDescription,
  ModelTask,
  RequestOptions,
} from '../types.js';
import type { EngineConfig } from './engine-config.js';
import { ModelHost } from './model-host.js';
import { TaskMethods, type TaskRunOptions } from './task-engine.js';

let requestCounter = 0;
const nextRequestId = () => `r${++requestCounter}`;

type WithRequestId<T> = T & { readonly requestId?: string };

/** The engine running in this thread: used inside the worker, and directly in tests. */
export class LocalEngine extends TaskMethods implements KlarEngine {
  readonly #host: ModelHost;
  #disposed = false;

  /** `platform` replaces browser facilities in tests (see `KlarPlatform`); never needed otherwise. */
  constructor(config: EngineConfig, platform: KlarPlatform = {}) {
    super();
    this.#host = new ModelHost(config, platform);
  }

  runTask<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options: WithRequestId<TaskRunOptions<TaskChunk<N>>> = {},
  ): Promise<TaskOutput<N>> {
    return this.#guard(() => {
      const { operation } = taskOperation(name);
      return operation.run(input, {
        host: this.#host,
        requestId: options.requestId ?? nextRequestId(),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.onChunk ? { onChunk: options.onChunk } : {}),
      });
    });
  }

  load(model: string, options: WithRequestId<RequestOptions> = {}): Promise<LoadResult> {
    return this.#guard(async () => {
      const manifest = await this.#host.source.manifest();
      const entry = manifest.models.find((m) => m.id === model);
      if (!entry)
        throw new KlarError('model-not-found', `No model "${model}" in the manifest.`, { model });
      requireTask(entry.task);
      const loaded = await this.#host.acquire({
        model,
        task: entry.task,
        requestId: options.requestId ?? nextRequestId(),
        signal: options.signal,
        onProgress: options.onProgress,
      });
      return { model: loaded.entry.id, backend: loaded.backend, dtype: loaded.dtype };
    });
  }

  availability(task: ModelTask, model?: string): Promise<Availability> {
    return this.#guard(async () => (await this.#host.describe(task, model)).availability);
  }

  describe(task: ModelTask, model?: string): Promise<ModelDescription> {
    return this.#guard(() => this.#host.describe(task, model));
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

  async #guard<T>(run: () => Promise<T>): Promise<T> {
    if (this.#disposed)
      throw new KlarError('disposed', 'This Klar client was disposed; create a new one.');
    try {
      return await run();
    } catch (error) {
      throw toKlarError(error);
    }
  }
}
