// Types only: the task layer (and the runtime client under it) loads when a summary is asked for.
import type {
  FaithfulnessReport,
  KeyFact,
  Summarizer,
  SummarizerLength,
  SummarizerType,
} from '@klar/tasks';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { isAborted } from '../shared/errors.js';
import { emit } from '../shared/events.js';
import { KlarElement } from '../shared/klar-element.js';
import { loadTasks } from '../shared/lazy.js';
import { ModelController } from '../shared/model-controller.js';
import { renderBackend, renderModelPanel } from '../shared/model-templates.js';
import { type ReadabilityFigures, readabilityOf } from '../shared/readability.js';
import { baseStyles } from '../shared/styles.js';
import { renderFacts } from './facts-template.js';
import { clearShownRange, findTextRange, showRange } from './find-range.js';
import { type SummaryStrings, summaryStringsFor } from './klar-summary.strings.js';
import { summaryStyles } from './klar-summary.styles.js';

type Tasks = Awaited<ReturnType<typeof loadTasks>>;
type Status = 'idle' | 'working' | 'done' | 'stopped';

/**
 * @summary Summarises a text in plain language on the citizen's request, on their device, in
 * the page's language. A view over `Summarizer` from `@klar/tasks`. The original is never
 * replaced. The summary is labelled AI-generated with the model's name while it streams;
 * numbers, dates, amounts, identifiers and names not found in the original are marked. Key
 * facts found by rules (amounts, dates, deadlines, case number, what to do, contacts) are
 * listed with and without a model, each with a button that shows it in the original. Without
 * a usable model it shows a selection of sentences from the text and says so.
 *
 * @slot - The original text (when `for` is not used). It stays visible.
 *
 * @event klar-summary-done - A summary finished or was stopped. `detail: { kind, model, unverified, stopped }`.
 * @event klar-fallback - The model could not be used; `detail.reason` says why.
 * @event klar-model-consent - The citizen answered the download question.
 *
 * @csspart base - The wrapper of the controls and the output.
 * @csspart button - Every button. Also `trigger`, `stop`, `copy`, `close`, `show-fact`.
 * @csspart output - The summary panel.
 * @csspart label - The "AI-generated, model …, check against the original" line.
 * @csspart text - The summary text.
 * @csspart unverified - A detail that is not in the original.
 * @csspart figures - The LIX figures.
 * @csspart facts - The key facts panel; each item is `fact`.
 * @csspart consent - The download question.
 * @csspart progress - The download progress.
 * @csspart backend - The backend line.
 *
 * @cssproperty --klar-color-ai - Colour of the bar marking AI output.
 * @cssproperty --klar-color-warning - Background of details not in the original.
 * @cssproperty --klar-color-highlight - Background of a key fact shown in the original.
 * @cssproperty --klar-summary-font-size - Font size of the summary text.
 */
export class KlarSummary extends KlarElement {
  static override styles = [baseStyles, summaryStyles];

  static override properties: PropertyDeclarations = {
    for: { reflect: true },
    model: {},
    type: {},
    length: {},
    maxNewTokens: { type: Number, attribute: 'max-new-tokens' },
    fallbackSentences: { type: Number, attribute: 'fallback-sentences' },
    chunkPart: { state: true },
    status: { state: true },
    kind: { state: true },
    output: { state: true },
    report: { state: true },
    facts: { state: true },
    selection: { state: true },
    modelName: { state: true },
    announcement: { state: true },
    original: { state: true },
    summaryFigures: { state: true },
  };

  constructor() {
    super();
    this.for = '';
    this.model = '';
    this.type = 'tldr';
    this.length = 'medium';
    this.maxNewTokens = 0;
    this.fallbackSentences = 0;
    this.status = 'idle';
    this.kind = 'model';
    this.output = '';
    this.facts = [];
    this.selection = { picked: 0, total: 0 };
    this.modelName = '';
    this.announcement = '';
  }

  /** Id of the element whose text is summarised (same root). Default: the slotted content. */
  declare for: string;
  /** Model id from the manifest. Default: the page's setting, else the task's default model. */
  declare model: string;
  /** W3C summary type: `tldr` (default), `key-points`, `teaser` or `headline`. */
  declare type: SummarizerType;
  /** W3C summary length: `short`, `medium` (default) or `long`. */
  declare length: SummarizerLength;
  /** Caps the summary's tokens below what `length` allows (0: no cap). */
  declare maxNewTokens: number;
  /** Sentences in the selection shown without a model (0: chosen by the text's length). */
  declare fallbackSentences: number;
  declare private status: Status;
  declare private kind: 'model' | 'extractive';
  declare private output: string;
  declare private report: FaithfulnessReport | undefined;
  declare private facts: readonly KeyFact[];
  declare private selection: { picked: number; total: number };
  declare private chunkPart: { index: number; count: number } | undefined;
  declare private modelName: string;
  declare private announcement: string;
  declare private original: ReadabilityFigures | undefined;
  declare private summaryFigures: ReadabilityFigures | undefined;
  readonly #model = new ModelController(this, 'text-generation');
  #abort: AbortController | undefined;

