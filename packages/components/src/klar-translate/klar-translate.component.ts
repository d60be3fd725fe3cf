// Types only: the task layer (and the runtime client under it) loads when the citizen asks.
import type { TranslationTarget, Translator } from '@klar/tasks';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { KlarEngine } from '../shared/engine-types.js';
import { errorCode, isAborted } from '../shared/errors.js';
import { KlarElement } from '../shared/klar-element.js';
import { loadTasks } from '../shared/lazy.js';
import { ModelController } from '../shared/model-controller.js';
import { renderBackend, renderModelPanel } from '../shared/model-templates.js';
import { reportSetupProblem, setupUrl } from '../shared/setup-report.js';
import { baseStyles } from '../shared/styles.js';
import { type TranslateStrings, translateStringsFor } from './klar-translate.strings.js';
import { translateStyles } from './klar-translate.styles.js';
import { directionOf, nameIn, nativeName, preferredTarget, primaryTag } from './languages.js';

type Tasks = Awaited<ReturnType<typeof loadTasks>>;
type Status = 'idle' | 'listing' | 'choose' | 'none' | 'working' | 'done' | 'stopped' | 'failed';

export interface KlarTranslateDoneDetail {
  /** 'native' (the browser's translator) or the Klar model id. */
  readonly source: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly stopped: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'klar-translate-done': CustomEvent<KlarTranslateDoneDetail>;
  }
}

/**
 * @summary Translates a section of the page (a decision letter, say) into the citizen's
 * language, on their device: with the browser's own translator when it has the language pair,
 * else with Klar's translation model for that direction (asked before any download). The
 * language picker offers only languages that can be served here, each named in its own
 * language, and pre-selects the language detected in what the citizen wrote (`detect-from`) or
 * the browser's language. The output is labelled machine translation with its source, carries
 * `lang` and `dir`, streams sentence by sentence, and is rendered as text. The original is never
 * changed: it stays on the page, and "Show the original" shows it in place of the translation.
 *
 * @slot - The original text (when `for` is not used). It stays visible.
 *
 * @event klar-translate-done - A translation finished or was stopped. `detail: { source, sourceLanguage, targetLanguage, stopped }`.
 * @event klar-fallback - Klar's model could not be used; `detail.reason` says why.
 * @event klar-model-consent - The citizen answered the download question.
 *
 * @csspart base - The wrapper of the controls and the output.
 * @csspart button - Every button. Also `trigger`, `translate`, `toggle`, `stop`, `close`.
 * @csspart picker - The language picker; `select` is its `<select>`.
 * @csspart output - The translation panel.
 * @csspart label - The "machine translation by …, the original is what counts" line.
 * @csspart text - The translated text (carries `lang` and `dir`).
 * @csspart original - The original text, when shown in the panel.
 * @csspart message - Why no translation can be made.
 * @csspart consent - The download question.
 * @csspart progress - The download progress.
 * @csspart backend - The backend line.
 *
 * @cssproperty --klar-color-ai - Colour of the bar marking AI output.
 * @cssproperty --klar-translate-font-size - Font size of the translated text.
 */
export class KlarTranslate extends KlarElement {
  static override styles = [baseStyles, translateStyles];

  static override properties: PropertyDeclarations = {
    for: { reflect: true },
    detectFrom: { attribute: 'detect-from' },
    sourceLanguage: { attribute: 'source-language' },
    model: {},
    useNative: { type: Boolean, attribute: 'use-native', converter: nativeConverter },
    status: { state: true },
    targets: { state: true },
    selected: { state: true },
    output: { state: true },
    showing: { state: true },
    used: { state: true },
    message: { state: true },
    announcement: { state: true },
  };

  constructor() {
    super();
    this.for = '';
    this.detectFrom = '';
    this.sourceLanguage = '';
    this.model = '';
    this.useNative = true;
    this.status = 'idle';
    this.targets = [];
    this.selected = '';
    this.output = '';
    this.showing = 'translation';
    this.message = '';
    this.announcement = '';
  }

