import * as Comlink from 'comlink';
import type { EngineConfig } from '../engine/engine-config.js';
import { TaskMethods, type TaskRunOptions } from '../engine/task-engine.js';
import { KlarError } from '../errors.js';
import type { TaskChunk, TaskInput, TaskName, TaskOutput } from '../tasks/types.js';
import { installKlarErrorTransfer } from '../transfer.js';
import type {
  Availability,
  Backend,
  CachedModelInfo,
  KlarEngine,
  LoadResult,
  ModelDescription,
  ModelTask,
  RequestOptions,
} from '../types.js';
import type { RequestCallbacks, WorkerApi } from './protocol.js';
import { spawnKlarWorker } from './spawn-worker.js';
import { withTransfers } from './transferables.js';

let requestCounter = 0;

export interface Heartbeat {
  /** While requests are pending the page pings the worker this often… */
  readonly intervalMs: number;
  /**
   * …and gives up on it after this long without any sign of life. Generous by default: one
   * forward pass of a large model on WASM blocks the worker's event loop for seconds.
   */
  readonly timeoutMs: number;
}

const HEARTBEAT: Heartbeat = { intervalMs: 5_000, timeoutMs: 90_000 };

interface Connection {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<WorkerApi>;
  /** Rejects every call still waiting on this worker. */
  readonly pending: Set<(error: KlarError) => void>;
  lastSign: number;
  heartbeat: ReturnType<typeof setInterval> | null;
}

/**
 * The page side of the worker: same interface as LocalEngine; abort becomes a cancel
 * message. If the worker dies mid-request (an `error` event, or no sign of life for a long
 * time), every pending request rejects with `worker-crashed` and the next request starts a
 * fresh worker with the same configuration.
 */
export class WorkerEngine extends TaskMethods implements KlarEngine {
  readonly #config: EngineConfig;
  #connection: Connection | null = null;
  #givenWorker: Worker | undefined;
  readonly #heartbeat: Heartbeat;
  #disposed = false;

  /**
   * `worker` replaces the first worker (later ones are Klar's own); `heartbeat` sets the
   * liveness check, read at every tick (tests shorten it).
   */
  constructor(config: EngineConfig, worker?: Worker, heartbeat: Heartbeat = HEARTBEAT) {
    super();
    installKlarErrorTransfer();
    this.#config = config;
    this.#givenWorker = worker;
    this.#heartbeat = heartbeat;
    this.#connect();
  }

