/**
 * What <klar-translate> shows once the citizen has asked: the language picker, the translation
 * panel and the "cannot translate" message, with their strings and language names. Loaded with
 * `import()` on the first click, so pages carry only the button until then (bundle budgets).
 */
import type { TranslationTarget } from '@klar/tasks';
import { html, nothing } from 'lit';
import type { Translation } from '../shared/i18n/localize.js';
import type { ModelController } from '../shared/model-controller.js';
import { renderBackend } from '../shared/model-templates.js';
import type { TranslateStrings } from './klar-translate.strings.js';
import { directionOf, nameIn, nativeName } from './languages.js';

export { translateStringsFor } from './klar-translate.strings.js';
export { preferredTarget } from './languages.js';
export { detectLanguage, listTargets } from './list-targets.js';

export interface UsedTranslation {
  readonly target: TranslationTarget;
  readonly from: string;
  readonly original: string;
}

export interface PickerView {
  readonly s: TranslateStrings;
  readonly targets: readonly TranslationTarget[];
  readonly selected: string;
  readonly select: (language: string) => void;
  readonly translate: () => void;
}

export function renderPicker(view: PickerView) {
  return html`<div class="picker" part="picker">
    <div class="field">
      <label for="language">${view.s.languageLabel}</label>
      <select
        id="language"
        part="select"
        @change=${(e: Event) => view.select((e.target as HTMLSelectElement).value)}
      >
        ${view.targets.map(
          (t) =>
            html`<option value=${t.language} lang=${t.language} dir=${directionOf(t.language)} ?selected=${t.language === view.selected}>
              ${nativeName(t.language)}
            </option>`,
        )}
      </select>
    </div>
    <button type="button" part="button translate" class="primary" @click=${view.translate}>
      ${view.s.translate}
    </button>
  </div>`;
}

export function renderMessage(message: string, t: Translation, close: () => void) {
  return html`<div class="panel" part="message">
    <p>${message}</p>
    <div class="actions">
      <button type="button" part="button close" @click=${close}>${t.close}</button>
    </div>
  </div>`;
}

export interface OutputView {
  readonly s: TranslateStrings;
  readonly t: Translation;
  readonly locale: string;
  readonly used: UsedTranslation;
  readonly output: string;
  readonly working: boolean;
  readonly stopped: boolean;
  readonly showingOriginal: boolean;
  readonly model: ModelController;
  readonly stop: () => void;
  readonly toggle: () => void;
  readonly close: () => void;
}

/** The translation (as text, with its `lang` and `dir`) or the original, labelled with its source. */
export function renderOutput(view: OutputView) {
  const { s, t, used } = view;
  const to = used.target.language;
  const from = nameIn(used.from, view.locale);
  const toName = nameIn(to, view.locale);
  const native = used.target.source === 'native';
  const label = native
    ? s.byBrowser(from, toName)
    : s.byModel(used.target.modelName ?? used.target.source, from, toName);
  const original = view.showingOriginal;
  return html`<section
    part="output"
    class="panel ai"
    aria-labelledby="heading"
    aria-busy=${view.working ? 'true' : 'false'}
  >
    <p class="title" id="heading">${original ? s.originalHeading(from) : s.heading}</p>
    <p class="note" part="label">${label} ${s.checkOriginal}</p>
    ${view.working && !view.output ? html`<p class="note">${s.translating}</p>` : nothing}
    ${
      original
        ? html`<div part="original" class="text" lang=${used.from} dir=${directionOf(used.from)}>${used.original}</div>`
        : html`<div part="text" class="text" lang=${to} dir=${directionOf(to)}>${view.output}</div>`
    }
    ${view.stopped ? html`<p class="note">${s.stopped}</p>` : nothing}
    ${native ? nothing : html`<p class="note">${renderBackend(view.model, t)}</p>`}
    <div class="actions">
      ${view.working ? html`<button type="button" part="button stop" @click=${view.stop}>${t.stop}</button>` : nothing}
      <button type="button" part="button toggle" @click=${view.toggle}>
        ${original ? s.showTranslation : s.showOriginal}
      </button>
      <button type="button" part="button close" @click=${view.close}>${t.close}</button>
    </div>
  </section>`;
}
