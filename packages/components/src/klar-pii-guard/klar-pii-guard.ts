import { KlarPiiGuard } from './klar-pii-guard.component.js';

export { KlarPiiGuard };

if (!customElements.get('klar-pii-guard')) customElements.define('klar-pii-guard', KlarPiiGuard);

declare global {
  interface HTMLElementTagNameMap {
    'klar-pii-guard': KlarPiiGuard;
  }
}
