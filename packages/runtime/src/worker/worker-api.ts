import { LocalEngine } from '../engine/local-engine.js';
import type { EngineConfig } from '../engine/engine-config.js';
import { KlarError } from '../errors.js';
import type { RequestCallbacks, WorkerApi } from './protocol.js';

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

  // Calls back to the page are not awaited: a round trip per token would slow generation.
  const progress = (callbacks: RequestCallbacks) =>
    callbacks.onProgress ? (e: Parameters<NonNullable<RequestCallbacks['onProgress']>>[0]) => void callbacks.onProgress?.(e) : undefined;

  return {
    init(config: EngineConfig) {
      engine ??= new LocalEngine(config);
    },
    load: (model, requestId, callbacks) =>
      track(requestId, (signal) => requireEngine().load(model, { signal, requestId, onProgress: progress(callbacks) })),
    generate: (request, requestId, callbacks) =>
      track(requestId, (signal) =>
        requireEngine().generate(request, {
          signal,
          requestId,
          onProgress: progress(callbacks),
          onToken: callbacks.onToken ? (chunk) => void callbacks.onToken?.(chunk) : undefined,
        }),
      ),
    classifyTokens: (request, requestId, callbacks) =>
      track(requestId, (signal) => requireEngine().classifyTokens(request, { signal, requestId, onProgress: progress(callbacks) })),
    cancel(requestId) {
      controllers.get(requestId)?.abort();
    },
    availability: (task) => requireEngine().availability(task),
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
