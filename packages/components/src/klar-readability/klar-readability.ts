import { KlarReadability } from './klar-readability.component.js';

export { KlarReadability };

if (!customElements.get('klar-readability'))
  customElements.define('klar-readability', KlarReadability);

declare global {
  interface HTMLElementTagNameMap {
    'klar-readability': KlarReadability;
  }
}
