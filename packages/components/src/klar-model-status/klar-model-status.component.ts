import { html, nothing, type PropertyDeclarations } from 'lit';
import type {
  CachedModelInfo,
  KlarEngine,
  ModelTask,
  ProgressEvent,
} from '../shared/engine-types.js';
import { reasonFor } from '../shared/errors.js';
import { formatBytes } from '../shared/i18n/localize.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderModelPanel } from '../shared/model-templates.js';
import { deleteStoredModels, listStoredModels } from '../shared/stored-models.js';
import { baseStyles } from '../shared/styles.js';
import { modelStatusStyles } from './klar-model-status.styles.js';

/**
 * @summary What the citizen should know about the AI model before and after a download: its
 * name, size and licence, whether it is stored on the device, the backend in use, a download
 * that asks first (and respects Save-Data) with progress, and the stored models with a way to
 * delete them.
 *
 * Connecting it starts nothing: stored models are read from the Cache API, and the engine (and
 * its worker) is asked about the model only once something on the page uses it, or when the
 * citizen asks for the details or the download. Every fact shown comes from the runtime's
 * `describe()`, so the panel and the list below it never contradict each other.
 *
 * @event klar-model-consent - The citizen answered the download question.
 * @event klar-fallback - The model cannot be used here; `detail.reason` says why.
 *
 * @csspart base - The panel.
 * @csspart details - Name, size and licence.
 * @csspart availability - Whether the model is stored, downloadable or unavailable.
 * @csspart button - Every button; also `check`, `download`, `delete`, `delete-all`, `refresh`.
 * @csspart stored - The list of stored models.
 * @csspart consent - The download question.
 * @csspart progress - The download progress.
 * @csspart backend - The backend line.
 */
export class KlarModelStatus extends KlarElement {
  static override styles = [baseStyles, modelStatusStyles];

  static override properties: PropertyDeclarations = {
    task: {},
    model: {},
    stored: { state: true },
    announcement: { state: true },
  };

  constructor() {
    super();
    this.task = 'text-generation';
    this.model = '';
    this.stored = [];
    this.announcement = '';
  }

  /** The task whose model is described. */
  declare task: ModelTask;
  /** Model id; default: the page's setting, else the task's default. */
  declare model: string;
  declare private stored: readonly CachedModelInfo[];
  declare private announcement: string;
  #model: ModelController | undefined;
  #watched: (KlarEngine & EventTarget) | undefined;
  #refreshing: Promise<void> | undefined;
  #again = false;

  get #controller(): ModelController {
    this.#model ??= new ModelController(this, this.task);
    return this.#model;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.klarContext.addEventListener('change', this.#refresh);
    this.klarContext.addEventListener('engine', this.#refresh);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.klarContext.removeEventListener('change', this.#refresh);
    this.klarContext.removeEventListener('engine', this.#refresh);
    this.#watch(undefined);
  }

  readonly #refresh = (): void => void this.refresh();

  /** Follows every request's progress on a shared client, so a download elsewhere shows here. */
  readonly #onEngineProgress = (event: Event): void => {
    const status = (event as Event & { detail?: ProgressEvent }).detail?.status;
    // A download starting elsewhere ('initiate', once per file) turns "can be downloaded" into
    // "downloading"; 'ready' and 'backend-change' change what runs.
    if (status === 'initiate' || status === 'ready' || status === 'backend-change')
      void this.refresh();
  };

  #watch(engine: KlarEngine | undefined): void {
    const target =
      engine && 'addEventListener' in engine ? (engine as KlarEngine & EventTarget) : undefined;
    if (target === this.#watched) return;
    this.#watched?.removeEventListener('progress', this.#onEngineProgress);
    this.#watched = target;
    target?.addEventListener('progress', this.#onEngineProgress);
  }

  /** The engine if one is running (or this element was given one); never starts one. */
  async #runningEngine(): Promise<KlarEngine | undefined> {
    if (this.engine) return this.engine;
    return this.klarContext.engineStarted ? await this.klarContext.engine() : undefined;
  }

