export { createKlar, type KlarClient, KlarProgressEvent, resolveConfig } from './client.js';
export type { EngineConfig } from './engine/engine-config.js';
// LocalEngine (the in-thread engine) is `@klar/runtime/local-engine`, not exported here: this
// entry is what pages load, and LocalEngine would bring transformers.js and ONNX Runtime along.
export { isKlarError, KlarError, type KlarErrorCode, type KlarErrorData } from './errors.js';
export { MODEL_CACHE_NAME } from './files/model-cache.js';
export * from './manifest/index.js';
export type * from './types.js';
