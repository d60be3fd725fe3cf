import { html, nothing, type PropertyDeclarations } from 'lit';
import { modelBytes } from '../shared/context.js';
import type { Availability, CachedModelInfo, ModelTask } from '../shared/engine-types.js';
import { formatBytes } from '../shared/i18n/localize.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderBackend, renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import { modelStatusStyles } from './klar-model-status.styles.js';

/**
 * @summary What the citizen should know about the AI model before and after a download: its
 * name, size and licence, whether it is stored on the device, the backend in use, a download
 * that asks first (and respects Save-Data) with progress, and the stored models with a way to
 * delete them.
 *
 * @event klar-model-consent - The citizen answered the download question.
 * @event klar-fallback - The model cannot be used here; `detail.reason` says why.
 *
 * @csspart base - The panel.
 * @csspart details - Name, size and licence.
 * @csspart availability - Whether the model is stored, downloadable or unavailable.
 * @csspart button - Every button; also `download`, `delete`, `delete-all`.
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
    availability: { state: true },
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
  declare private availability: Availability | undefined;
  declare private stored: readonly CachedModelInfo[];
  declare private announcement: string;
  #model: ModelController | undefined;

  get #controller(): ModelController {
    this.#model ??= new ModelController(this, this.task);
    return this.#model;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.klarContext.addEventListener('change', this.#refresh);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.klarContext.removeEventListener('change', this.#refresh);
  }

  readonly #refresh = (): void => void this.refresh();

  /** Reads availability, the stored models and the backend again. */
  async refresh(): Promise<void> {
    const controller = this.#controller;
    const engine = await this.resolveEngine();
    controller.entry = await this.klarContext.modelEntry(this.task, this.model || undefined);
    if (!engine) {
      this.availability = 'unavailable';
      return;
    }
    try {
      const [availability, stored, backends] = await Promise.all([
        engine.availability(this.task),
        engine.listCache(),
        engine.backends(),
      ]);
      this.availability = availability;
      this.stored = stored;
      const id =
        controller.entry?.id ?? this.klarContext.modelIdFor(this.task, this.model || undefined);
      const backend = id ? backends[id] : undefined;
      if (backend) controller.backend = backend;
    } catch {
      this.availability = 'unavailable';
    }
    this.requestUpdate();
  }

  /** Downloads the model after asking, showing progress. */
  async download(): Promise<void> {
    const controller = this.#controller;
    const acquired = await controller.acquire(this.model || undefined);
    if (!acquired) return;
    const id = acquired.model ?? acquired.entry?.id;
    if (!id) return;
    try {
      const result = await acquired.engine.load(id, { onProgress: controller.onProgress });
      controller.ready(result.backend);
    } catch (error) {
      controller.failWith(error);
    }
    await this.refresh();
  }

  async #delete(model?: string): Promise<void> {
    const engine = await this.resolveEngine();
    await engine?.clearCache(model);
    this.announcement = this.t.deleted;
    await this.refresh();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="refresh"]')?.focus(),
    );
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
    const entry = controller.entry;
    const name = (m: string) => this.#nameOf(m);
    const busy =
      controller.phase === 'consent' ||
      controller.phase === 'loading' ||
      controller.phase === 'checking';
    return html`<section class="panel" part="base" aria-labelledby="title">
      <p class="title" id="title">${t.statusTitle}</p>
      ${entry ? html`<p part="details">${t.modelDetails(entry.name, formatBytes(modelBytes(entry), t.locale), entry.license)}</p>` : nothing}
      ${this.availability ? html`<p part="availability">${t.availability(this.availability)} ${renderBackend(controller, t)}</p>` : nothing}
      ${controller.phase === 'unavailable' && controller.reason ? html`<p class="note">${t.unavailable(controller.reason)}</p>` : nothing}
      ${
        this.availability === 'downloadable' && !busy
          ? html`<button type="button" part="button download" @click=${() => void this.download()}>
              ${t.download}
            </button>`
          : nothing
      }
      ${renderModelPanel(controller, t, 'status')}
      <p class="title" id="stored-title">${t.storedModels}</p>
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
      }
      <div class="actions">
        <button type="button" part="button refresh" @click=${() => void this.refresh()}>${t.refresh}</button>
      </div>
      <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
    </section>`;
  }

  #nameOf(id: string): string {
    const entry = this.#controller.entry;
    return entry?.id === id ? entry.name : id;
  }
}