  /** Id of the element whose text is translated (same root). Default: the slotted content. */
  declare for: string;
  /** Id of a field or element with the citizen's own writing: its language is pre-selected. */
  declare detectFrom: string;
  /** BCP 47 language of the original. Default: the `lang` the original stands in. */
  declare sourceLanguage: string;
  /** Model id from the manifest. Default: the page's setting, else the manifest's model per direction. */
  declare model: string;
  /** Use the browser's built-in translator where it has the pair (default). `use-native="false"` turns it off. */
  declare useNative: boolean;
  declare private status: Status;
  declare private targets: readonly TranslationTarget[];
  declare private selected: string;
  declare private output: string;
  declare private showing: 'translation' | 'original';
  declare private used: { target: TranslationTarget; from: string; original: string } | undefined;
  declare private message: string;
  declare private announcement: string;
  readonly #model = new ModelController(this, 'translation');
  #abort: AbortController | undefined;
  #focusAfterRender: string | undefined;

  /** The current translation (empty until one is made). */
  get translation(): string {
    return this.output;
  }

  protected get s(): TranslateStrings {
    return translateStringsFor(this.locale);
  }

  /** The language of the original: the attribute, else the `lang` the original stands in. */
  get originalLanguage(): string {
    if (this.sourceLanguage) return primaryTag(this.sourceLanguage);
    const el = this.#sourceElement();
    const lang =
      el?.closest('[lang]')?.getAttribute('lang') ?? this.ownerDocument.documentElement.lang;
    return primaryTag(lang || 'sv') || 'sv';
  }

