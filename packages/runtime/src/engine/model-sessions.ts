import type { BackendPolicy } from '../backend/backend-policy.js';
import { KlarError, toKlarError } from '../errors.js';
import type { ModelEntry } from '../manifest/types.js';
import type { Backend, ProgressEvent } from '../types.js';
import { isBackendFailure, type WasmReplacer } from './backend-fallback.js';
import type { LoadedModel } from './loaded-model.js';
import type { LoadEvent, ModelLoader } from './model-loader.js';

type LoadListener = (event: LoadEvent) => void;

export interface AcquireOptions {
  readonly requestId: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * One download and one session per model, shared by every request: a second request for a
 * model being loaded joins that load and gets its progress under its own request id.
 * Chooses the backend through the policy and falls back to WASM when WebGPU fails to load.
 */
export class ModelSessions implements WasmReplacer {
  readonly #loader: ModelLoader;
  readonly #policy: BackendPolicy;
  readonly #loading = new Map<string, Promise<LoadedModel>>();
  readonly #loaded = new Map<string, LoadedModel>();
  readonly #listeners = new Map<string, Set<LoadListener>>();
  /** Per model being downloaded: how many requests wait, and how to stop it when none does. */
  readonly #downloads = new Map<string, { controller: AbortController; waiters: number }>();

  constructor(loader: ModelLoader, policy: BackendPolicy) {
    this.#loader = loader;
    this.#policy = policy;
  }

  /** The model, loaded now, if it is. */
  loaded(id: string): LoadedModel | undefined {
    return this.#loaded.get(id);
  }

  isLoading(id: string): boolean {
    return this.#loading.has(id) && !this.#loaded.has(id);
  }

  backends(): Record<string, Backend> {
    return Object.fromEntries([...this.#loaded].map(([id, m]) => [id, m.backend]));
  }

  /** The loaded model for a request; joins a load already under way. */
  async acquire(entry: ModelEntry, options: AcquireOptions): Promise<LoadedModel> {
    const listener = this.#listen(entry.id, options.requestId, options.onProgress);
    try {
      let loading = this.#loading.get(entry.id);
      if (!loading) {
        const controller = new AbortController();
        loading = this.#load(entry, controller.signal);
        this.#track(entry.id, loading);
        this.#shareDownload(entry.id, loading, controller);
      }
      const loaded = await this.#wait(entry.id, loading, options.signal);
      listener({ status: 'ready', model: entry.id, backend: loaded.backend, dtype: loaded.dtype });
      return loaded;
    } finally {
      this.#listenersFor(entry.id).delete(listener);
    }
  }

  #shareDownload(id: string, loading: Promise<LoadedModel>, controller: AbortController): void {
    const shared = { controller, waiters: 0 };
    this.#downloads.set(id, shared);
    const done = () => {
      if (this.#downloads.get(id) === shared) this.#downloads.delete(id);
    };
    loading.then(done, done);
  }

  /** Waits for a shared load; when the last waiting request is aborted, stops the download. */
  async #wait(
    id: string,
    loading: Promise<LoadedModel>,
    signal: AbortSignal | undefined,
  ): Promise<LoadedModel> {
    const shared = this.#downloads.get(id);
    if (shared) shared.waiters += 1;
    try {
      return await abortable(loading, signal);
    } finally {
      if (shared) {
        shared.waiters -= 1;
        if (shared.waiters === 0 && signal?.aborted && this.#downloads.get(id) === shared) {
          shared.controller.abort();
        }
      }
    }
  }

  /** After WebGPU broke mid-request: the same model on WASM, with a backend-change event. */
  async replaceWithWasm(
    broken: LoadedModel,
    reason: KlarError,
    requestId: string,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<LoadedModel> {
    this.#policy.markBroken(reason);
    const id = broken.entry.id;
    onProgress?.({
      status: 'backend-change',
      requestId,
      model: id,
      from: broken.backend,
      to: 'wasm',
      reason: reason.toJSON(),
    });
    const listener = this.#listen(id, requestId, onProgress);
    const loading = this.#loader.load(broken.entry, 'wasm', (e) => this.#emit(id, e));
    this.#loaded.delete(id);
    this.#track(id, loading);
    broken.dispose().catch(() => undefined);
    try {
      return await loading;
    } finally {
      this.#listenersFor(id).delete(listener);
    }
  }

  async dispose(): Promise<void> {
    const loads = [...this.#loading.values()];
    this.#loading.clear();
    this.#loaded.clear();
    await Promise.allSettled(loads.map(async (p) => (await p).dispose()));
  }

  #track(id: string, loading: Promise<LoadedModel>): void {
    this.#loading.set(id, loading);
    loading.then(
      (loaded) => {
        if (this.#loading.get(id) === loading) this.#loaded.set(id, loaded);
      },
      () => {
        if (this.#loading.get(id) === loading) this.#loading.delete(id);
      },
    );
  }

  /** The backend policy at load time: `auto` falls back to WASM when WebGPU can't start. */
  async #load(entry: ModelEntry, signal?: AbortSignal): Promise<LoadedModel> {
    const emit = (event: LoadEvent) => this.#emit(entry.id, event);
    const choice = await this.#policy.choose();
    if (choice.backend === null) throw choice.reason;
    const change = (reason: KlarError) =>
      emit({
        status: 'backend-change',
        model: entry.id,
        from: 'webgpu',
        to: 'wasm',
        reason: reason.toJSON(),
      });
    if (choice.backend === 'wasm') {
      if (choice.skipped) change(choice.skipped);
      return this.#loader.load(entry, 'wasm', emit, signal);
    }
    try {
      return await this.#loader.load(entry, 'webgpu', emit, signal);
    } catch (error) {
      const reason = toKlarError(error, 'session-failed', 'WebGPU session could not be created');
      // Integrity and download problems are not backend problems: don't hide them.
      if (!isBackendFailure(reason, this.#policy.preference)) throw reason;
      change(reason);
      return this.#loader.load(entry, 'wasm', emit, signal);
    }
  }

  #listen(
    id: string,
    requestId: string,
    onProgress: ((event: ProgressEvent) => void) | undefined,
  ): LoadListener {
    const listener: LoadListener = (event) =>
      onProgress?.({ ...event, requestId } as ProgressEvent);
    this.#listenersFor(id).add(listener);
    return listener;
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
}

export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new KlarError('aborted', 'The request was stopped.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new KlarError('aborted', 'The request was stopped.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
