import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes, type Translation } from './i18n/localize.js';
import type { ModelController } from './model-controller.js';

/**
 * The download question, progress and backend line, shared by every element that uses a model.
 * `idPrefix` keeps ids unique inside one shadow root.
 */
export function renderModelPanel(
  model: ModelController,
  t: Translation,
  idPrefix: string,
): TemplateResult | typeof nothing {
  if (model.phase === 'consent') {
    const entry = model.entry;
    const name = model.displayName || t.summaryHeading;
    // What this device would download for its backend, as the runtime counts it.
    const bytes = model.description?.downloadBytes;
    const size = bytes ? formatBytes(bytes, t.locale) : '?';
    const license = entry?.license ?? '?';
    return html`<div
      class="panel"
      part="consent"
      role="group"
      tabindex="-1"
      id="${idPrefix}-consent"
      aria-labelledby="${idPrefix}-consent-title"
      aria-describedby="${idPrefix}-consent-body"
    >
      <p class="title" id="${idPrefix}-consent-title">${t.consentTitle}</p>
      <p id="${idPrefix}-consent-body">${t.consentBody(name, size, license)} ${t.consentPrivacy}</p>
      ${model.saveData ? html`<p class="note" part="save-data">${t.consentSaveData}</p>` : nothing}
      <div class="actions">
        <button type="button" part="button consent-accept" class="primary" @click=${() => model.answer(true)}>
          ${t.consentAccept}
        </button>
        <button type="button" part="button consent-decline" @click=${() => model.answer(false)}>
          ${t.consentDecline}
        </button>
      </div>
    </div>`;
  }
  if (model.phase === 'loading') {
    const progress = model.progress;
    if (!progress || progress.total <= 0) {
      return html`<p class="note" part="loading">${t.loadingModel}</p>`;
    }
    const label = t.downloading(model.displayName);
    const amount = t.progressText(
      formatBytes(progress.loaded, t.locale),
      formatBytes(progress.total, t.locale),
    );
    const left = progress.secondsLeft !== undefined ? `, ${t.timeLeft(progress.secondsLeft)}` : '';
    return html`<div part="progress" class="progress">
      <p class="note" id="${idPrefix}-progress-label">${label}</p>
      <progress
        max=${progress.total}
        .value=${progress.loaded}
        aria-labelledby="${idPrefix}-progress-label"
        aria-describedby="${idPrefix}-progress-text"
      ></progress>
      <p class="note" id="${idPrefix}-progress-text">${amount}${left}</p>
    </div>`;
  }
  return nothing;
}

/** "Running on WebGPU" / "WebAssembly", once the backend is known. */
export function renderBackend(
  model: ModelController,
  t: Translation,
): TemplateResult | typeof nothing {
  return model.backend
    ? html`<span part="backend">${t.backendInUse(model.backend)}</span>`
    : nothing;
}
