import type { KlarEngine, KlarOptions, ModelManifest, ModelTask } from './engine-types.js';
import { klarPageSettings } from './page-settings.js';
import { forgetSetupReports, reportSetupProblem } from './setup-report.js';

export type EngineSource = KlarEngine | (() => KlarEngine | Promise<KlarEngine>);

export interface KlarContextInit {
  /** The engine, or a factory called once on first use. Default: `createKlar()` from `@klar/runtime`. */
  readonly engine?: EngineSource;
  /** Options for the default `createKlar()` (ignored when `engine` is given). Defaults come from the page's `<meta name="klar-model-base">`. */
  readonly runtimeOptions?: KlarOptions;
  /** @deprecated Use `runtimeOptions.manifest`: the runtime reads the manifest, the elements ask it. */
  readonly manifest?: ModelManifest | string;
  /** Model id per task, e.g. `{ 'text-generation': 'fixtures/klar-tiny-llama' }`. */
  readonly models?: Partial<Record<ModelTask, string>>;
}

export type ConsentDecision = 'granted' | 'declined';

/**
 * One per document: the one engine every Klar element on the page shares, started only when a
 * model is needed, and the citizen's consent per model (asked once per page).
 *
 * Events: `change` (consent given, engine started or replaced), `engine` (the engine is ready).
 */
export class KlarContext extends EventTarget {
  readonly consent = new Map<string, ConsentDecision>();
  #enginePromise: Promise<KlarEngine | undefined> | undefined;
  #engine: KlarEngine | undefined;
  /** The running engine was made here with `createKlar()`, not handed in by the page. */
  #ownsEngine = false;
  #warnedLateSetup = false;
  #init: KlarContextInit;
  readonly #doc: Document | undefined;

  constructor(init: KlarContextInit = {}, doc?: Document) {
    super();
    this.#init = init;
    this.#doc = doc;
  }

  /** Whether something on the page has asked for the engine (so a worker may exist). */
  get engineStarted(): boolean {
    return this.#enginePromise !== undefined;
  }

  /** The engine once it is running; undefined before anything needed a model. Starts nothing. */
  get currentEngine(): KlarEngine | undefined {
    return this.#engine;
  }

  /** The shared engine, created on first call; undefined when it cannot start here. */
  engine(): Promise<KlarEngine | undefined> {
    if (!this.#enginePromise) {
      const promise = this.#createEngine().then(
        (engine) => {
          if (this.#enginePromise === promise) {
            this.#engine = engine;
            this.dispatchEvent(new Event('engine'));
          }
          return engine;
        },
        (error: unknown) => {
          reportSetupProblem(error, this);
          return undefined;
        },
      );
      this.#enginePromise = promise;
      this.dispatchEvent(new Event('change'));
    }
    return this.#enginePromise;
  }

  modelIdFor(task: ModelTask, explicit?: string): string | undefined {
    return explicit || this.#init.models?.[task];
  }

  /**
   * Applies the page's setup. Before the engine has started this simply configures it, whatever
   * order the elements and `provideKlar()` ran in. After it started, a new `engine` replaces it
   * (the page chose so); runtime options can no longer apply and the console says so once.
   */
  configure(init: KlarContextInit): void {
    if (!this.#enginePromise || init.engine) {
      if (this.#enginePromise && this.#ownsEngine) this.#warnLateSetup(true);
      this.#init = init;
      this.#enginePromise = undefined;
      this.#engine = undefined;
      this.#ownsEngine = false;
      this.consent.clear();
      forgetSetupReports(this);
    } else {
      if (init.runtimeOptions || init.manifest) this.#warnLateSetup(false);
      this.#init = { ...this.#init, ...(init.models ? { models: init.models } : {}) };
    }
    this.dispatchEvent(new Event('change'));
  }

  /**
   * Stops the engine this context started (its worker ends) and forgets the page's answers, e.g.
   * when a single-page app leaves the e-service. An engine the page handed in is left to the page.
   */
  async dispose(): Promise<void> {
    const owned = this.#ownsEngine ? this.#enginePromise : undefined;
    this.#enginePromise = undefined;
    this.#engine = undefined;
    this.#ownsEngine = false;
    this.#warnedLateSetup = false;
    this.consent.clear();
    forgetSetupReports(this);
    this.dispatchEvent(new Event('change'));
    await (await owned)?.dispose();
  }

  setConsent(model: string, decision: ConsentDecision): void {
    this.consent.set(model, decision);
    this.dispatchEvent(new Event('change'));
  }

  /** The options the default engine is created with: page settings, then `runtimeOptions`. */
  runtimeOptions(): KlarOptions {
    const page = this.#doc ? klarPageDefaults(this.#doc) : {};
    const legacyManifest = this.#init.manifest ? { manifest: this.#init.manifest } : {};
    return { ...page, ...legacyManifest, ...this.#init.runtimeOptions };
  }

  async #createEngine(): Promise<KlarEngine | undefined> {
    const source = this.#init.engine;
    if (typeof source === 'function') return await source();
    if (source) return source;
    const runtime = await import('@klar/runtime');
    const engine = runtime.createKlar(this.runtimeOptions());
    this.#ownsEngine = true;
    return engine;
  }

  #warnLateSetup(replaced: boolean): void {
    if (this.#warnedLateSetup) return;
    this.#warnedLateSetup = true;
    console.warn(
      replaced
        ? '[Klar] provideKlar({ engine }) ran after a Klar element had already started the default engine. ' +
            'The page now uses your engine for new requests, but a second worker was started first. ' +
            'Fix: call provideKlar() before any Klar element asks for AI help (e.g. at the top of your module script).'
        : '[Klar] provideKlar() ran after a Klar element had already started the engine, so its runtimeOptions ' +
            'were not applied (the page keeps one engine and one worker). Fix: call provideKlar() before any ' +
            'Klar element asks for AI help, or set <meta name="klar-model-base"> in the page.',
    );
  }
}

/** Runtime defaults from the page's `<meta>` settings (see page-settings.ts). */
function klarPageDefaults(doc: Document): KlarOptions {
  const settings = klarPageSettings(doc);
  return {
    ...(settings.modelBaseUrl ? { modelBaseUrl: settings.modelBaseUrl } : {}),
    ...(settings.manifestUrl ? { manifest: settings.manifestUrl } : {}),
    // The no-build bundle keeps the ONNX Runtime files next to klar.js, in the runtime base.
    ...(settings.runtimeBaseUrl ? { wasmPaths: settings.runtimeBaseUrl } : {}),
  };
}

const contexts = new WeakMap<Document, KlarContext>();

/**
 * Sets up the page's shared engine. Safe in any order with the elements: the one context of the
 * document is configured, so the page never gets a second engine or worker.
 */
export function provideKlar(init: KlarContextInit, doc: Document = document): KlarContext {
  const context = klarContextFor(doc);
  context.configure(init);
  return context;
}

/** The page's context, created with defaults on first use. Creating it starts nothing. */
export function klarContextFor(doc: Document = document): KlarContext {
  let context = contexts.get(doc);
  if (!context) {
    context = new KlarContext({}, doc);
    contexts.set(doc, context);
  }
  return context;
}
