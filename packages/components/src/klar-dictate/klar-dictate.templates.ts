import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../shared/i18n/localize.js';
import type { DictateStrings } from './klar-dictate.strings.js';

/** The visible "Listening" state and the level meter (a native, labelled `<meter>`). */
export function renderListening(s: DictateStrings, level: number): TemplateResult {
  const word = level < 5 ? 'silent' : level < 30 ? 'low' : level < 85 ? 'good' : 'loud';
  return html`<span part="state" class="state"><span class="dot" aria-hidden="true"></span>${s.listening}</span>
    <meter
      part="level"
      min="0"
      max="100"
      low="30"
      high="85"
      optimum="60"
      .value=${level}
      aria-label=${s.level}
      aria-valuetext=${s.levelText(word)}
    ></meter>`;
}

/** The text so far: busy, labelled as AI output, not a live region (no word-by-word reading). */
export function renderPartial(
  s: DictateStrings,
  t: Translation,
  view: { model: string; text: string; finishing: boolean },
): TemplateResult {
  return html`<section part="partial" class="panel ai" aria-labelledby="partial-heading" aria-busy="true">
    <p class="title" id="partial-heading">${s.partialHeading}</p>
    <p class="note" part="label">${t.aiGenerated(view.model)}</p>
    ${view.finishing ? html`<p class="note">${s.writing}</p>` : nothing}
    <p class="text" part="text">${view.text}</p>
  </section>`;
}

/** The finished text for review; nothing reaches the field before Insert. */
export function renderReview(
  s: DictateStrings,
  t: Translation,
  view: {
    model: string;
    text: string;
    backend: TemplateResult | typeof nothing;
    onInsert: () => void;
    onDiscard: () => void;
  },
): TemplateResult {
  return html`<section
    part="review"
    class="panel ai"
    tabindex="-1"
    aria-labelledby="review-heading"
    aria-describedby="review-label"
  >
    <p class="title" id="review-heading">${s.reviewHeading}</p>
    <p class="note" part="label" id="review-label">
      ${t.aiGenerated(view.model)}. ${s.checkSpeech} ${view.backend}
    </p>
    <p class="text" part="text">${view.text}</p>
    <div class="actions">
      <button type="button" part="button insert" class="primary" @click=${view.onInsert}>${s.insert}</button>
      <button type="button" part="button discard" @click=${view.onDiscard}>${s.discard}</button>
    </div>
  </section>`;
}
