import { KlarFieldExplain } from './klar-field-explain.component.js';

export { KlarFieldExplain };

if (!customElements.get('klar-field-explain'))
  customElements.define('klar-field-explain', KlarFieldExplain);

declare global {
  interface HTMLElementTagNameMap {
    'klar-field-explain': KlarFieldExplain;
  }
}
