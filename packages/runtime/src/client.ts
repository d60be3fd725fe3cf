import type { EngineConfig } from './engine/engine-config.js';
import { LocalEngine } from './engine/local-engine.js';
import { memoryBudgetBytes } from './manifest/index.js';
import type {
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  KlarEngine,
  KlarOptions,
  LoadResult,
  ProgressEvent,
  RequestOptions,
  TokenClassifyRequest,
  TokenClassifyResult,
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

export interface KlarClient extends KlarEngine, EventTarget {
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
    ...(options.faults ? { faults: options.faults } : {}),
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Creates a Klar client. By default inference runs in one module worker per client; share the
 * client between every caller on the page so a model is downloaded and loaded once.
 */
export function createKlar(options: KlarOptions = {}): KlarClient {
  const config = resolveConfig(options);
  const engine: KlarEngine =
    options.worker === false ? new LocalEngine(config) : new WorkerEngine(config);
  return new Client(config, engine);
}

class Client extends EventTarget implements KlarClient {
  readonly config: EngineConfig;
  readonly #engine: KlarEngine;

  constructor(config: EngineConfig, engine: KlarEngine) {
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

  load(model: string, options?: RequestOptions): Promise<LoadResult> {
    return this.#engine.load(model, this.#withEvents(options));
  }

  generate(request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResult> {
    return this.#engine.generate(request, this.#withEvents(options));
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

  classifyTokens(
    request: TokenClassifyRequest,
    options?: RequestOptions,
  ): Promise<TokenClassifyResult> {
    return this.#engine.classifyTokens(request, this.#withEvents(options));
  }

  availability: KlarEngine['availability'] = (task, model) =>
    this.#engine.availability(task, model);
  listCache: KlarEngine['listCache'] = () => this.#engine.listCache();
  clearCache: KlarEngine['clearCache'] = (model) => this.#engine.clearCache(model);
  backends: KlarEngine['backends'] = () => this.#engine.backends();
  dispose: KlarEngine['dispose'] = () => this.#engine.dispose();
}
