import { KlarModelStatus } from './klar-model-status.component.js';

export { KlarModelStatus };

if (!customElements.get('klar-model-status'))
  customElements.define('klar-model-status', KlarModelStatus);

declare global {
  interface HTMLElementTagNameMap {
    'klar-model-status': KlarModelStatus;
  }
}
