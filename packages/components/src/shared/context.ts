import type { KlarEngine, ModelEntry, ModelManifest, ModelTask } from './engine-types.js';

export type EngineSource = KlarEngine | (() => KlarEngine | Promise<KlarEngine>);

export interface KlarContextInit {
  /** The engine, or a factory called once on first use. Default: `createKlar()` from `@klar/runtime`. */
  readonly engine?: EngineSource;
  /** Options for the default `createKlar()` (ignored when `engine` is given). */
  readonly runtimeOptions?: Readonly<Record<string, unknown>>;
  /** The manifest, or its URL, used to show a model's name, size and licence before download. */
  readonly manifest?: ModelManifest | string;
  /** Model id per task, e.g. `{ 'text-generation': 'fixtures/klar-tiny-llama' }`. */
  readonly models?: Partial<Record<ModelTask, string>>;
}

export type ConsentDecision = 'granted' | 'declined';

/**
 * One per document: the one engine every Klar element on the page shares, the manifest facts
 * shown before a download, and the citizen's consent per model (asked once per page).
 */
export class KlarContext extends EventTarget {
  readonly consent = new Map<string, ConsentDecision>();
  #enginePromise: Promise<KlarEngine | undefined> | undefined;
  #manifestPromise: Promise<ModelManifest | undefined> | undefined;
  #init: KlarContextInit;

  constructor(init: KlarContextInit = {}) {
    super();
    this.#init = init;
  }

  /** The shared engine, created on first call; undefined when it cannot start here. */
  engine(): Promise<KlarEngine | undefined> {
    this.#enginePromise ??= this.#createEngine().catch(() => undefined);
    return this.#enginePromise;
  }

  modelIdFor(task: ModelTask, explicit?: string): string | undefined {
    return explicit || this.#init.models?.[task];
  }

  /** The manifest entry for a task (or an explicit id); undefined if the manifest is unreachable. */
  async modelEntry(task: ModelTask, explicit?: string): Promise<ModelEntry | undefined> {
    const manifest = await this.manifest();
    if (!manifest) return undefined;
    const id = this.modelIdFor(task, explicit);
    if (id) return manifest.models.find((m) => m.id === id);
    return manifest.models.find((m) => m.task === task && m.role === 'default');
  }

  manifest(): Promise<ModelManifest | undefined> {
    this.#manifestPromise ??= this.#loadManifest();
    return this.#manifestPromise;
  }

  setConsent(model: string, decision: ConsentDecision): void {
    this.consent.set(model, decision);
    this.dispatchEvent(new Event('change'));
  }

  async #createEngine(): Promise<KlarEngine | undefined> {
    const source = this.#init.engine;
    if (typeof source === 'function') return await source();
    if (source) return source;
    const runtime = await import('@klar/runtime');
    return runtime.createKlar(
      this.#init.runtimeOptions as Parameters<typeof runtime.createKlar>[0],
    );
  }

  async #loadManifest(): Promise<ModelManifest | undefined> {
    const source = this.#init.manifest ?? '/models/manifest.json';
    if (typeof source !== 'string') return source;
    try {
      const response = await fetch(source);
      if (!response.ok) return undefined;
      const json = (await response.json()) as ModelManifest;
      return Array.isArray(json.models) ? json : undefined;
    } catch {
      return undefined;
    }
  }
}

const contexts = new WeakMap<Document, KlarContext>();

/** Sets up the page's shared engine. Call before the elements are used (or let them default). */
export function provideKlar(init: KlarContextInit, doc: Document = document): KlarContext {
  const context = new KlarContext(init);
  contexts.set(doc, context);
  return context;
}

/** The page's context, created with defaults on first use. */
export function klarContextFor(doc: Document = document): KlarContext {
  let context = contexts.get(doc);
  if (!context) {
    context = new KlarContext();
    contexts.set(doc, context);
  }
  return context;
}

/** Bytes a model downloads on the backend this device would likely use. */
export function modelBytes(entry: ModelEntry): number {
  const dtype =
    typeof navigator !== 'undefined' && 'gpu' in navigator
      ? entry.dtypes.webgpu
      : entry.dtypes.wasm;
  const files = entry.files.filter((f) => !f.dtype || f.dtype === dtype);
  return (files.length ? files : entry.files).reduce((sum, f) => sum + f.size, 0);
}
