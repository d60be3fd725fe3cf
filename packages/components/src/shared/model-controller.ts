import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  Backend,
  KlarEngine,
  ModelDescription,
  ModelEntry,
  ModelTask,
  ProgressEvent,
} from './engine-types.js';
import { errorCode, reasonFor } from './errors.js';
import { emit } from './events.js';
import type { ModelUnavailableReason } from './i18n/translation.js';
import type { KlarElement } from './klar-element.js';
import { reportSetupProblem, setupUrl } from './setup-report.js';

export type ModelPhase = 'idle' | 'checking' | 'consent' | 'loading' | 'ready' | 'unavailable';

export interface ModelProgress {
  readonly loaded: number;
  readonly total: number;
  /** Estimated from the rate so far; undefined until it can be estimated. */
  readonly secondsLeft?: number;
  readonly fromCache: boolean;
}

export interface AcquiredModel {
  readonly engine: KlarEngine;
  /** Explicit model id (attribute or page setting); undefined means the task's default. */
  readonly model?: string;
  readonly entry?: ModelEntry;
}

type Host = ReactiveControllerHost & KlarElement;

/**
 * The one path from "the citizen asked for AI help" to a usable model: finds the engine, asks
 * before any download (name, size, licence; respects Save-Data), tracks download progress and
 * the backend, and explains why the model cannot be used when it cannot.
 */
export class ModelController implements ReactiveController {
  phase: ModelPhase = 'idle';
  entry: ModelEntry | undefined;
  /** The engine's answer about the model this task would use here (see `engine.describe`). */
  description: ModelDescription | undefined;
  reason: ModelUnavailableReason | undefined;
  progress: ModelProgress | undefined;
  backend: Backend | undefined;
  #consent: ((granted: boolean | undefined) => void) | undefined;
  /** The engine of the last request, to name its folders in a setup report. */
  #engine: KlarEngine | undefined;
  #downloadStart: { time: number; loaded: number } | undefined;

  constructor(
    private readonly host: Host,
    readonly task: ModelTask,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  get saveData(): boolean {
    const connection = (navigator as Navigator & { connection?: { saveData?: boolean } })
      .connection;
    return connection?.saveData === true;
  }

  /** The model name people see: the manifest's name, else the id. */
  get displayName(): string {
    return this.entry?.name ?? this.entry?.id ?? this.host.klarContext.modelIdFor(this.task) ?? '';
  }

  /**
   * Resolves when the model may be used (already stored, or the citizen agreed to the download),
   * or with undefined and `reason` set. Never downloads without asking first. The engine (and its
   * worker) starts here, when a model is actually needed, not before.
   */
  async acquire(explicitModel?: string): Promise<AcquiredModel | undefined> {
    this.#set('checking');
    this.reason = undefined;
    this.progress = undefined;
    const engine = await this.host.resolveEngine();
    if (!engine) return this.fail('site-unavailable');
    this.#engine = engine;
    const context = this.host.klarContext;
    const requested = context.modelIdFor(this.task, explicitModel);
    let description: ModelDescription;
    try {
      description = await engine.describe(this.task, requested);
    } catch (error) {
      // describe() runs no model: a worker that dies on it never started (its script missing,
      // or blocked by the CSP), which is the site's setup, not the device.
      if (errorCode(error) === 'worker-crashed') {
        reportSetupProblem(
          { code: 'worker-start', message: String((error as Error).message) },
          context,
        );
        return this.fail('site-unavailable');
      }
      return this.failWith(error);
    }
    this.#describe(description, engine);
    if (description.availability === 'unavailable')
      return this.failWith(unavailableError(this.task, description, engine));
    const model = description.model ?? requested;
    if (description.availability === 'downloadable') {
      if (!navigator.onLine) return this.fail('offline');
      const key = model ?? this.task;
      let decision = context.consent.get(key);
      if (!decision) {
        this.#set('consent');
        // Another element on the page may get the answer first: it holds for the page.
        const onAnswer = () => {
          const answered = context.consent.get(key);
          if (answered) this.answer(answered === 'granted');
        };
        context.addEventListener('change', onAnswer);
        const granted = await new Promise<boolean | undefined>((resolve) => {
          this.#consent = resolve;
        }).finally(() => context.removeEventListener('change', onAnswer));
        if (granted === undefined) {
          this.#set('idle');
          return undefined;
        }
        decision = granted ? 'granted' : 'declined';
        if (!context.consent.has(key)) {
          context.setConsent(key, decision);
          emit(this.host, 'klar-model-consent', { model: key, granted });
        }
      }
      if (decision === 'declined') return this.fail('declined');
    }
    this.#set('loading');
    return { engine, ...(model ? { model } : {}), ...(this.entry ? { entry: this.entry } : {}) };
  }

  /** Asks the engine about the model without starting anything new; undefined on failure. */
  async describe(
    engine: KlarEngine,
    explicitModel?: string,
  ): Promise<ModelDescription | undefined> {
    const requested = this.host.klarContext.modelIdFor(this.task, explicitModel);
    try {
      const description = await engine.describe(this.task, requested);
      this.#describe(description, engine);
      return description;
    } catch {
      return undefined;
    }
  }

  #describe(description: ModelDescription, engine: KlarEngine): void {
    // A setup problem found while describing reaches the developer even before anyone asks.
    if (description.availability === 'unavailable')
      reportSetupProblem(unavailableError(this.task, description, engine), this.host.klarContext);
    this.description = description;
    this.entry = description.entry;
    // The backend shown is what runs now, else nothing: never a stale one.
    this.backend = description.loadedBackend;
    this.host.requestUpdate();
  }

