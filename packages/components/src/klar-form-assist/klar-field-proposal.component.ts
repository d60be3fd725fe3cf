import { html, type PropertyDeclarations } from 'lit';
import { KlarElement } from '../shared/klar-element.js';
import { baseStyles } from '../shared/styles.js';
import { proposalStyles } from './klar-form-assist.styles.js';

export interface ProposalDecision {
  readonly name: string;
  readonly accepted: boolean;
}

/**
 * @summary One AI-proposed value, shown beside its field by `<klar-form-assist>`, with accept
 * and reject. Not used on its own.
 *
 * @csspart base - The proposal box.
 * @csspart value - The proposed value (as text).
 * @csspart button - Both buttons; also `accept` and `reject`.
 */
export class KlarFieldProposal extends KlarElement {
  static override styles = [baseStyles, proposalStyles];

  static override properties: PropertyDeclarations = {
    field: { reflect: true },
    label: {},
    display: { attribute: false },
    modelName: { attribute: false },
  };

  constructor() {
    super();
    this.field = '';
    this.label = '';
    this.display = '';
    this.modelName = '';
  }

  /** The field's `name`. */
  declare field: string;
  /** The field's label, for the accessible names of the buttons. */
  declare label: string;
  /** The proposed value as people read it. */
  declare display: string;
  /** The model's name, for the AI label. */
  declare modelName: string;
  #decide(accepted: boolean): void {
    this.dispatchEvent(
      new CustomEvent<ProposalDecision>('klar-proposal-decision', {
        detail: { name: this.field, accepted },
        bubbles: true,
      }),
    );
  }

  protected override render() {
    const t = this.t;
    return html`<div class="panel ai" part="base" role="group" aria-label=${t.proposalFor(this.label)}>
      <p class="note">${t.aiGenerated(this.modelName)}</p>
      <p class="value" part="value">${this.display}</p>
      <div class="actions">
        <button type="button" class="primary" part="button accept" aria-label=${t.acceptFor(this.label)} @click=${() => this.#decide(true)}>
          ${t.accept}
        </button>
        <button type="button" part="button reject" aria-label=${t.rejectFor(this.label)} @click=${() => this.#decide(false)}>
          ${t.reject}
        </button>
      </div>
    </div>`;
  }
}