  /** Reads the stored models and, if the engine runs, what it says about the model. */
  refresh(): Promise<void> {
    // Calls that arrive while one runs are folded into one more run after it.
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false;
        const [stored, engine] = await Promise.all([listStoredModels(), this.#runningEngine()]);
        this.#watch(engine);
        if (engine) await this.#controller.describe(engine, this.model || undefined);
        this.stored = stored;
      } while (this.#again);
    })().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** Starts the engine to show the model's details (the citizen asked). */
  async check(): Promise<void> {
    const engine = await this.resolveEngine();
    if (!engine) this.#controller.fail('site-unavailable');
    await this.refresh();
  }

  /** Downloads the model after asking, showing progress. */
  async download(): Promise<void> {
    const controller = this.#controller;
    const acquired = await controller.acquire(this.model || undefined);
    if (acquired) {
      const id = acquired.model ?? acquired.entry?.id;
      if (id) {
        try {
          const result = await acquired.engine.load(id, { onProgress: controller.onProgress });
          controller.ready(result.backend);
        } catch (error) {
          controller.failWith(error);
        }
      }
    }
    await this.refresh();
  }

  async #delete(model?: string): Promise<void> {
    // With an engine running, it deletes (it knows what it holds); else the Cache API directly.
    const engine = await this.#runningEngine();
    if (engine) await engine.clearCache(model);
    else await deleteStoredModels(model);
    this.announcement = this.t.deleted;
    await this.refresh();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="refresh"]')?.focus();
  }

  protected override updated(): void {
    const consent = this.renderRoot.querySelector<HTMLElement>('[part="consent"]');
    if (consent && !consent.dataset.focused) {
      consent.dataset.focused = 'true';
      consent.focus();
    }
  }

  protected override render() {
    const t = this.t;
    const controller = this.#controller;
    const busy =
      controller.phase === 'consent' ||
      controller.phase === 'loading' ||
      controller.phase === 'checking';
    return html`<section class="panel" part="base" aria-labelledby="title">
      <p class="title" id="title">${t.statusTitle}</p>
      ${this.#renderModel(busy)}
      ${controller.phase === 'unavailable' && controller.reason ? html`<p class="note">${t.unavailable(controller.reason)}</p>` : nothing}
      ${renderModelPanel(controller, t, 'status')}
      ${this.#renderStored()}
      <div class="actions">
        <button type="button" part="button refresh" @click=${() => void this.refresh()}>${t.refresh}</button>
      </div>
      <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
    </section>`;
  }

  #renderModel(busy: boolean) {
    const t = this.t;
    const description = this.#controller.description;
    if (!description) {
      return html`<p class="note" part="availability">${t.modelNotChecked}</p>
        <button type="button" part="button check" ?disabled=${busy} @click=${() => void this.check()}>
          ${t.checkModel}
        </button>`;
    }
    const entry = description.entry;
    const inList = this.stored.some((m) => m.model === description.model);
    let state: string;
    // describe() counts a loaded model as stored; the list says whether its files still are.
    if (description.loadedBackend && !inList) state = t.loadedNotStored;
    else if (description.availability === 'unavailable')
      state = t.unavailable(reasonFor({ code: description.reason }));
    else if (
      description.availability === 'downloadable' &&
      description.downloadBytes > 0 &&
      description.downloadBytes < description.totalBytes
    )
      state = t.partlyStored(formatBytes(description.downloadBytes, t.locale));
    else state = t.availability(description.availability);
    const backend = description.loadedBackend
      ? t.backendInUse(description.loadedBackend)
      : description.backend && description.availability !== 'unavailable'
        ? t.backendPlanned(description.backend)
        : '';
    return html`${entry ? html`<p part="details">${t.modelDetails(entry.name, formatBytes(description.totalBytes, t.locale), entry.license)}</p>` : nothing}
      <p part="availability">${state} ${backend ? html`<span part="backend">${backend}</span>` : nothing}</p>
      ${
        description.availability === 'downloadable' && !busy
          ? html`<button type="button" part="button download" @click=${() => void this.download()}>
              ${t.downloadSize(formatBytes(description.downloadBytes, t.locale))}
            </button>`
          : nothing
      }`;
  }

  #renderStored() {
    const t = this.t;
    const name = (m: string) => this.#nameOf(m);
    return html`<p class="title" id="stored-title">${t.storedModels}</p>
      ${
        this.stored.length
          ? html`<ul part="stored" aria-labelledby="stored-title">
              ${this.stored.map(
                (m) => html`<li>
                  <span>${t.storedModel(name(m.model), formatBytes(m.bytes, t.locale))}</span>
                  <button type="button" part="button delete" @click=${() => void this.#delete(m.model)}>
                    ${t.deleteModel(name(m.model))}
                  </button>
                </li>`,
              )}
            </ul>
            <button type="button" part="button delete-all" @click=${() => void this.#delete()}>${t.deleteAll}</button>`
          : html`<p class="note">${t.noStoredModels}</p>`
      }`;
  }

  #nameOf(id: string): string {
    const entry = this.#controller.entry;
    return entry?.id === id ? entry.name : id;
  }
}