  /** The current summary text (empty until one is made). */
  get summary(): string {
    return this.output;
  }

  protected get s(): SummaryStrings {
    return summaryStringsFor(this.locale);
  }

  /** Starts a summary, as the button does. */
  async summarize(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const source = this.#readSource().trim();
    this.output = '';
    this.report = undefined;
    this.summaryFigures = undefined;
    this.chunkPart = undefined;
    this.announcement = '';
    if (!source) {
      this.facts = [];
      this.announcement = this.t.noSource;
      return;
    }
    const locale = this.locale === 'en' ? 'en' : 'sv';
    this.original = readabilityOf(source, this.locale);
    this.kind = 'model';
    this.status = 'working';
    let tasks: Tasks;
    try {
      tasks = await loadTasks();
    } catch (error) {
      // The bundle's own chunk could not be fetched: a setup problem, said like any other.
      if (this.#abort !== abort) return;
      this.status = 'idle';
      this.#model.failWith(error);
      return;
    }
    if (abort.signal.aborted) return;
    // The text's own language (detected), which may differ from the page's.
    this.facts = tasks.keyFacts(source);
    const acquired = await this.#model.acquire(this.model || undefined);
    if (abort.signal.aborted) return;
    if (!acquired) {
      if (this.#model.phase === 'unavailable') this.#extractive(tasks, source);
      else this.status = 'idle';
      return;
    }
    let summarizer: Summarizer | undefined;
    try {
      summarizer = await tasks.Summarizer.create({
        engine: acquired.engine,
        ...(acquired.model ? { model: acquired.model } : {}),
        // The element asks for consent itself and shows the model's name: it uses Klar's model.
        useNative: false,
        type: this.type,
        length: this.length,
        format: 'plain-text',
        outputLanguage: locale,
        ...(this.maxNewTokens > 0 ? { maxNewTokens: this.maxNewTokens } : {}),
        onProgress: this.#model.onProgress,
        signal: abort.signal,
      });
      this.modelName = summarizer.modelName ?? this.s.nativeModel;
      const stream = summarizer.summarizeStreaming(source, {
        signal: abort.signal,
        onPart: (part) => {
          this.chunkPart = { index: part.index, count: part.count };
        },
      });
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        if (this.#model.phase !== 'ready') this.#model.ready();
        this.chunkPart = undefined;
        this.output += next.value;
      }
      this.#finish(tasks, source, summarizer.lastResult?.faithfulness, false);
    } catch (error) {
      if (this.#abort !== abort) return;
      if (isAborted(error) || abort.signal.aborted) {
        this.#finish(tasks, source, undefined, true);
        return;
      }
      this.#model.failWith(error);
      this.#extractive(tasks, source);
    } finally {
      summarizer?.destroy();
    }
  }

  /** Stops a running summary; what was written so far stays, marked as stopped. */
  stop(): void {
    if (this.#model.phase === 'consent') {
      this.#model.cancel();
      this.#abort?.abort();
      this.status = 'idle';
      return;
    }
    this.#abort?.abort();
  }

  /** Closes the summary and returns focus to the button. */
  close(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#model.reset();
    clearShownRange();
    this.status = 'idle';
    this.output = '';
    this.report = undefined;
    this.facts = [];
    this.announcement = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="trigger"]')?.focus(),
    );
  }

  async copy(): Promise<void> {
    const label =
      this.kind === 'model'
        ? `${this.t.aiGenerated(this.modelName)} ${this.t.checkOriginal}`
        : this.s.selectionLabel(this.selection.picked, this.selection.total);
    try {
      await navigator.clipboard.writeText(`${this.output}\n\n${label}`);
      this.announcement = this.t.copied;
    } catch {
      this.announcement = this.t.copyFailed;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** The element holding the original text. */
  #sourceElement(): Element | undefined {
    if (!this.for) return this;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (
      root.getElementById?.(this.for) ?? this.ownerDocument.getElementById(this.for) ?? undefined
    );
  }

  #readSource(): string {
    const el = this.#sourceElement();
    if (!el) return '';
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text keeps paragraph breaks and skips hidden parts
    return (el as HTMLElement).innerText || el.textContent || '';
  }

  /** Shows a key fact where it stands in the original, and says the sentence aloud. */
  #showFact(fact: KeyFact): void {
    const el = this.#sourceElement();
    const range =
      el && !(el instanceof HTMLTextAreaElement) && findTextRange(el, fact.sentence.text);
    if (range) {
      showRange(range);
      this.announcement = this.s.standsInOriginal(fact.sentence.text);
    } else {
      this.announcement = this.s.notFoundInPage(fact.sentence.text);
    }
  }

