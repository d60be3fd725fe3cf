import { BackendPolicy } from '../backend/backend-policy.js';
import { configureTransformers } from '../backend/transformers-env.js';
import { KlarError } from '../errors.js';
import { ModelCache } from '../files/model-cache.js';
import type { ModelEntry, ModelTask } from '../manifest/types.js';
import type { KlarPlatform } from '../platform.js';
import { requireTask } from '../tasks/registry.js';
import type { ModelDescription, ProgressEvent } from '../types.js';
import { type FallbackContext, runWithBackendFallback } from './backend-fallback.js';
import { describeModel } from './describe.js';
import type { EngineConfig } from './engine-config.js';
import type { LoadedModel } from './loaded-model.js';
import { ManifestSource } from './manifest-source.js';
import { contextFromConfig, type LoadedProcessor, ModelLoader } from './model-loader.js';
import { abortable, ModelSessions } from './model-sessions.js';
import { TaskQueue } from './task-queue.js';

export interface HostRequest {
  readonly task: ModelTask;
  readonly model?: string;
  readonly requestId: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * What tasks run on, for one engine. It only wires the parts, each with one job: the
 * manifest source, the backend policy, the file cache, the loader (files → session), the
 * shared sessions, one queue per model (ORT sessions can't run concurrently) and the one
 * WebGPU → WASM fallback.
 */
export class ModelHost {
  readonly config: EngineConfig;
  readonly source: ManifestSource;
  readonly policy: BackendPolicy;
  readonly cache: ModelCache;
  readonly sessions: ModelSessions;
  readonly #loader: ModelLoader;
  readonly #queues = new Map<string, TaskQueue>();
  readonly #processors = new Map<string, Promise<LoadedProcessor>>();

  constructor(config: EngineConfig, platform: KlarPlatform = {}) {
    this.config = config;
    configureTransformers(config.wasmPaths);
    this.source = new ManifestSource(config);
    this.policy = new BackendPolicy(config.backend, platform);
    this.cache = new ModelCache(config.cache);
    this.#loader = new ModelLoader(
      this.source,
      this.policy,
      this.cache,
      platform,
      config.maxModelBytes,
    );
    this.sessions = new ModelSessions(this.#loader, this.policy);
  }

  /** The entry a request uses; a task this build can't run is refused first. */
  async entryFor(task: ModelTask, model?: string): Promise<ModelEntry> {
    requireTask(task);
    const entry = await this.source.entryFor(task, model);
    const problems = requireTask(entry.task).checkEntry(entry);
    if (problems.length)
      throw new KlarError(
        'invalid-manifest',
        `The manifest entry of ${entry.id} can't be used: ${problems.join('; ')}.`,
        { model: entry.id, problems },
      );
    return entry;
  }

  async acquire(request: HostRequest): Promise<LoadedModel> {
    const entry = await this.entryFor(request.task, request.model);
    return this.sessions.acquire(entry, request);
  }

  /** Runs `attempt` on the model, moving it to WASM and again if WebGPU fails. */
  withFallback<T>(
    loaded: LoadedModel,
    context: FallbackContext,
    attempt: (loaded: LoadedModel) => Promise<T>,
  ): Promise<T> {
    return runWithBackendFallback(this.sessions, loaded, context, attempt);
  }

  queue(modelId: string): TaskQueue {
    let queue = this.#queues.get(modelId);
    if (!queue) {
      queue = new TaskQueue();
      this.#queues.set(modelId, queue);
    }
    return queue;
  }

  /** The model's processor (tokenizer) without its weights; the loaded model's when loaded. */
  async processor(request: HostRequest): Promise<LoadedProcessor & { entry: ModelEntry }> {
    const entry = await this.entryFor(request.task, request.model);
    const loaded = this.sessions.loaded(entry.id);
    if (loaded) {
      const config = loaded.model.config as unknown as Record<string, unknown>;
      const contextLength = entry.contextLength ?? contextFromConfig(config);
      return { entry, tokenizer: loaded.tokenizer, contextLength };
    }
    return { entry, ...(await abortable(this.#processorOf(entry, request), request.signal)) };
  }

  describe(task: ModelTask, model?: string): Promise<ModelDescription> {
    return describeModel(this, task, model);
  }

  backends() {
    return this.sessions.backends();
  }

  async dispose(): Promise<void> {
    this.#processors.clear();
    await this.sessions.dispose();
  }

  #processorOf(entry: ModelEntry, request: HostRequest): Promise<LoadedProcessor> {
    let processor = this.#processors.get(entry.id);
    if (!processor) {
      processor = this.#loader.loadProcessor(entry, (event) =>
        request.onProgress?.({ ...event, requestId: request.requestId } as ProgressEvent),
      );
      this.#processors.set(entry.id, processor);
      processor.catch(() => this.#processors.delete(entry.id));
    }
    return processor;
  }
}