  /** Opens the language picker with the languages that can be served here (as the button does). */
  async open(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.message = '';
    this.announcement = '';
    this.status = 'listing';
    let tasks: Tasks;
    try {
      tasks = await loadTasks();
    } catch (error) {
      if (this.#abort !== abort) return;
      this.#model.failWith(error);
      this.#noLanguages();
      return;
    }
    const engine = await this.resolveEngine();
    if (abort.signal.aborted) return;
    const source = this.originalLanguage;
    const model = this.klarContext.modelIdFor('translation', this.model || undefined);
    const { targets, runtimeError } = await tasks.Translator.targetLanguages({
      sourceLanguage: source,
      useNative: this.useNative,
      // No second engine: when the page's cannot start, only the browser's translator is asked.
      engine:
        engine ??
        (() => {
          throw Object.assign(new Error('The Klar engine could not start.'), { code: 'internal' });
        }),
      ...(model ? { model } : {}),
      signal: abort.signal,
    });
    if (abort.signal.aborted) return;
    if (runtimeError && engine) reportSetupProblem(runtimeError, this.klarContext, engine);
    for (const target of targets) {
      if (target.availability !== 'unavailable' || !engine) continue;
      const code = target.reason ?? 'model-not-found';
      const url = setupUrl(engine, code);
      reportSetupProblem(
        {
          code,
          message: `the translation model "${target.source}" for ${source}→${target.language} is unavailable here (${code})`,
          ...(url ? { details: { url } } : {}),
        },
        this.klarContext,
        engine,
      );
    }
    this.targets = targets.filter((t) => t.availability !== 'unavailable');
    if (!this.targets.length) {
      this.#noLanguages();
      return;
    }
    const detected = await this.#detectedLanguage(tasks, abort.signal);
    if (abort.signal.aborted) return;
    this.selected =
      preferredTarget(
        this.targets.map((t) => t.language),
        detected,
        navigator.languages ?? [navigator.language],
      ) ?? '';
    this.status = 'choose';
    this.#focusAfterRender = 'select';
  }

  /** Translates into `language` (default: the one picked), streaming sentence by sentence. (Not `translate`: that is HTMLElement's boolean.) */
  async translateInto(language: string = this.selected): Promise<void> {
    const target = this.targets.find((t) => t.language === primaryTag(language));
    if (!target) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const original = this.#readSource().trim();
    this.output = '';
    this.message = '';
    this.showing = 'translation';
    if (!original) {
      this.announcement = this.s.noSource;
      return;
    }
    const from = this.originalLanguage;
    this.used = { target, from, original };
    this.status = 'working';
    this.announcement = '';
    let tasks: Tasks;
    try {
      tasks = await loadTasks();
    } catch (error) {
      if (this.#abort === abort) this.#fail(error);
      return;
    }
    // The browser's translator needs no engine: the page's is asked for only if it is used after all.
    let engine: KlarEngine | (() => Promise<KlarEngine>) = async () =>
      (await this.resolveEngine()) as KlarEngine;
    if (target.source !== 'native') {
      this.#model.reset();
      const acquired = await this.#model.acquire(target.source);
      if (abort.signal.aborted) return;
      if (!acquired) {
        if (this.#model.phase === 'unavailable') this.#unavailable();
        else this.status = 'choose';
        return;
      }
      engine = acquired.engine;
    }
    let translator: Translator | undefined;
    try {
      translator = await tasks.Translator.create({
        sourceLanguage: from,
        targetLanguage: target.language,
        useNative: target.source === 'native',
        engine,
        ...(target.source !== 'native' ? { model: target.source } : {}),
        onProgress: this.#model.onProgress,
        signal: abort.signal,
      });
      const reader = translator.translateStreaming(original, { signal: abort.signal }).getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        if (target.source !== 'native' && this.#model.phase !== 'ready') this.#model.ready();
        this.output += next.value;
      }
      this.#finish(false);
    } catch (error) {
      if (this.#abort !== abort) return;
      if (isAborted(error) || abort.signal.aborted) {
        this.#finish(true);
        return;
      }
      this.#fail(error);
    } finally {
      translator?.destroy();
    }
  }

  /** Stops a running translation; what was translated so far stays, marked as stopped. */
  stop(): void {
    if (this.#model.phase === 'consent') {
      this.#model.cancel();
      this.#abort?.abort();
      this.status = 'choose';
      return;
    }
    this.#abort?.abort();
  }

  /** Closes the translation and returns focus to the button. */
  close(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#model.reset();
    this.status = 'idle';
    this.output = '';
    this.used = undefined;
    this.message = '';
    this.announcement = '';
    this.#focusAfterRender = 'trigger';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  #sourceElement(): Element | undefined {
    if (!this.for) return this;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (
      root.getElementById?.(this.for) ?? this.ownerDocument.getElementById(this.for) ?? undefined
    );
  }

  #readSource(): string {
    return textOf(this.#sourceElement());
  }

  /** The language of what the citizen wrote (`detect-from`), when it can be told. */
  async #detectedLanguage(tasks: Tasks, signal: AbortSignal): Promise<string | undefined> {
    if (!this.detectFrom) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    const field =
      root.getElementById?.(this.detectFrom) ?? this.ownerDocument.getElementById(this.detectFrom);
    const text = textOf(field ?? undefined).trim();
    if (!text) return undefined;
    try {
      const detector = await tasks.LanguageDetector.create({ signal });
      try {
        const [best] = await detector.detect(text, { signal });
        return best && best.detectedLanguage !== 'und' && best.confidence >= 0.5
          ? best.detectedLanguage
          : undefined;
      } finally {
        detector.destroy();
      }
    } catch {
      // No detector here: the browser's languages decide.
      return undefined;
    }
  }

  #noLanguages(): void {
    this.status = 'none';
    this.message = this.s.noLanguages;
    this.announcement = this.s.noLanguages;
  }

  #unavailable(): void {
    const reason = this.#model.reason;
    this.status = 'failed';
    this.message = `${reason ? this.t.unavailable(reason) : this.s.failed} ${this.s.originalStays}`;
    this.announcement = this.message;
  }

  #fail(error: unknown): void {
    if (errorCode(error) !== 'aborted') this.#model.failWith(error);
    this.#unavailable();
  }

