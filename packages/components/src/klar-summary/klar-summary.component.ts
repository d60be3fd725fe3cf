import { html, nothing, type PropertyDeclarations } from 'lit';
import { errorCode, isAborted } from '../shared/errors.js';
import { emit } from '../shared/events.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderBackend, renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import {
  extractiveSummary,
  type ReadabilityFigures,
  readabilityOf,
  sentencesOf,
} from '../shared/text.js';
import { chunkBudget, chunkBySentences, splitInTwo } from './chunk.js';
import { checkFaithfulness, type FaithfulnessReport } from './faithfulness.js';
import { summaryStyles } from './klar-summary.styles.js';
import { summaryMessages } from './prompt.js';

type Status = 'idle' | 'working' | 'done' | 'stopped';

/**
 * @summary Summarises a text into plain Swedish (klarspråk) on the citizen's request, on their
 * device. The original is never replaced. The summary is labelled AI-generated with the model's
 * name; numbers, dates, amounts, identifiers and names not found in the original are marked.
 * Without a usable model it shows an extractive summary and says so.
 *
 * @slot - The original text (when `for` is not used). It stays visible.
 *
 * @event klar-summary-done - A summary finished or was stopped. `detail: { kind, model, unverified, stopped }`.
 * @event klar-fallback - The model could not be used; `detail.reason` says why.
 * @event klar-model-consent - The citizen answered the download question.
 *
 * @csspart base - The wrapper of the controls and the output.
 * @csspart button - Every button. Also `trigger`, `stop`, `copy`, `close`.
 * @csspart output - The summary panel.
 * @csspart label - The "AI-generated, model …, check against the original" line.
 * @csspart text - The summary text.
 * @csspart unverified - A detail that is not in the original.
 * @csspart figures - The LIX figures.
 * @csspart consent - The download question.
 * @csspart progress - The download progress.
 * @csspart backend - The backend line.
 *
 * @cssproperty --klar-color-ai - Colour of the bar marking AI output.
 * @cssproperty --klar-color-warning - Background of details not in the original.
 * @cssproperty --klar-summary-font-size - Font size of the summary text.
 */
export class KlarSummary extends KlarElement {
  static override styles = [baseStyles, summaryStyles];

  static override properties: PropertyDeclarations = {
    chunkPart: { state: true },
    for: { reflect: true },
    model: {},
    maxNewTokens: { type: Number, attribute: 'max-new-tokens' },
    fallbackSentences: { type: Number, attribute: 'fallback-sentences' },
    status: { state: true },
    kind: { state: true },
    output: { state: true },
    report: { state: true },
    modelName: { state: true },
    announcement: { state: true },
    original: { state: true },
    summaryFigures: { state: true },
  };

  constructor() {
    super();
    this.for = '';
    this.model = '';
    this.maxNewTokens = 256;
    this.fallbackSentences = 3;
    this.status = 'idle';
    this.kind = 'model';
    this.output = '';
    this.modelName = '';
    this.announcement = '';
  }

