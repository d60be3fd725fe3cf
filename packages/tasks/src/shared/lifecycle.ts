import { destroyedError, throwIfAborted } from './errors.js';

/**
 * The W3C session lifecycle: `destroy()` stops every call in flight, and every later call
 * rejects ('disposed'). The signal given to `create()` destroys the session too.
 */
export class Lifecycle {
  readonly #controller = new AbortController();
  readonly #what: string;

  constructor(what: string, createSignal?: AbortSignal) {
    this.#what = what;
    createSignal?.addEventListener('abort', () => this.destroy(), { once: true });
  }

  get destroyed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** The signal for one call: fires on destroy() or on the call's own signal. */
  signalFor(callSignal: AbortSignal | undefined): AbortSignal {
    if (this.destroyed) throw destroyedError(this.#what);
    throwIfAborted(callSignal);
    return callSignal
      ? AbortSignal.any([this.#controller.signal, callSignal])
      : this.#controller.signal;
  }

  destroy(): void {
    this.#controller.abort();
  }
}