  /** The citizen's answer to the download question. */
  answer(granted: boolean): void {
    const resolve = this.#consent;
    this.#consent = undefined;
    resolve?.(granted);
  }

  /** Withdraws a pending question without an answer. */
  cancel(): void {
    const resolve = this.#consent;
    this.#consent = undefined;
    resolve?.(undefined);
  }

  /** Pass as `onProgress` to the engine. */
  readonly onProgress = (event: ProgressEvent): void => {
    if (event.status === 'download') {
      const now = performance.now();
      this.#downloadStart ??= { time: now, loaded: event.modelLoaded };
      const elapsed = (now - this.#downloadStart.time) / 1000;
      const done = event.modelLoaded - this.#downloadStart.loaded;
      const rate = elapsed > 0.5 && done > 0 ? done / elapsed : 0;
      const secondsLeft = rate > 0 ? (event.modelTotal - event.modelLoaded) / rate : undefined;
      this.progress = {
        loaded: event.modelLoaded,
        total: event.modelTotal,
        fromCache: event.fromCache,
        ...(secondsLeft !== undefined ? { secondsLeft } : {}),
      };
      this.host.requestUpdate();
    } else if (event.status === 'ready') {
      this.backend = event.backend;
      this.progress = undefined;
      this.#downloadStart = undefined;
      this.#set('ready');
    } else if (event.status === 'backend-change') {
      this.backend = event.to;
      this.host.requestUpdate();
    }
  };

  /** Marks the model as in use (the first token arrived, so it is loaded). */
  ready(backend?: Backend): void {
    if (backend) this.backend = backend;
    this.progress = undefined;
    this.#set('ready');
  }

  fail(reason: ModelUnavailableReason): undefined {
    this.reason = reason;
    this.progress = undefined;
    this.#set('unavailable');
    emit(this.host, 'klar-fallback', { reason });
    return undefined;
  }

  failWith(error: unknown): undefined {
    reportSetupProblem(error, this.host.klarContext, this.#engine);
    return this.fail(reasonFor(error));
  }

  reset(): void {
    this.cancel();
    this.progress = undefined;
    this.reason = undefined;
    this.#set('idle');
  }

  #set(phase: ModelPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}

/** The runtime's "unavailable" answer as an error the setup report and the citizen text read. */
function unavailableError(task: ModelTask, description: ModelDescription, engine: KlarEngine) {
  const code = description.reason ?? 'model-not-found';
  // No entry at all: the manifest itself could not be read (404, HTML, bad JSON) or lacks the task.
  const manifestProblem = !description.entry && code !== 'unsupported-task';
  const url = setupUrl(engine, manifestProblem ? 'invalid-manifest' : code);
  return {
    code,
    ...(manifestProblem ? { fix: 'invalid-manifest' } : {}),
    message: `the runtime says the ${task} model ${description.model ? `"${description.model}" ` : ''}is unavailable here (${code})`,
    ...(url ? { details: { url } } : {}),
  };
}
