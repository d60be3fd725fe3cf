import {
  AutoModelForCausalLM,
  AutoModelForTokenClassification,
  AutoTokenizer,
  type PreTrainedModel,
} from '@huggingface/transformers';
import {
  configureTransformers,
  registerModelFiles,
  useGpuDevice,
} from '../backend/transformers-env.js';
import { createGpuDevice, probeWebGpu, type WebGpuProbe } from '../backend/webgpu.js';
import { KlarError, toKlarError } from '../errors.js';
import { fetchModelFiles } from '../files/fetch-model-files.js';
import { ModelCache } from '../files/model-cache.js';
import {
  availabilityOf,
  filesFor,
  loadManifest,
  parseManifest,
  resolveModel,
} from '../manifest/index.js';
import type { ModelEntry, ModelManifest, ModelTask } from '../manifest/types.js';
import type { Availability, Backend, ProgressEvent } from '../types.js';
import type { EngineConfig } from './engine-config.js';
import type { LoadedModel } from './loaded-model.js';
import { TaskQueue } from './task-queue.js';

/** Progress without the request id: a shared load reports to every request waiting on it. */
type LoadEvent = ProgressEvent extends infer E
  ? E extends ProgressEvent
    ? Omit<E, 'requestId'>
    : never
  : never;
type LoadListener = (event: LoadEvent) => void;

export interface AcquireOptions {
  readonly model?: string;
  readonly task: ModelTask;
  readonly requestId: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * Owns model sessions for one engine: one download and one session per model, shared by
 * every caller; the backend policy (WebGPU → WASM); and a queue per model.
 */
export class ModelHost {
  readonly #config: EngineConfig;
  readonly #cache: ModelCache;
  #manifest: Promise<ModelManifest> | null = null;
  readonly #models = new Map<string, Promise<LoadedModel>>();
  readonly #settled = new Map<string, LoadedModel>();
  readonly #listeners = new Map<string, Set<LoadListener>>();
  readonly #queues = new Map<string, TaskQueue>();
  #probe: Promise<WebGpuProbe> | null = null;
  #device: Promise<GPUDevice> | null = null;
  /** Set once WebGPU failed for good in this engine (device lost); later loads use WASM. */
  #webgpuBroken: KlarError | null = null;

  constructor(config: EngineConfig) {
    this.#config = config;
    this.#cache = new ModelCache(config.cache);
    configureTransformers(config.wasmPaths);
  }

  get cache(): ModelCache {
    return this.#cache;
  }

  get faults(): EngineConfig['faults'] {
    return this.#config.faults;
  }

  manifest(): Promise<ModelManifest> {
    const source = this.#config.manifest;
    this.#manifest ??=
      typeof source === 'string'
        ? loadManifest(source, (url) => fetch(url))
        : Promise.resolve(parseManifest(source));
    return this.#manifest;
  }

  async entryFor(task: ModelTask, model?: string): Promise<ModelEntry> {
    const manifest = await this.manifest();
    // Backend and budget don't matter for choosing the entry; resolve checks them later.
    return resolveModel(manifest, { task, id: model, backend: 'wasm', includeFixtures: true })
      .entry;
  }

  queue(modelId: string): TaskQueue {
    let queue = this.#queues.get(modelId);
    if (!queue) {
      queue = new TaskQueue();
      this.#queues.set(modelId, queue);
    }
    return queue;
  }

  /** The loaded model for a request; joins a load already under way. */
  async acquire(options: AcquireOptions): Promise<LoadedModel> {
    const entry = await this.entryFor(options.task, options.model);
    const listener: LoadListener = (event) =>
      options.onProgress?.({ ...event, requestId: options.requestId } as ProgressEvent);
    const listeners = this.#listenersFor(entry.id);
    listeners.add(listener);
    try {
      let loading = this.#models.get(entry.id);
      if (!loading) {
        loading = this.#load(entry);
        this.#models.set(entry.id, loading);
        loading.then(
          (loaded) => this.#settled.set(entry.id, loaded),
          () => this.#models.delete(entry.id),
        );
      }
      const loaded = await abortable(loading, options.signal);
      listener({ status: 'ready', model: entry.id, backend: loaded.backend, dtype: loaded.dtype });
      return loaded;
    } finally {
      listeners.delete(listener);
    }
  }