  #finish(
    tasks: Tasks,
    source: string,
    report: FaithfulnessReport | undefined,
    stopped: boolean,
  ): void {
    this.chunkPart = undefined;
    this.report = report ?? tasks.checkFaithfulness(this.output, source);
    // A stopped summary is unfinished: it gets no readability verdict.
    this.summaryFigures =
      !stopped && this.output.trim() ? readabilityOf(this.output, this.locale) : undefined;
    this.status = stopped ? 'stopped' : 'done';
    const unverified = this.report.unverified.length;
    this.announcement = [
      stopped ? this.t.summaryStopped : this.t.summaryDone,
      unverified ? this.t.unverifiedCount(unverified) : '',
    ]
      .filter(Boolean)
      .join(' ');
    emit(this, 'klar-summary-done', { kind: 'model', model: this.modelName, unverified, stopped });
  }

  #extractive(tasks: Tasks, source: string): void {
    this.kind = 'extractive';
    const selection = tasks.extractiveSummary(source, {
      ...(this.fallbackSentences > 0 ? { sentences: this.fallbackSentences } : { length: 'short' }),
    });
    this.output = selection.sentences.map((s) => s.text).join('\n');
    this.selection = { picked: selection.sentences.length, total: selection.totalSentences };
    this.report = { pieces: [{ text: this.output }], unverified: [] };
    this.summaryFigures = this.output.trim() ? readabilityOf(this.output, this.locale) : undefined;
    this.status = 'done';
    const reason = this.#model.reason;
    this.announcement =
      `${this.s.selectionHeading}. ${reason ? this.t.unavailable(reason) : ''}`.trim();
    emit(this, 'klar-summary-done', { kind: 'extractive', unverified: 0, stopped: false });
  }

  protected override updated(): void {
    if (this.#model.phase === 'consent') {
      const group = this.renderRoot.querySelector<HTMLElement>('[part="consent"]');
      if (group && !group.dataset.focused) {
        group.dataset.focused = 'true';
        group.focus();
      }
    }
  }

  protected override render() {
    const t = this.t;
    const working = this.status === 'working';
    return html`<div part="base">
        <button
          type="button"
          part="button trigger"
          class="primary"
          ?disabled=${working}
          @click=${() => void this.summarize()}
        >
          ${t.summarize}
        </button>
        ${renderModelPanel(this.#model, t, 'summary')}
        ${this.#showOutput() ? this.#renderOutput() : nothing}
        ${this.status !== 'idle' ? renderFacts(this.facts, this.s, (f) => this.#showFact(f)) : nothing}
        <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
      </div>
      <slot></slot>`;
  }

  #showOutput(): boolean {
    if (this.status === 'idle') return false;
    if (this.kind === 'extractive') return true;
    return this.#model.phase === 'ready' || this.output.length > 0 || this.status !== 'working';
  }

  #renderOutput() {
    const t = this.t;
    const working = this.status === 'working';
    const model = this.kind === 'model';
    const reason = this.#model.reason;
    const unverified = this.report?.unverified.length ?? 0;
    const label = model
      ? `${t.aiGenerated(this.modelName)}. ${t.checkOriginal}`
      : this.s.selectionLabel(this.selection.picked, this.selection.total);
    return html`<section
      part="output"
      class="panel ${model ? 'ai' : ''}"
      aria-labelledby="heading"
      aria-busy=${working ? 'true' : 'false'}
    >
      <p class="title" id="heading">${model ? t.summaryHeading : this.s.selectionHeading}</p>
      <p class="note" part="label">
        ${label} ${!model && reason ? t.unavailable(reason) : nothing}
      </p>
      ${this.chunkPart && working ? html`<p class="note">${t.summarizingPart(this.chunkPart.index, this.chunkPart.count)}</p>` : nothing}
      ${working && !this.output ? html`<p class="note">${t.summarizing}</p>` : nothing}
      <div part="text" class="text" id="text">${this.#renderText()}</div>
      ${this.status === 'stopped' ? html`<p class="note">${t.summaryStopped}</p>` : nothing}
      ${unverified ? html`<p class="note" part="unverified-note">${t.unverifiedCount(unverified)}</p>` : nothing}
      <p class="note figures" part="figures">
        ${this.original ? html`<span>${t.lixOriginal(this.original.lix, t.lixBands[this.original.band])}</span>` : nothing}
        ${this.summaryFigures ? html`<span>${t.lixSummary(this.summaryFigures.lix, t.lixBands[this.summaryFigures.band])}</span>` : nothing}
        ${model ? renderBackend(this.#model, t) : nothing}
      </p>
      <div class="actions">
        ${working ? html`<button type="button" part="button stop" @click=${() => this.stop()}>${t.stop}</button>` : nothing}
        ${!working && this.output ? html`<button type="button" part="button copy" @click=${() => void this.copy()}>${t.copy}</button>` : nothing}
        <button type="button" part="button close" @click=${() => this.close()}>${t.close}</button>
      </div>
    </section>`;
  }

  #renderText() {
    if (!this.report) return this.output;
    return this.report.pieces.map((p) =>
      p.unverified
        ? html`<mark class="unverified" part="unverified">${p.text}<span class="sr-only"> (${this.t.unverifiedMark})</span></mark>`
        : p.text,
    );
  }
}