  /** Id of the element whose text is summarised (same root). Default: the slotted content. */
  declare for: string;
  /** Model id from the manifest. Default: the page's setting, else the task's default model. */
  declare model: string;
  /** Upper bound on generated tokens per chunk. */
  declare maxNewTokens: number;
  /** Sentences in the extractive fallback. */
  declare fallbackSentences: number;
  declare private status: Status;
  declare private kind: 'model' | 'extractive';
  declare private output: string;
  declare private report: FaithfulnessReport | undefined;
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
      this.announcement = this.t.noSource;
      return;
    }
    this.original = readabilityOf(source, this.locale);
    this.kind = 'model';
    this.status = 'working';
    const acquired = await this.#model.acquire(this.model || undefined);
    if (abort.signal.aborted) return;
    if (!acquired) {
      if (this.#model.phase === 'unavailable') this.#extractive(source);
      else this.status = 'idle';
      return;
    }
    const { engine, entry } = acquired;
    this.modelName = entry?.name ?? acquired.model ?? '';
    const budget = chunkBudget(entry?.contextLength ?? 2048, this.maxNewTokens);
    const chunks = chunkBySentences(source, sentencesOf(source), budget);
    try {
      let done = 0;
      while (chunks.length) {
        const chunk = chunks.shift()!;
        const count = done + 1 + chunks.length;
        this.chunkPart = count > 1 ? { index: done + 1, count } : undefined;
        let result: Awaited<ReturnType<typeof engine.generate>>;
        const before = this.output;
        if (done > 0) this.output += '\n\n';
        try {
          result = await engine.generate(
            {
              ...(acquired.model ? { model: acquired.model } : {}),
              messages: summaryMessages(chunk, this.chunkPart),
              maxNewTokens: this.maxNewTokens,
              sampling: { temperature: 0 },
            },
            {
              signal: abort.signal,
              onProgress: this.#model.onProgress,
              onToken: (token) => {
                if (this.#model.phase !== 'ready') this.#model.ready();
                this.output += token.text;
              },
            },
          );
        } catch (error) {
          // The estimate of characters per token was too optimistic for this model: split and retry.
          if (errorCode(error) === 'input-too-long' && chunk.length > 200) {
            this.output = before;
            chunks.unshift(...splitInTwo(chunk));
            continue;
          }
          throw error;
        }
        done += 1;
        this.#model.ready(result.backend);
        this.modelName = entry?.name ?? result.model;
        if (result.finishReason === 'aborted' || abort.signal.aborted) break;
      }
      this.#finish(source, abort.signal.aborted);
    } catch (error) {
      if (this.#abort !== abort) return;
      if (isAborted(error) || abort.signal.aborted) {
        this.#finish(source, true);
        return;
      }
      this.#model.failWith(error);
      this.#extractive(source);
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
    this.status = 'idle';
    this.output = '';
    this.report = undefined;
    this.announcement = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="trigger"]')?.focus(),
    );
  }

  async copy(): Promise<void> {
    const label =
      this.kind === 'model'
        ? `${this.t.aiGenerated(this.modelName)} ${this.t.checkOriginal}`
        : this.t.extractiveLabel;
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

  #readSource(): string {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const el = root.getElementById?.(this.for) ?? this.ownerDocument.getElementById(this.for);
      if (!el) return '';
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text keeps paragraph breaks and skips hidden parts
      return el.innerText || el.textContent || '';
    }
    // biome-ignore lint/performance/useDomNodeTextContent: as above
    return this.innerText || this.textContent || '';
  }

  #finish(source: string, stopped: boolean): void {
    this.chunkPart = undefined;
    this.report = checkFaithfulness(this.output, source);
    this.summaryFigures = this.output.trim() ? readabilityOf(this.output, this.locale) : undefined;
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

  #extractive(source: string): void {
    this.kind = 'extractive';
    this.output = extractiveSummary(source, this.fallbackSentences).join(' ');
    this.report = { pieces: [{ text: this.output }], unverified: [] };
    this.summaryFigures = this.output.trim() ? readabilityOf(this.output, this.locale) : undefined;
    this.status = 'done';
    const reason = this.#model.reason;
    this.announcement =
      `${this.t.extractiveHeading}. ${reason ? this.t.unavailable(reason) : ''}`.trim();
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
    return html`<section
      part="output"
      class="panel ${model ? 'ai' : ''}"
      aria-labelledby="heading"
      aria-busy=${working ? 'true' : 'false'}
    >
      <p class="title" id="heading">${model ? t.summaryHeading : t.extractiveHeading}</p>
      <p class="note" part="label">
        ${model ? `${t.aiGenerated(this.modelName)}. ${t.checkOriginal}` : t.extractiveLabel}
        ${!model && reason ? t.unavailable(reason) : nothing}
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
