/** The runtime's public contract, re-exported as types only (no runtime import). */
export type {
  Availability,
  Backend,
  CachedModelInfo,
  ChatMessage,
  GenerateChunk,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  JsonSchema,
  KlarEngine,
  ModelEntry,
  ModelManifest,
  ModelTask,
  ProgressEvent,
  TokenClassifyResult,
} from '@klar/runtime';