  /** After WebGPU broke mid-request: the same model on WASM, with a backend-change event. */
  async replaceWithWasm(
    broken: LoadedModel,
    reason: KlarError,
    requestId: string,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<LoadedModel> {
    this.#webgpuBroken = reason;
    const id = broken.entry.id;
    onProgress?.({
      status: 'backend-change',
      requestId,
      model: id,
      from: broken.backend,
      to: 'wasm',
      reason: reason.toJSON(),
    });
    const listener: LoadListener = (event) =>
      onProgress?.({ ...event, requestId } as ProgressEvent);
    const listeners = this.#listenersFor(id);
    listeners.add(listener);
    const loading = this.#loadOn(broken.entry, 'wasm');
    this.#models.set(id, loading);
    this.#settled.delete(id);
    broken.dispose().catch(() => undefined);
    try {
      const loaded = await loading;
      this.#settled.set(id, loaded);
      return loaded;
    } catch (error) {
      this.#models.delete(id);
      throw error;
    } finally {
      listeners.delete(listener);
    }
  }

  /** The GPU device onnxruntime-web uses, once created. */
  gpuDevice(): Promise<GPUDevice> | null {
    return this.#device;
  }

  backends(): Record<string, Backend> {
    return Object.fromEntries([...this.#settled].map(([id, m]) => [id, m.backend]));
  }

  async availability(task: ModelTask, model?: string): Promise<Availability> {
    const manifest = await this.manifest();
    const probe = this.#config.backend === 'wasm' ? null : await this.#webgpu();
    const backend: Backend = probe?.available && !this.#webgpuBroken ? 'webgpu' : 'wasm';
    const backendAvailable = this.#config.backend !== 'webgpu' || backend === 'webgpu';
    let resolved: ReturnType<typeof resolveModel>;
    try {
      resolved = resolveModel(manifest, {
        task,
        id: model,
        backend,
        supportsFp16: probe?.fp16 ?? false,
        maxModelBytes: this.#config.maxModelBytes,
        includeFixtures: true,
      });
    } catch {
      return availabilityOf({
        resolvable: false,
        cachedCompletely: false,
        downloading: false,
        backendAvailable,
      });
    }
    const id = resolved.entry.id;
    const folder = this.#folderUrl(resolved.entry);
    const urls = resolved.files.map((f) => new URL(f.path, folder).href);
    const downloading = this.#models.has(id) && !this.#settled.has(id);
    const cachedCompletely = this.#settled.has(id) || (await this.#cache.hasAll(urls));
    return availabilityOf({ resolvable: true, cachedCompletely, downloading, backendAvailable });
  }

  async dispose(): Promise<void> {
    const loads = [...this.#models.values()];
    this.#models.clear();
    this.#settled.clear();
    await Promise.allSettled(loads.map(async (p) => (await p).dispose()));
  }

  #listenersFor(id: string): Set<LoadListener> {
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    return set;
  }

  #emit(id: string, event: LoadEvent): void {
    for (const listener of this.#listeners.get(id) ?? []) listener(event);
  }

  #webgpu(): Promise<WebGpuProbe> {
    this.#probe ??= probeWebGpu(this.#config.faults);
    return this.#probe;
  }

  /** The backend policy: `auto` tries WebGPU and falls back to WASM, `webgpu` insists. */
  async #load(entry: ModelEntry): Promise<LoadedModel> {
    const preference = this.#config.backend;
    if (preference === 'wasm') return this.#loadOn(entry, 'wasm');
    const probe = await this.#webgpu();
    const unavailable =
      this.#webgpuBroken ??
      (probe.available
        ? null
        : new KlarError('webgpu-unavailable', `WebGPU can't be used here: ${probe.reason}.`));
    if (unavailable) {
      if (preference === 'webgpu') throw unavailable;
      this.#emit(entry.id, {
        status: 'backend-change',
        model: entry.id,
        from: 'webgpu',
        to: 'wasm',
        reason: unavailable.toJSON(),
      });
      return this.#loadOn(entry, 'wasm');
    }
    try {
      return await this.#loadOn(entry, 'webgpu');
    } catch (error) {
      const reason = toKlarError(error, 'session-failed', 'WebGPU session could not be created');
      // Integrity and download problems are not backend problems: don't hide them.
      if (
        preference === 'webgpu' ||
        !['session-failed', 'device-lost', 'webgpu-unavailable'].includes(reason.code)
      )
        throw reason;
      this.#emit(entry.id, {
        status: 'backend-change',
        model: entry.id,
        from: 'webgpu',
        to: 'wasm',
        reason: reason.toJSON(),
      });
      return this.#loadOn(entry, 'wasm');
    }
  }

  #folderUrl(entry: ModelEntry): string {
    return new URL(`${entry.id.replace(/\/+$/, '')}/`, this.#config.modelBaseUrl).href;
  }

  async #loadOn(entry: ModelEntry, backend: Backend): Promise<LoadedModel> {
    const manifest = await this.manifest();
    const probe = backend === 'webgpu' ? await this.#webgpu() : null;
    const { dtype } = resolveModel(manifest, {
      id: entry.id,
      backend,
      supportsFp16: probe?.fp16 ?? false,
      maxModelBytes: this.#config.maxModelBytes,
    });
    const files = await fetchModelFiles({
      model: entry.id,
      folderUrl: this.#folderUrl(entry),
      files: filesFor(entry, dtype),
      cache: this.#cache,
      failCacheWrites: this.#config.faults?.failCacheWrites,
      onEvent: (event) => {
        if (event.kind === 'initiate')
          this.#emit(entry.id, { status: 'initiate', model: entry.id, file: event.file });
        else if (event.kind === 'download') {
          const { kind: _, ...rest } = event;
          this.#emit(entry.id, { status: 'download', model: entry.id, ...rest });
        } else
          this.#emit(entry.id, {
            status: 'warning',
            model: entry.id,
            warning: event.error.toJSON(),
          });
      },
    });
    if (backend === 'webgpu') await this.#prepareGpu(probe!);
    const registered = registerModelFiles(files);
    try {
      const tokenizer = await AutoTokenizer.from_pretrained(registered.virtualId);
      const model = await createSession(entry, registered.virtualId, backend, dtype);
      const loaded: LoadedModel = {
        entry,
        backend,
        dtype,
        tokenizer,
        model,
        stepHook: null,
        dispose: async () => {
          await model.dispose();
        },
      };
      // Every forward pass (one per token) first runs the current request's step hook.
      const forward = model.forward.bind(model);
      model.forward = async (inputs: Parameters<typeof forward>[0]) => {
        await loaded.stepHook?.();
        return forward(inputs);
      };
      return loaded;
    } catch (error) {
      throw toKlarError(error, 'session-failed', `Could not start ${entry.id} on ${backend}`);
    } finally {
      registered.release();
    }
  }

  async #prepareGpu(probe: WebGpuProbe): Promise<void> {
    if (this.#config.faults?.failWebGpuSession) {
      throw new KlarError('session-failed', 'WebGPU session creation failed (forced by test).');
    }
    if (!this.#device) {
      this.#device = createGpuDevice(probe.adapter!);
      const device = await this.#device;
      useGpuDevice(device);
      device.lost.then((info) => {
        this.#webgpuBroken = new KlarError(
          'device-lost',
          `The GPU device was lost (${info.reason}): ${info.message}`,
        );
      });
    }
    await this.#device;
  }

  /** True once the GPU device is gone: requests on WebGPU must move to WASM. */
  webgpuBroken(): KlarError | null {
    return this.#webgpuBroken;
  }
}

async function createSession(
  entry: ModelEntry,
  id: string,
  backend: Backend,
  dtype: string,
): Promise<PreTrainedModel> {
  const options = { dtype, device: backend } as Parameters<
    typeof AutoModelForCausalLM.from_pretrained
  >[1];
  switch (entry.task) {
    case 'text-generation':
      return AutoModelForCausalLM.from_pretrained(id, options);
    case 'token-classification':
      return AutoModelForTokenClassification.from_pretrained(id, options);
    default:
      throw new KlarError(
        'invalid-input',
        `The ${entry.task} task is not supported by this runtime version yet.`,
      );
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new KlarError('aborted', 'The request was stopped.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new KlarError('aborted', 'The request was stopped.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
