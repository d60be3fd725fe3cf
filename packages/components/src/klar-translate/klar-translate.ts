import { KlarTranslate } from './klar-translate.component.js';

export { KlarTranslate };

if (!customElements.get('klar-translate')) customElements.define('klar-translate', KlarTranslate);

declare global {
  interface HTMLElementTagNameMap {
    'klar-translate': KlarTranslate;
  }
}
