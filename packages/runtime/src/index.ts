export { createKlar, type KlarClient, KlarProgressEvent, resolveConfig } from './client.js';
export type { EngineConfig } from './engine/engine-config.js';
// LocalEngine (the in-thread engine) is `@klar/runtime/local-engine`, not exported here: this
// entry is what pages load, and LocalEngine would bring transformers.js and ONNX Runtime along.
export type { TaskEngine, TaskRunOptions } from './engine/task-engine.js';
export { isKlarError, KlarError, type KlarErrorCode, type KlarErrorData } from './errors.js';
export { MODEL_CACHE_NAME } from './files/model-cache.js';
export * from './manifest/index.js';
export type {
  TaskChunk,
  TaskDefinition,
  TaskInput,
  TaskName,
  TaskOutput,
  TaskTypes,
} from './tasks/types.js';
export type * from './types.js';
export { TRUSTED_TYPES_POLICY } from './worker/spawn-worker.js';
