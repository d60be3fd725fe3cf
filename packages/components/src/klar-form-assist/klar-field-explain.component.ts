import { html, nothing, type PropertyDeclarations } from 'lit';
import { isAborted } from '../shared/errors.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import { proposalStyles } from './klar-form-assist.styles.js';

/**
 * @summary A plain-language explanation of one field's label, on request. Placed after the label
 * by `<klar-form-assist explain>`. Uses the agency's own text (`data-klar-help` on the control)
 * when there is one; otherwise asks the model, labelled as AI-generated.
 *
 * @csspart button - The "What does … mean?" button.
 * @csspart explanation - The explanation.
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
    try {
      const result = await acquired.engine.generate(
        {
          ...(acquired.model ? { model: acquired.model } : {}),
          messages: [
            {
              role: 'system',
              content:
                'Förklara med vanliga ord, i högst två korta meningar, vad ett fält i ett formulär hos en svensk myndighet betyder och vad man ska skriva.',
            },
            { role: 'user', content: `Formulär: ${this.topic}\nFält: ${this.label}` },
          ],
          maxNewTokens: 80,
          sampling: { temperature: 0 },
        },
        {
          signal: abort.signal,
          onProgress: this.#model.onProgress,
          onToken: (token) => {
            this.text += token.text;
          },
        },
      );
      this.#model.ready(result.backend);
      this.fromModel = acquired.entry?.name ?? result.model;
    } catch (error) {
      if (!isAborted(error)) {
        this.#model.failWith(error);
        this.text = this.t.noExplanation;
      }
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    return html`<button
        type="button"
        part="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="explanation"
        @click=${() => void this.#toggle()}
      >
        ${t.explain(this.label)}
      </button>
      <div id="explanation" part="explanation" role="region" aria-label=${t.explanationFor(this.label)} ?hidden=${!this.open} aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.open ? renderModelPanel(this.#model, t, 'explain') : nothing}
        ${
          this.open && this.text
            ? html`<div class="panel ${this.fromModel ? 'ai' : ''}">
              ${this.fromModel ? html`<p class="note">${t.aiGenerated(this.fromModel)}</p>` : nothing}
              <p class="value">${this.text}</p>
            </div>`
            : nothing
        }
      </div>`;
  }
}