  #finish(stopped: boolean): void {
    this.status = stopped ? 'stopped' : 'done';
    this.announcement = stopped ? this.s.stopped : this.s.done;
    const used = this.used;
    if (!used) return;
    this.dispatchEvent(
      new CustomEvent<KlarTranslateDoneDetail>('klar-translate-done', {
        detail: {
          source: used.target.source,
          sourceLanguage: used.from,
          targetLanguage: used.target.language,
          stopped,
        },
        bubbles: true,
        composed: true,
      }),
    );
  }

  protected override updated(): void {
    if (this.#model.phase === 'consent') {
      const group = this.renderRoot.querySelector<HTMLElement>('[part="consent"]');
      if (group && !group.dataset.focused) {
        group.dataset.focused = 'true';
        group.focus();
      }
    }
    const focus = this.#focusAfterRender;
    if (focus) {
      const el = this.renderRoot.querySelector<HTMLElement>(`[part~="${focus}"]`);
      if (el) {
        this.#focusAfterRender = undefined;
        el.focus();
      }
    }
  }

  protected override render() {
    const s = this.s;
    const opened = this.status !== 'idle';
    return html`<div part="base">
        ${
          opened
            ? nothing
            : html`<button type="button" part="button trigger" class="primary" @click=${() => void this.open()}>
              ${s.open}
            </button>`
        }
        ${this.status === 'listing' ? html`<p class="note">${s.checkingLanguages}</p>` : nothing}
        ${this.targets.length && opened && this.status !== 'listing' && this.status !== 'none' ? this.#renderPicker() : nothing}
        ${renderModelPanel(this.#model, this.t, 'translate')}
        ${this.status === 'none' || this.status === 'failed' ? this.#renderMessage() : nothing}
        ${this.#showOutput() ? this.#renderOutput() : nothing}
        <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
      </div>
      <slot></slot>`;
  }

  #renderPicker() {
    const s = this.s;
    return html`<div class="picker" part="picker">
      <div class="field">
        <label for="language">${s.languageLabel}</label>
        <select
          id="language"
          part="select"
          @change=${(e: Event) => {
            this.selected = (e.target as HTMLSelectElement).value;
          }}
        >
          ${this.targets.map(
            (t) =>
              html`<option value=${t.language} lang=${t.language} dir=${directionOf(t.language)} ?selected=${t.language === this.selected}>
                ${nativeName(t.language)}
              </option>`,
          )}
        </select>
      </div>
      <button type="button" part="button translate" class="primary" @click=${() => void this.translateInto()}>
        ${s.translate}
      </button>
    </div>`;
  }

  #renderMessage() {
    return html`<div class="panel" part="message"><p>${this.message}</p>
      <div class="actions">
        <button type="button" part="button close" @click=${() => this.close()}>${this.t.close}</button>
      </div>
    </div>`;
  }

  #showOutput(): boolean {
    if (!this.used) return false;
    if (this.status === 'done' || this.status === 'stopped') return true;
    if (this.status !== 'working') return false;
    return (
      this.used.target.source === 'native' ||
      this.#model.phase === 'ready' ||
      this.output.length > 0
    );
  }

  #renderOutput() {
    const { s, t } = this;
    const used = this.used!;
    const working = this.status === 'working';
    const to = used.target.language;
    const from = nameIn(used.from, this.locale);
    const toName = nameIn(to, this.locale);
    const label =
      used.target.source === 'native'
        ? s.byBrowser(from, toName)
        : s.byModel(used.target.modelName ?? used.target.source, from, toName);
    const original = this.showing === 'original';
    return html`<section
      part="output"
      class="panel ai"
      aria-labelledby="heading"
      aria-busy=${working ? 'true' : 'false'}
    >
      <p class="title" id="heading">${original ? s.originalHeading(from) : s.heading}</p>
      <p class="note" part="label">${label} ${s.checkOriginal}</p>
      ${working && !this.output ? html`<p class="note">${s.translating}</p>` : nothing}
      ${
        original
          ? html`<div part="original" class="text" lang=${used.from} dir=${directionOf(used.from)}>${used.original}</div>`
          : html`<div part="text" class="text" lang=${to} dir=${directionOf(to)}>${this.output}</div>`
      }
      ${this.status === 'stopped' ? html`<p class="note">${s.stopped}</p>` : nothing}
      <p class="note">${used.target.source !== 'native' ? renderBackend(this.#model, t) : nothing}</p>
      <div class="actions">
        ${working ? html`<button type="button" part="button stop" @click=${() => this.stop()}>${t.stop}</button>` : nothing}
        <button
          type="button"
          part="button toggle"
          @click=${() => {
            this.showing = original ? 'translation' : 'original';
          }}
        >
          ${original ? s.showTranslation : s.showOriginal}
        </button>
        <button type="button" part="button close" @click=${() => this.close()}>${t.close}</button>
      </div>
    </section>`;
  }
}

/** `use-native="false"` turns the built-in translator off; the bare attribute or absence keeps it. */
function nativeConverter(value: string | null): boolean {
  return value === null || value.trim().toLowerCase() !== 'false';
}

/** The text an element shows: a field's value, else its rendered text (paragraph breaks kept). */
function textOf(el: Element | undefined): string {
  if (!el) return '';
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text keeps paragraph breaks and skips hidden parts
  return (el as HTMLElement).innerText || el.textContent || '';
}
