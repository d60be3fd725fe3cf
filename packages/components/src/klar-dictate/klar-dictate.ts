import { KlarDictate } from './klar-dictate.component.js';

export { KlarDictate };

if (!customElements.get('klar-dictate')) customElements.define('klar-dictate', KlarDictate);

declare global {
  interface HTMLElementTagNameMap {
    'klar-dictate': KlarDictate;
  }
}
