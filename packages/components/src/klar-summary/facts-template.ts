import type { KeyFact } from '@klar/tasks';
import { html, nothing } from 'lit';
import type { SummaryStrings } from './klar-summary.strings.js';

/**
 * The key facts list: each fact with its kind and a button that shows where it stands in the
 * original. Found by rules, so it is shown with and without a model.
 */
export function renderFacts(
  facts: readonly KeyFact[],
  s: SummaryStrings,
  show: (fact: KeyFact) => void,
) {
  if (facts.length === 0) return nothing;
  return html`<section part="facts" class="panel" aria-labelledby="facts-heading">
    <p class="title" id="facts-heading">${s.factsHeading}</p>
    <p class="note">${s.factsNote}</p>
    <ul class="facts">
      ${facts.map(
        (fact) => html`<li part="fact">
          <span class="kind">${s.factKind[fact.kind]}:</span>
          <span class="fact-text">${fact.text}</span>
          <button
            type="button"
            part="button show-fact"
            class="link"
            aria-label=${s.showInOriginal(fact.text)}
            @click=${() => show(fact)}
          >
            ${s.showInOriginalShort}
          </button>
        </li>`,
      )}
    </ul>
  </section>`;
}
