import type { Availability, KlarEngine, ModelTask, ProgressEvent } from '@klar/runtime';

export type { Availability, ModelTask, ProgressEvent };

/**
 * The part of the runtime's engine the task APIs use. A `KlarClient` (from `createKlar()`) is
 * one; so is `LocalEngine`, and a test double needs only these methods.
 */
export type TaskEngine = Pick<KlarEngine, 'generate' | 'load' | 'describe' | 'countTokens'>;

/** An engine, or a factory called once when a session first needs it. */
export type EngineSource = TaskEngine | (() => TaskEngine | Promise<TaskEngine>);

/** W3C `CreateMonitorCallback`: receives an EventTarget that gets `downloadprogress` events. */
export type CreateMonitorCallback = (monitor: EventTarget) => void;

/** Options every Klar task API takes besides the W3C ones. */
export interface KlarSourceOptions {
  /**
   * The engine that runs the model. Pass the page's one (the elements use it too), so the page
   * keeps one worker. Default: one `createKlar()` made on first use.
   */
  readonly engine?: EngineSource;
  /** Model id from the manifest. Default: the runtime's default model for the task. */
  readonly model?: string;
  /**
   * Use the browser's built-in API when it exists and says `available` for the requested
   * languages. Default true. The built-in APIs exist on the window only, never in workers.
   */
  readonly useNative?: boolean;
  /** Also use the built-in API when it says `downloadable` (the browser downloads its model). Default false. */
  readonly allowNativeDownload?: boolean;
}

export interface KlarCreateOptions extends KlarSourceOptions {
  readonly monitor?: CreateMonitorCallback;
  readonly signal?: AbortSignal;
  /** Every runtime progress event of the model's download and load (backend, cache), for views. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** Where a session's text comes from: the browser's own model, or a Klar model id. */
export type TaskSource = 'native' | (string & {});
