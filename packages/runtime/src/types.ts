import type { KlarErrorCode, KlarErrorData } from './errors.js';
import type { Backend, Dtype, ModelEntry, ModelManifest, ModelTask } from './manifest/types.js';
import type { KlarPlatform } from './platform.js';

export type { Backend, Dtype, ModelManifest, ModelTask } from './manifest/types.js';
export type { KlarPlatform } from './platform.js';
export type BackendPreference = 'auto' | Backend;

/** Per-instance configuration; there is no global state. */
export interface KlarOptions {
  /** Where model folders live. Default: same origin, `/models/`. */
  readonly modelBaseUrl?: string;
  /** Where onnxruntime-web's .wasm/.mjs files are served. Default: same origin, `/ort/`. Never a CDN. */
  readonly wasmPaths?: string;
  readonly backend?: BackendPreference;
  /** Persist model files across reloads (Cache API). Default: true. */
  readonly cache?: boolean;
  /** The manifest object, or a URL to fetch it from. Default: `<modelBaseUrl>manifest.json`. */
  readonly manifest?: ModelManifest | string;
  /** Refuse models whose download is larger than this many bytes. */
  readonly maxModelBytes?: number;
  /** Run inference in a module worker (default) or in this thread (inside workers, tests). */
  readonly worker?: boolean;
  /**
   * Tests only: replaces browser facilities (WebGPU adapter, session creation, device loss,
   * storage) to simulate failures. Needs `worker: false` (functions can't cross to a worker).
   */
  readonly platform?: KlarPlatform;
}

/** Progress of one request, tied to it by `requestId`. */
export type ProgressEvent =
  | {
      readonly status: 'initiate';
      readonly requestId: string;
      readonly model: string;
      readonly file: string;
    }
  | {
      readonly status: 'download';
      readonly requestId: string;
      readonly model: string;
      readonly file: string;
      readonly loaded: number;
      readonly total: number;
      /** Bytes of every file of the model, for one overall bar. */
      readonly modelLoaded: number;
      readonly modelTotal: number;
      readonly fromCache: boolean;
    }
  | {
      readonly status: 'ready';
      readonly requestId: string;
      readonly model: string;
      readonly backend: Backend;
      readonly dtype: Dtype;
    }
  | {
      readonly status: 'backend-change';
      readonly requestId: string;
      readonly model: string;
      readonly from: Backend;
      readonly to: Backend;
      readonly reason: KlarErrorData;
    }
  | {
      readonly status: 'warning';
      readonly requestId: string;
      readonly model: string;
      readonly warning: KlarErrorData;
    };

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface SamplingOptions {
  /** 0 or absent: greedy. */
  readonly temperature?: number;
  readonly topK?: number;
  readonly topP?: number;
  /** Seed for reproducible sampling. */
  readonly seed?: number;
}

export type ChatMessage = {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
};

/** A serialisable constraint the worker enforces on every decoding step. */
export type GenerationConstraint = { readonly type: 'json-schema'; readonly schema: JsonSchema };
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface GenerateRequest {
  /** Model id from the manifest; default: the task's default model. */
  readonly model?: string;
  /** Raw prompt, or chat messages rendered with the model's chat template. */
  readonly prompt?: string;
  readonly messages?: readonly ChatMessage[];
  readonly maxNewTokens?: number;
  readonly sampling?: SamplingOptions;
  /** Generation ends when the text ends with any of these; they are left out of the result. */
  readonly stop?: readonly string[];
  readonly constraint?: GenerationConstraint;
}

export interface GenerateChunk {
  readonly text: string;
  readonly tokenId: number;
}

export interface GenerateOptions extends RequestOptions {
  readonly onToken?: (chunk: GenerateChunk) => void;
}

export type FinishReason = 'length' | 'stop' | 'eos' | 'aborted' | 'constraint';

export interface GenerateResult {
  readonly text: string;
  readonly tokenIds: readonly number[];
  readonly promptTokens: number;
  readonly finishReason: FinishReason;
  /** The backend that finished the request (after any fallback). */
  readonly backend: Backend;
  readonly model: string;
}

export interface TokenClassifyRequest {
  readonly model?: string;
  readonly text: string;
}

export interface TokenEntity {
  readonly entity: string;
  readonly score: number;
  readonly word: string;
  readonly index: number;
  /** Character offsets into the request text, when they can be recovered. */
  readonly start?: number;
  readonly end?: number;
}

export interface TokenClassifyResult {
  readonly entities: readonly TokenEntity[];
  readonly backend: Backend;
  readonly model: string;
}

export interface LoadResult {
  readonly model: string;
  readonly backend: Backend;
  readonly dtype: Dtype;
}

/** W3C Writing Assistance API terms. */
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** What elements and task APIs need to know about the model a task would use here. */
export interface ModelDescription {
  readonly task: ModelTask;
  /** The model id the engine would use (explicit, or the task's default entry); undefined if none. */
  readonly model?: string;
  /** The manifest entry of that model (name, licence, languages, contextLength, …). */
  readonly entry?: ModelEntry;
  readonly availability: Availability;
  /**
   * Why it is unavailable: 'unsupported-task', 'model-not-found', 'model-too-large',
   * 'backend-unavailable', 'invalid-manifest', 'download-failed', …
   */
  readonly reason?: KlarErrorCode;
  /** The backend this device would run it on now (a software WebGPU adapter is no GPU under 'auto'). */
  readonly backend?: Backend;
  /** The backend it runs on right now, if loaded. */
  readonly loadedBackend?: Backend;
  /** Bytes still to download for that backend's dtype (0 when stored). */
  readonly downloadBytes: number;
  /** Bytes of the model's files for that backend's dtype, stored or not. */
  readonly totalBytes: number;
  /** Every file of that dtype is in the cache (or the model is loaded). */
  readonly stored: boolean;
}

export interface CountTokensRequest {
  readonly model?: string;
  readonly text?: string;
  readonly messages?: readonly ChatMessage[];
}

export interface CountTokensResult {
  readonly tokens: number;
  /** Tokens the model can attend to (prompt and output together). */
  readonly contextLength: number;
  readonly model: string;
}

export interface CachedModelInfo {
  readonly model: string;
  readonly files: number;
  readonly bytes: number;
}

/** The one engine interface; implemented in-thread and behind a worker. */
export interface KlarEngine {
  load(model: string, options?: RequestOptions): Promise<LoadResult>;
  generate(request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResult>;
  classifyTokens(
    request: TokenClassifyRequest,
    options?: RequestOptions,
  ): Promise<TokenClassifyResult>;
  /** For the task's default model, or for `model` when given. */
  availability(task: ModelTask, model?: string): Promise<Availability>;
  /** The model a task would use here: entry, availability, backend, sizes, stored or not. */
  describe(task: ModelTask, model?: string): Promise<ModelDescription>;
  /**
   * Counts tokens with the model's real tokenizer (messages: rendered with its chat template,
   * generation prompt added). Loads only the tokenizer files, never the weights.
   */
  countTokens(request: CountTokensRequest, options?: RequestOptions): Promise<CountTokensResult>;
  listCache(): Promise<readonly CachedModelInfo[]>;
  clearCache(model?: string): Promise<void>;
  /** The backend each loaded model runs on right now. */
  backends(): Promise<Readonly<Record<string, Backend>>>;
  dispose(): Promise<void>;
}
