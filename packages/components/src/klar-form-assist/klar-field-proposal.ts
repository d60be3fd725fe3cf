import { KlarFieldProposal } from './klar-field-proposal.component.js';

export { KlarFieldProposal };

if (!customElements.get('klar-field-proposal'))
  customElements.define('klar-field-proposal', KlarFieldProposal);

declare global {
  interface HTMLElementTagNameMap {
    'klar-field-proposal': KlarFieldProposal;
  }
}
