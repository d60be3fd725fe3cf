import type { EngineConfig } from '../engine/engine-config.js';
import type {
  Availability,
  Backend,
  CachedModelInfo,
  GenerateChunk,
  GenerateRequest,
  GenerateResult,
  LoadResult,
  ModelTask,
  ProgressEvent,
  TokenClassifyRequest,
  TokenClassifyResult,
} from '../types.js';

/** Callbacks the page passes (as comlink proxies) with each request. */
export interface RequestCallbacks {
  onProgress?(event: ProgressEvent): void;
  /** Tokens arrive in batches (at most one message per frame), in order. */
  onTokens?(chunks: readonly GenerateChunk[]): void;
}

/** What the worker exposes. Every request carries an id so the page can cancel it. */
export interface WorkerApi {
  init(config: EngineConfig): void;
  load(model: string, requestId: string, callbacks: RequestCallbacks): Promise<LoadResult>;
  generate(
    request: GenerateRequest,
    requestId: string,
    callbacks: RequestCallbacks,
  ): Promise<GenerateResult>;
  classifyTokens(
    request: TokenClassifyRequest,
    requestId: string,
    callbacks: RequestCallbacks,
  ): Promise<TokenClassifyResult>;
  cancel(requestId: string): void;
  availability(task: ModelTask, model?: string): Promise<Availability>;
  listCache(): Promise<readonly CachedModelInfo[]>;
  clearCache(model?: string): Promise<void>;
  backends(): Promise<Readonly<Record<string, Backend>>>;
  dispose(): Promise<void>;
}
