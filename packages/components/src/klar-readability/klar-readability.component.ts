import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { emit } from '../shared/events.js';
import { KlarElement } from '../shared/klar-element.js';
import { highlightSpans, type ReadabilityFigures, readabilityOf } from '../shared/readability.js';
import { baseStyles } from '../shared/styles.js';
import { readabilityStyles } from './klar-readability.styles.js';

type Source = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/**
 * @summary A live LIX meter for a text field or a piece of text, with the band in words and, on
 * request, the long words and the longest sentences highlighted. No model needed.
 *
 * @slot - Optionally the textarea or text to measure (instead of `for`).
 *
 * @event klar-readability-change - The figures changed. `detail: { lix, band, words, sentences }`.
 *
 * @csspart base - The wrapper.
 * @csspart meter - The `<meter>` showing LIX 0–80.
 * @csspart value - The LIX figure and band in words.
 * @csspart button - The show/hide button.
 * @csspart details - The highlighted copy and the longest sentences.
 *
 * @cssproperty --klar-meter-width - Width of the meter. Default `20rem`.
 * @cssproperty --klar-color-mark - Highlight colour of long words.
 */
export class KlarReadability extends KlarElement {
  static override styles = [baseStyles, readabilityStyles];

  static override properties: PropertyDeclarations = {
    for: { reflect: true },
    open: { type: Boolean, reflect: true },
    figures: { state: true },
    text: { state: true },
    announcement: { state: true },
  };

  constructor() {
    super();
    this.for = '';
    this.open = false;
    this.text = '';
    this.announcement = '';
  }

  /** Id of the textarea, input or element to measure (looked up in the same root). */
  declare for: string;
  /** Show the long words and sentences. Reflects the toggle button. */
  declare open: boolean;
  declare private figures: ReadabilityFigures | undefined;
  declare private text: string;
  declare private announcement: string;
  #source: Source | undefined;
  #observer: MutationObserver | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #lastBand: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => this.#attach());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
    clearTimeout(this.#timer);
    clearTimeout(this.#announceTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('for') && changed.get('for') !== undefined) this.#attach();
  }

  /** Measures again now (e.g. after the page changed the text by script). */
  refresh(): void {
    this.#measure(false);
  }

  #findSource(): Source | undefined {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const found = root.getElementById?.(this.for) ?? this.ownerDocument.getElementById(this.for);
      return found ?? undefined;
    }
    return (
      (this.querySelector('textarea, input') as Source | null) ??
      (this.children.length ? this : undefined)
    );
  }

  #attach(): void {
    this.#detach();
    const source = this.#findSource();
    if (!source) return;
    this.#source = source;
    if (source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement) {
      source.addEventListener('input', this.#onInput);
    } else {
      this.#observer = new MutationObserver(this.#onInput);
      this.#observer.observe(source, { characterData: true, childList: true, subtree: true });
    }
    this.#measure(false);
  }

  #detach(): void {
    this.#source?.removeEventListener('input', this.#onInput);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#source = undefined;
  }

  readonly #onInput = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#measure(true), 120);
  };

  #measure(announce: boolean): void {
    const source = this.#source;
    if (!source) return;
    const text =
      source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement
        ? source.value
        : // biome-ignore lint/performance/useDomNodeTextContent: rendered text keeps paragraph breaks and skips hidden parts
          (source.innerText ?? source.textContent ?? '');
    this.text = text;
    this.figures = text.trim() ? readabilityOf(text, this.locale) : undefined;
    const figures = this.figures;
    if (!figures) return;
    emit(this, 'klar-readability-change', {
      lix: figures.lix,
      band: figures.band,
      words: figures.words,
      sentences: figures.sentences,
    });
    // Announce the band only when it changes, and only after typing pauses.
    if (announce && figures.band !== this.#lastBand) {
      clearTimeout(this.#announceTimer);
      this.#announceTimer = setTimeout(() => {
        this.announcement = this.t.lixValue(figures.lix, this.t.lixBands[figures.band]);
      }, 1200);
    }
    this.#lastBand = figures.band;
  }

  #toggle(): void {
    this.open = !this.open;
  }

  protected override render() {
    const t = this.t;
    const f = this.figures;
    return html`<div part="base" class="panel">
      <p class="title" id="label">${t.lixLabel}</p>
      ${
        f
          ? html`<meter
              part="meter"
              min="0"
              max="80"
              low="40"
              high="50"
              optimum="20"
              .value=${Math.min(f.lix, 80)}
              aria-labelledby="label"
              aria-describedby="value"
            ></meter>
            <p class="value" id="value" part="value">
              <strong>${t.lixValue(f.lix, t.lixBands[f.band])}</strong>.
              ${t.wordsAndSentences(f.words, f.sentences)}.
            </p>
            <button
              type="button"
              part="button"
              aria-expanded=${this.open ? 'true' : 'false'}
              aria-controls="details"
              @click=${this.#toggle}
            >
              ${this.open ? t.hideDetails : t.showDetails}
            </button>
            <div id="details" part="details" ?hidden=${!this.open}>${this.open ? this.#renderDetails(f) : nothing}</div>`
          : html`<p class="value" part="value">${t.noText}</p>`
      }
      <div class="sr-only" role="status">${this.announcement}</div>
    </div>`;
  }

  #renderDetails(f: ReadabilityFigures) {
    const t = this.t;
    const pieces = highlightSpans(this.text, f.longWords);
    return html`<p class="title" id="long-title">${t.longWordsTitle}</p>
      ${
        f.longWords.length
          ? html`<p class="copy" part="copy">
              ${pieces.map((p) => (p.marked ? html`<mark>${p.text}</mark>` : p.text))}
            </p>`
          : html`<p>${t.noLongWords}</p>`
      }
      <p class="title" id="sentences-title">${t.longestSentencesTitle}</p>
      <ol aria-labelledby="sentences-title">
        ${f.longestSentences.map((s) => html`<li>${s.text}</li>`)}
      </ol>`;
  }
}
