import type { EngineConfig } from '../engine/engine-config.js';
import { LocalEngine } from '../engine/local-engine.js';
import { KlarError } from '../errors.js';
import type { TaskChunk, TaskInput, TaskName } from '../tasks/types.js';
import type { ProgressEvent } from '../types.js';
import type { RequestCallbacks, WorkerApi } from './protocol.js';

/** One frame at 60 Hz: streamed tokens still look live, and the page gets few messages. */
const TOKEN_BATCH_MS = 16;

/** The worker side: a LocalEngine plus an AbortController per request id. */
export function createWorkerApi(): WorkerApi {
  let engine: LocalEngine | null = null;
  const controllers = new Map<string, AbortController>();

  const requireEngine = (): LocalEngine => {
    if (!engine) throw new KlarError('internal', 'The Klar worker was used before init().');
    return engine;
  };

  async function track<T>(requestId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    controllers.set(requestId, controller);
    try {
      return await run(controller.signal);
    } finally {
      controllers.delete(requestId);
    }
  }

  /**
   * Calls back to the page are not awaited one by one (a round trip per token would slow
   * generation); chunks are batched to at most one message per frame. They travel on the
   * callbacks' own port, unordered with the reply, so before a request resolves we flush and
   * wait for the last call: every chunk reaches the page before the result.
   */
  function relay(callbacks: RequestCallbacks) {
    let last: unknown = null;
    let batch: unknown[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const sendChunks = () => {
      timer = null;
      if (batch.length === 0) return;
      last = callbacks.onChunks?.(batch);
      batch = [];
    };
    return {
      onProgress: callbacks.onProgress
        ? (event: ProgressEvent) => {
            sendChunks();
            last = callbacks.onProgress?.(event);
          }
        : undefined,
      onChunk: callbacks.onChunks
        ? (chunk: unknown) => {
            batch.push(chunk);
            timer ??= setTimeout(sendChunks, TOKEN_BATCH_MS);
          }
        : undefined,
      flush: async () => {
        if (timer) clearTimeout(timer);
        sendChunks();
        await Promise.resolve(last).catch(() => undefined);
      },
    };
  }

  async function withRelay<T>(
    callbacks: RequestCallbacks,
    run: (r: ReturnType<typeof relay>) => Promise<T>,
  ): Promise<T> {
    const r = relay(callbacks);
    try {
      return await run(r);
    } finally {
      await r.flush();
    }
  }

  return {
    init(config: EngineConfig) {
      engine ??= new LocalEngine(config);
    },
    load: (model, requestId, callbacks) =>
      withRelay(callbacks, (r) =>
        track(requestId, (signal) =>
          requireEngine().load(model, { signal, requestId, onProgress: r.onProgress }),
        ),
      ),
    run: (name, input, requestId, callbacks) =>
      withRelay(callbacks, (r) =>
        track(requestId, (signal) =>
          requireEngine().runTask(name as TaskName, input as TaskInput<TaskName>, {
            signal,
            requestId,
            onProgress: r.onProgress,
            onChunk: r.onChunk as ((chunk: TaskChunk<TaskName>) => void) | undefined,
          }),
        ),
      ),
    ping: () => true,
    cancel(requestId) {
      controllers.get(requestId)?.abort();
    },
    availability: (task, model) => requireEngine().availability(task, model),
    describe: (task, model) => requireEngine().describe(task, model),
    listCache: () => requireEngine().listCache(),
    clearCache: (model) => requireEngine().clearCache(model),
    backends: () => requireEngine().backends(),
    async dispose() {
      for (const controller of controllers.values()) controller.abort();
      await engine?.dispose();
      engine = null;
    },
  };
}
