import { html, nothing, type PropertyDeclarations } from 'lit';
import { isAborted } from '../shared/errors.js';
import { KlarElement } from '../shared/klar-element.js';
import { loadTasks } from '../shared/lazy.js';
import { ModelController } from '../shared/model-controller.js';
import { renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import { proposalStyles } from './klar-form-assist.styles.js';

/**
 * @summary A plain-language explanation of one field's label, on request: a small toggle placed
 * after the field by `<klar-form-assist explain>` (so the label stays next to its field). Uses
 * the agency's own text (`data-klar-help` on the control) when there is one; otherwise asks the
 * model, labelled as AI-generated from the first streamed word.
 *
 * @csspart button - The "What does it mean?" toggle (its accessible name includes the label).
 * @csspart explanation - The explanation.
 * @csspart ai-label - "AI-generated (model: …)", shown from the first streamed word.
 */
export class KlarFieldExplain extends KlarElement {
  static override styles = [baseStyles, proposalStyles];

  static override properties: PropertyDeclarations = {
    label: {},
    help: { attribute: false },
    topic: { attribute: false },
    model: {},
    open: { state: true },
    text: { state: true },
    fromModel: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.label = '';
    this.help = '';
    this.topic = '';
    this.model = '';
    this.open = false;
    this.text = '';
    this.fromModel = '';
    this.busy = false;
  }

  /** The field's label. */
  declare label: string;
  /** The agency's own explanation (from `data-klar-help`); preferred over the model. */
  declare help: string;
  /** What the form is about, for the model's context (the form's heading or name). */
  declare topic: string;
  /** Model id; default: the page's setting. */
  declare model: string;
  declare private open: boolean;
  declare private text: string;
  declare private fromModel: string;
  declare private busy: boolean;
  readonly #model = new ModelController(this, 'text-generation');
  #abort: AbortController | undefined;

  async #toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) {
      this.#abort?.abort();
      this.#model.cancel();
      return;
    }
    if (this.text) return;
    if (this.help) {
      this.text = this.help;
      return;
    }
    this.busy = true;
    const abort = new AbortController();
    this.#abort = abort;
    const acquired = await this.#model.acquire(this.model || undefined);
    if (!acquired || abort.signal.aborted) {
      this.busy = false;
      this.text = this.#model.reason
        ? this.t.unavailable(this.#model.reason)
        : this.t.noExplanation;
      return;
    }
    // Labelled as AI text before the first word arrives, not only after.
    this.fromModel = acquired.entry?.name ?? acquired.model ?? '';
    try {
      const { explainField } = await loadTasks();
      if (abort.signal.aborted) return;
      const result = await explainField({
        label: this.label,
        formTitle: this.topic,
        engine: acquired.engine,
        ...(acquired.model ? { model: acquired.model } : {}),
        outputLanguage: this.locale,
        signal: abort.signal,
        onProgress: this.#model.onProgress,
        onText: (text) => {
          this.text += text;
        },
      });
      this.#model.ready(result.backend);
      this.fromModel ||= result.model;
      this.text = result.text || this.t.noExplanation;
    } catch (error) {
      if (!isAborted(error)) {
        this.#model.failWith(error);
        this.fromModel = '';
        this.text = this.t.noExplanation;
      }
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    const aiLabel = this.fromModel
      ? this.busy
        ? t.explainingWithModel(this.fromModel)
        : t.aiGenerated(this.fromModel)
      : '';
    return html`<button
        type="button"
        part="button"
        class="toggle"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="explanation"
        @click=${() => void this.#toggle()}
      >
        ${t.explainShort}<span class="sr-only"> (${this.label})</span>
      </button>
      <div id="explanation" part="explanation" role="region" aria-label=${t.explanationFor(this.label)} ?hidden=${!this.open} aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.open ? renderModelPanel(this.#model, t, 'explain') : nothing}
        ${
          this.open && (this.text || aiLabel)
            ? html`<div class="panel ${this.fromModel ? 'ai' : ''}">
              ${aiLabel ? html`<p class="note" part="ai-label">${aiLabel}</p>` : nothing}
              <p class="value">${this.text}</p>
            </div>`
            : nothing
        }
      </div>`;
  }
}
