import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import type { ModelHost } from '../engine/model-host.js';
import type { Backend, Dtype, ModelEntry, ModelTask } from '../manifest/types.js';
import type {
  CountTokensRequest,
  CountTokensResult,
  GenerateChunk,
  GenerateRequest,
  GenerateResult,
  ProgressEvent,
  TokenClassifyRequest,
  TokenClassifyResult,
} from '../types.js';
import type { TranscribeChunk, TranscribeRequest, TranscribeResult } from './transcription.js';
import type {
  TranslateChunk,
  TranslateRequest,
  TranslateResult,
  TranslationCountTokensRequest,
  TranslationPairsRequest,
  TranslationPairsResult,
} from './translation.js';
import type { VoiceActivityRequest, VoiceActivityResult } from './voice-activity.js';

/**
 * Input, output and streamed chunk of every operation the generic task request carries.
 * A new task adds its line here and its file under `tasks/`; the forwarding layers (client,
 * worker protocol, worker api, engines) stay as they are.
 */
export interface TaskTypes {
  'text-generation': { input: GenerateRequest; output: GenerateResult; chunk: GenerateChunk };
  'count-tokens': { input: CountTokensRequest; output: CountTokensResult; chunk: never };
  'token-classification': {
    input: TokenClassifyRequest;
    output: TokenClassifyResult;
    chunk: never;
  };
  /** One chunk per translated sentence. */
  translation: { input: TranslateRequest; output: TranslateResult; chunk: TranslateChunk };
  /** The directions the manifest serves and their models (reads the manifest only). */
  'translation-pairs': {
    input: TranslationPairsRequest;
    output: TranslationPairsResult;
    chunk: never;
  };
  /** Tokens of a text with the tokenizer of a translation model (no weights load). */
  'translation-count-tokens': {
    input: TranslationCountTokensRequest;
    output: CountTokensResult;
    chunk: never;
  };
  /** Partial text as tokens arrive. */
  'automatic-speech-recognition': {
    input: TranscribeRequest;
    output: TranscribeResult;
    chunk: TranscribeChunk;
  };
  /** Speech segments (seconds) in audio; no chunks. */
  'voice-activity-detection': {
    input: VoiceActivityRequest;
    output: VoiceActivityResult;
    chunk: never;
  };
}

export type TaskName = keyof TaskTypes;
export type TaskInput<N extends TaskName> = TaskTypes[N]['input'];
export type TaskOutput<N extends TaskName> = TaskTypes[N]['output'];
export type TaskChunk<N extends TaskName> = TaskTypes[N]['chunk'];

/** What one request gives the task that runs it. */
export interface TaskContext<Chunk = never> {
  readonly host: ModelHost;
  readonly requestId: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Streamed output, in order (text-generation: one per token). */
  readonly onChunk?: (chunk: Chunk) => void;
}

export interface TaskOperation<N extends TaskName> {
  run(input: TaskInput<N>, context: TaskContext<TaskChunk<N>>): Promise<TaskOutput<N>>;
}

/** One model task: the model class and processor it needs, what its manifest entry must say, its operations. */
export interface TaskDefinition {
  readonly task: ModelTask;
  /**
   * `onnxruntime`: the task runs its own ONNX Runtime session on the manifest's verified files
   * (voice activity detection) and acquires it itself; the model loader never calls its
   * `loadProcessor`/`createModel`. Absent: a transformers.js model, loaded by the model host.
   */
  readonly session?: 'onnxruntime';
  /** Problems with a manifest entry for this task (empty: it can be loaded). */
  checkEntry(entry: ModelEntry): readonly string[];
  /** The processor (a tokenizer for text tasks), from the files registered under `id`. */
  loadProcessor(id: string): Promise<PreTrainedTokenizer>;
  /** The model session on `device` with the weights of `dtype`. */
  createModel(id: string, options: { dtype: Dtype; device: Backend }): Promise<PreTrainedModel>;
  readonly operations: { readonly [N in TaskName]?: TaskOperation<N> };
}
