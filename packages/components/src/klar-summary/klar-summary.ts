import { KlarSummary } from './klar-summary.component.js';

export { KlarSummary };

if (!customElements.get('klar-summary')) customElements.define('klar-summary', KlarSummary);

declare global {
  interface HTMLElementTagNameMap {
    'klar-summary': KlarSummary;
  }
}
