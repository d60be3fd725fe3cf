import './klar-field-explain.js';
import './klar-field-proposal.js';
import { KlarFormAssist } from './klar-form-assist.component.js';

export { KlarFormAssist };

if (!customElements.get('klar-form-assist'))
  customElements.define('klar-form-assist', KlarFormAssist);

declare global {
  interface HTMLElementTagNameMap {
    'klar-form-assist': KlarFormAssist;
  }
}