  runTask<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options: TaskRunOptions<TaskChunk<N>> = {},
  ): Promise<TaskOutput<N>> {
    return this.#request(
      options,
      (remote, id, callbacks) =>
        remote.run(name, withTransfers(input), id, callbacks) as Promise<TaskOutput<N>>,
      options.onChunk as ((chunk: unknown) => void) | undefined,
    );
  }

  load(model: string, options: RequestOptions = {}): Promise<LoadResult> {
    return this.#request(options, (remote, id, callbacks) => remote.load(model, id, callbacks));
  }

  availability(task: ModelTask, model?: string): Promise<Availability> {
    return this.#call((remote) => remote.availability(task, model));
  }

  describe(task: ModelTask, model?: string): Promise<ModelDescription> {
    return this.#call((remote) => remote.describe(task, model));
  }

  listCache(): Promise<readonly CachedModelInfo[]> {
    return this.#call((remote) => remote.listCache());
  }

  clearCache(model?: string): Promise<void> {
    return this.#call((remote) => remote.clearCache(model));
  }

  backends(): Promise<Readonly<Record<string, Backend>>> {
    return this.#call((remote) => remote.backends());
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    const connection = this.#connection;
    this.#connection = null;
    if (!connection) return;
    try {
      await Promise.race([
        connection.remote.dispose(),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
    } finally {
      this.#close(connection);
    }
  }

  /**
   * Test hook: ends the worker the way a crash does (terminated, out of memory), so tests can
   * check that pending requests reject with `worker-crashed` and the next one works.
   */
  simulateCrash(): void {
    const connection = this.#connection;
    if (connection) this.#crash(connection, 'the worker was terminated');
  }

  #connect(): Connection {
    if (this.#connection) return this.#connection;
    const worker = this.#givenWorker ?? spawnKlarWorker();
    this.#givenWorker = undefined;
    const remote = Comlink.wrap<WorkerApi>(worker);
    const connection: Connection = {
      worker,
      remote,
      pending: new Set(),
      lastSign: Date.now(),
      heartbeat: null,
    };
    worker.addEventListener('error', (event) => {
      const detail = (event as ErrorEvent).message || 'it failed to start or threw';
      this.#crash(connection, `the worker stopped (${detail})`);
    });
    worker.addEventListener('messageerror', () =>
      this.#crash(connection, 'a message from the worker could not be read'),
    );
    this.#connection = connection;
    void remote.init(this.#config);
    return connection;
  }

  #crash(connection: Connection, why: string): void {
    if (this.#connection === connection) this.#connection = null;
    const error = new KlarError(
      'worker-crashed',
      `Klar's worker stopped during the request: ${why}. Try again; the next request starts a new worker.`,
    );
    for (const reject of [...connection.pending]) reject(error);
    this.#close(connection);
  }

  #close(connection: Connection): void {
    connection.pending.clear();
    if (connection.heartbeat) clearInterval(connection.heartbeat);
    connection.heartbeat = null;
    connection.remote[Comlink.releaseProxy]();
    connection.worker.terminate();
  }

  /** Runs one call on the current worker; rejects with `worker-crashed` if it dies meanwhile. */
  #call<T>(call: (remote: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<T> {
    if (this.#disposed)
      return Promise.reject(
        new KlarError('disposed', 'This Klar client was disposed; create a new one.'),
      );
    const connection = this.#connect();
    return new Promise<T>((resolve, reject) => {
      const onCrash = (error: KlarError) => reject(error);
      connection.pending.add(onCrash);
      this.#watch(connection);
      call(connection.remote)
        .then(resolve, reject)
        .finally(() => {
          connection.pending.delete(onCrash);
          if (connection.pending.size === 0 && connection.heartbeat) {
            clearInterval(connection.heartbeat);
            connection.heartbeat = null;
          }
        });
    });
  }

  /** Pings the worker while requests are pending; silence past the timeout is a crash. */
  #watch(connection: Connection): void {
    if (connection.heartbeat) return;
    connection.lastSign = Date.now();
    connection.heartbeat = setInterval(() => {
      if (Date.now() - connection.lastSign > this.#heartbeat.timeoutMs) {
        this.#crash(connection, 'it stopped answering');
        return;
      }
      connection.remote.ping().then(
        () => (connection.lastSign = Date.now()),
        () => undefined,
      );
    }, this.#heartbeat.intervalMs);
  }

  #request<T>(
    options: RequestOptions,
    call: (
      remote: Comlink.Remote<WorkerApi>,
      requestId: string,
      callbacks: RequestCallbacks,
    ) => Promise<T>,
    onChunk?: (chunk: unknown) => void,
  ): Promise<T> {
    const { signal, onProgress } = options;
    if (signal?.aborted)
      return Promise.reject(new KlarError('aborted', 'The request was stopped.'));
    const requestId = `w${++requestCounter}`;
    const alive = () => {
      if (this.#connection) this.#connection.lastSign = Date.now();
    };
    // Both callbacks always exist: on the worker side a comlink proxy's property is always
    // truthy, so a missing one would be called anyway and fail on this side.
    const callbacks = Comlink.proxy<RequestCallbacks>({
      onProgress: (event) => {
        alive();
        onProgress?.(event);
      },
      onChunks: (chunks) => {
        alive();
        if (!onChunk) return;
        // After abort the page gets no more chunks, even those already in flight from the worker.
        for (const chunk of chunks) if (!signal?.aborted) onChunk(chunk);
      },
    });
    let remoteOf: Comlink.Remote<WorkerApi> | null = null;
    const onAbort = () => {
      try {
        void remoteOf?.cancel(requestId).catch(() => undefined);
      } catch {
        // The worker is already gone (crashed or disposed): nothing left to cancel.
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    return this.#call((remote) => {
      remoteOf = remote;
      return call(remote, requestId, callbacks);
    }).finally(() => {
      signal?.removeEventListener('abort', onAbort);
    });
  }
}
