// Types only: the task layer (and the runtime client under it) loads when the citizen asks.
import type { TranslationTarget, Translator } from '@klar/tasks';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { KlarEngine } from '../shared/engine-types.js';
import { errorCode, isAborted } from '../shared/errors.js';
import { KlarElement } from '../shared/klar-element.js';
import { loadTasks } from '../shared/lazy.js';
import { ModelController } from '../shared/model-controller.js';
import { renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import type { TranslateStrings } from './klar-translate.strings.js';
import { translateStyles } from './klar-translate.styles.js';

type Views = typeof import('./klar-translate.views.js');
let views: Promise<Views> | undefined;
/** The picker, panel and strings, fetched on the first click (a failed fetch is tried again). */
function loadViews(): Promise<Views> {
  views ??= import('./klar-translate.views.js').catch((error: unknown) => {
    views = undefined;
    throw error;
  });
  return views;
}

const primaryTag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The button's label: all the element shows before the citizen asks. */
const OPEN_LABEL: Readonly<Record<string, string>> = {
  sv: 'Läs på ditt språk',
  en: 'Read in your language',
};

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
  declare private used: import('./klar-translate.views.js').UsedTranslation | undefined;
  declare private message: string;
  declare private announcement: string;
  readonly #model = new ModelController(this, 'translation');
  #abort: AbortController | undefined;
  #focusAfterRender: string | undefined;
  #views: Views | undefined;

  /** The current translation (empty until one is made). */
  get translation(): string {
    return this.output;
  }

  /** The element's strings; only read once the views are loaded (after the first click). */
  protected get s(): TranslateStrings {
    return this.#views!.translateStringsFor(this.locale);
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
      [tasks, this.#views] = await Promise.all([loadTasks(), loadViews()]);
    } catch (error) {
      if (this.#abort !== abort) return;
      // The bundle's own chunks could not be fetched: a setup problem, said like any other.
      this.#model.failWith(error);
      this.status = 'none';
      this.message = this.announcement = this.t.unavailable('site-unavailable');
      return;
    }
    const engine = await this.resolveEngine();
    if (abort.signal.aborted) return;
    const model = this.klarContext.modelIdFor('translation', this.model || undefined);
    const targets = await this.#views.listTargets(tasks, engine, this.klarContext, {
      sourceLanguage: this.originalLanguage,
      useNative: this.useNative,
      model,
      signal: abort.signal,
    });
    if (abort.signal.aborted) return;
    this.targets = targets;
    if (!this.targets.length) {
      this.#noLanguages();
      return;
    }
    const detected = await this.#views.detectLanguage(tasks, this.#detectText(), abort.signal);
    if (abort.signal.aborted) return;
    this.selected =
      this.#views.preferredTarget(
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

  /** What the citizen wrote in the `detect-from` field or element (empty without one). */
  #detectText(): string {
    if (!this.detectFrom) return '';
    const root = this.getRootNode() as Document | ShadowRoot;
    const field =
      root.getElementById?.(this.detectFrom) ?? this.ownerDocument.getElementById(this.detectFrom);
    return textOf(field ?? undefined).trim();
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
    const views = this.#views;
    const opened = this.status !== 'idle';
    return html`<div part="base" @keydown=${this.#onKeydown}>
        ${
          opened
            ? nothing
            : html`<button type="button" part="button trigger" class="primary" @click=${() => void this.open()}>
              ${OPEN_LABEL[this.locale] ?? OPEN_LABEL.sv}
            </button>`
        }
        ${views ? this.#renderOpened(views) : nothing}
        ${!views && this.status === 'none' ? html`<p class="panel" part="message">${this.message}</p>` : nothing}
        <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
      </div>
      <slot></slot>`;
  }

  /** Escape stops a translation in progress (or withdraws the download question). */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (this.status !== 'working' && this.#model.phase !== 'consent') return;
    event.preventDefault();
    this.stop();
  };

  #renderOpened(views: Views) {
    const { s, t, status } = this;
    const picker =
      this.targets.length && status !== 'idle' && status !== 'listing' && status !== 'none';
    return html`${status === 'listing' ? html`<p class="note">${s.checkingLanguages}</p>` : nothing}
      ${
        picker
          ? views.renderPicker({
              s,
              targets: this.targets,
              selected: this.selected,
              select: (language) => {
                this.selected = language;
              },
              translate: () => void this.translateInto(),
            })
          : nothing
      }
      ${renderModelPanel(this.#model, t, 'translate')}
      ${status === 'none' || status === 'failed' ? views.renderMessage(this.message, t, () => this.close()) : nothing}
      ${
        this.used && this.#showOutput()
          ? views.renderOutput({
              s,
              t,
              locale: this.locale,
              used: this.used,
              output: this.output,
              working: status === 'working',
              stopped: status === 'stopped',
              showingOriginal: this.showing === 'original',
              model: this.#model,
              stop: () => this.stop(),
              toggle: () => {
                this.showing = this.showing === 'original' ? 'translation' : 'original';
              },
              close: () => this.close(),
            })
          : nothing
      }`;
  }

  #showOutput(): boolean {
    if (this.status === 'done' || this.status === 'stopped') return true;
    if (this.status !== 'working') return false;
    return (
      this.used?.target.source === 'native' ||
      this.#model.phase === 'ready' ||
      this.output.length > 0
    );
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
