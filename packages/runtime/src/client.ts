import type { EngineConfig } from './engine/engine-config.js';
import { type TaskEngine, type TaskRunOptions, withTaskMethods } from './engine/task-engine.js';
import { KlarError } from './errors.js';
import { memoryBudgetBytes } from './manifest/budget.js';
import type { TaskChunk, TaskInput, TaskName, TaskOutput } from './tasks/types.js';
import type {
  GenerateRequest,
  GenerateResult,
  KlarEngine,
  KlarOptions,
  LoadResult,
  ProgressEvent,
  RequestOptions,
} from './types.js';
import { WorkerEngine } from './worker/worker-engine.js';

/** Fired on the client for every request's progress, so a status element can follow all of them. */
export class KlarProgressEvent extends Event {
  readonly detail: ProgressEvent;
  constructor(detail: ProgressEvent) {
    super('progress');
    this.detail = detail;
  }
}

export interface KlarClient extends KlarEngine, TaskEngine, EventTarget {
  readonly config: EngineConfig;
  /** Streams generated text chunk by chunk; the last value is the full result. */
  generateStreaming(
    request: GenerateRequest,
    options?: RequestOptions,
  ): AsyncGenerator<string, GenerateResult>;
}

/** Turns options into absolute, per-instance configuration. Same origin by default: never a CDN. */
export function resolveConfig(options: KlarOptions = {}): EngineConfig {
  const origin = globalThis.location?.href ?? 'http://localhost/';
  const modelBaseUrl = withSlash(new URL(options.modelBaseUrl ?? '/models/', origin).href);
  const wasmPaths = withSlash(new URL(options.wasmPaths ?? '/ort/', origin).href);
  const manifest = options.manifest ?? `${modelBaseUrl}manifest.json`;
  const nav = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  const maxModelBytes = options.maxModelBytes ?? memoryBudgetBytes(nav);
  return {
    modelBaseUrl,
    wasmPaths,
    backend: options.backend ?? 'auto',
    cache: options.cache ?? true,
    manifest: typeof manifest === 'string' ? new URL(manifest, origin).href : manifest,
    ...(maxModelBytes !== undefined ? { maxModelBytes } : {}),
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

type Engine = KlarEngine & TaskEngine;

/**
 * Creates a Klar client. By default inference runs in one module worker per client; share the
 * client between every caller on the page so a model is downloaded and loaded once.
 */
export function createKlar(options: KlarOptions = {}): KlarClient {
  const config = resolveConfig(options);
  if (options.platform && options.worker !== false)
    throw new KlarError(
      'invalid-input',
      'A test platform needs `worker: false`: its functions cannot be sent to a worker.',
    );
  // The in-thread engine pulls in transformers.js and onnxruntime-web: load it only when asked,
  // so a page using the worker never downloads them on its main thread.
  const engine: Promise<Engine> =
    options.worker === false
      ? import('./engine/local-engine.js').then((m) => new m.LocalEngine(config, options.platform))
      : Promise.resolve(new WorkerEngine(config));
  return new Client(config, engine);
}

class Client extends withTaskMethods(EventTarget) implements KlarClient {
  readonly config: EngineConfig;
  readonly #engine: Promise<Engine>;

  constructor(config: EngineConfig, engine: Promise<Engine>) {
    super();
    this.config = config;
    this.#engine = engine;
  }

  #withEvents<T extends RequestOptions>(options: T | undefined): T {
    const own = options?.onProgress;
    return {
      ...(options ?? ({} as T)),
      onProgress: (event: ProgressEvent) => {
        own?.(event);
        this.dispatchEvent(new KlarProgressEvent(event));
      },
    };
  }

  async runTask<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options?: TaskRunOptions<TaskChunk<N>>,
  ): Promise<TaskOutput<N>> {
    return (await this.#engine).runTask(name, input, this.#withEvents(options));
  }

  async load(model: string, options?: RequestOptions): Promise<LoadResult> {
    return (await this.#engine).load(model, this.#withEvents(options));
  }

  async *generateStreaming(
    request: GenerateRequest,
    options?: RequestOptions,
  ): AsyncGenerator<string, GenerateResult> {
    const queue: string[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const result = this.generate(request, {
      ...options,
      onToken: (chunk) => {
        if (chunk.text) queue.push(chunk.text);
        wake?.();
      },
    }).finally(() => {
      done = true;
      wake?.();
    });
    while (!done || queue.length) {
      if (queue.length) yield queue.shift()!;
      else await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    return result;
  }

  availability: KlarEngine['availability'] = async (task, model) =>
    (await this.#engine).availability(task, model);
  describe: KlarEngine['describe'] = async (task, model) =>
    (await this.#engine).describe(task, model);
  listCache: KlarEngine['listCache'] = async () => (await this.#engine).listCache();
  clearCache: KlarEngine['clearCache'] = async (model) => (await this.#engine).clearCache(model);
  backends: KlarEngine['backends'] = async () => (await this.#engine).backends();
  dispose: KlarEngine['dispose'] = async () => (await this.#engine).dispose();
}
