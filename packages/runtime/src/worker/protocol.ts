import type { EngineConfig } from '../engine/engine-config.js';
import type { TaskName } from '../tasks/types.js';
import type {
  Availability,
  Backend,
  CachedModelInfo,
  LoadResult,
  ModelDescription,
  ModelTask,
  ProgressEvent,
} from '../types.js';

/** Callbacks the page passes (as comlink proxies) with each request. */
export interface RequestCallbacks {
  onProgress?(event: ProgressEvent): void;
  /** Streamed output arrives in batches (at most one message per frame), in order. */
  onChunks?(chunks: readonly unknown[]): void;
}

/**
 * What the worker exposes. Every task goes through the one generic `run` (task name, input,
 * request id, callbacks), so a new task never changes this protocol. Every request carries
 * an id so the page can cancel it.
 */
export interface WorkerApi {
  init(config: EngineConfig): void;
  /** Answers at once: the page's liveness check while requests are pending. */
  ping(): boolean;
  run(
    name: TaskName,
    input: unknown,
    requestId: string,
    callbacks: RequestCallbacks,
  ): Promise<unknown>;
  load(model: string, requestId: string, callbacks: RequestCallbacks): Promise<LoadResult>;
  cancel(requestId: string): void;
  availability(task: ModelTask, model?: string): Promise<Availability>;
  describe(task: ModelTask, model?: string): Promise<ModelDescription>;
  listCache(): Promise<readonly CachedModelInfo[]>;
  clearCache(model?: string): Promise<void>;
  backends(): Promise<Readonly<Record<string, Backend>>>;
  dispose(): Promise<void>;
}
