import { html, nothing, type PropertyDeclarations } from 'lit';
import { errorCode, isAborted } from '../shared/errors.js';
import { emit } from '../shared/events.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import { type FieldInfo, formSchema } from './form-schema.js';
import type { KlarFieldExplain } from './klar-field-explain.component.js';
import type { KlarFieldProposal, ProposalDecision } from './klar-field-proposal.component.js';
import { formAssistStyles } from './klar-form-assist.styles.js';
import { buildAssistRequest } from './prompt.js';
import { applyValue, fitValue, isEmpty } from './validate.js';

interface Proposal {
  readonly field: FieldInfo;
  readonly value: string | boolean;
  readonly element: KlarFieldProposal;
}

/**
 * @summary Optional help filling in a native `<form>`: the citizen describes their situation in
 * their own words and a model, run on their device, proposes values for empty fields. Output is
 * constrained to a JSON schema derived from the form, identifiers are passed as placeholders and
 * restored, each value is checked against its control, and shown beside its field with accept
 * and reject. Nothing is filled without acceptance, typed values are never overwritten, and the
 * component never submits the form. The description itself is never part of the form data.
 *
 * @slot - The `<form>` (or use `for`).
 *
 * @event klar-proposals - Proposals are shown. `detail.count`.
 * @event klar-proposal-accept - A proposal was accepted and filled in. `detail.name`.
 * @event klar-proposal-reject - A proposal was rejected. `detail.name`.
 * @event klar-fallback - The model could not be used; the form works as usual.
 *
 * @csspart base - The help panel.
 * @csspart description - The free-text description field.
 * @csspart button - Every button; also `propose`, `stop`.
 * @csspart status - The status line.
 * @csspart consent - The download question.
 * @csspart progress - The download progress.
 */
export class KlarFormAssist extends KlarElement {
  static override styles = [baseStyles, formAssistStyles];

  static override properties: PropertyDeclarations = {
    for: { reflect: true },
    model: {},
    explain: { type: Boolean, reflect: true },
    working: { state: true },
    status: { state: true },
    announcement: { state: true },
  };

  constructor() {
    super();
    this.for = '';
    this.model = '';
    this.explain = false;
    this.working = false;
    this.status = '';
    this.announcement = '';
  }

  /** Id of the form to assist (same root). Default: the slotted or enclosing `<form>`. */
  declare for: string;
  /** Model id from the manifest. Default: the page's setting, else the task's default. */
  declare model: string;
  /** Adds a "What does … mean?" button after each field's label. */
  declare explain: boolean;
  declare private working: boolean;
  declare private status: string;
  declare private announcement: string;
  readonly #model = new ModelController(this, 'text-generation');
  readonly #proposals = new Map<string, Proposal>();
  #abort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('klar-proposal-decision', this.#onDecision as EventListener);
    queueMicrotask(() => this.#addExplanations());
  }

  #addExplanations(): void {
    const form = this.form;
    if (!this.explain || !form || form.querySelector('klar-field-explain')) return;
    const topic =
      form.getAttribute('aria-label') ?? this.ownerDocument.querySelector('h1')?.textContent ?? '';
    for (const field of formSchema(form).fields) {
      const first = field.controls[0]!;
      const anchor =
        field.controls.length > 1
          ? first.closest('fieldset')?.querySelector('legend')
          : first.labels?.[0];
      if (!anchor) continue;
      const help = this.ownerDocument.createElement('klar-field-explain') as KlarFieldExplain;
      help.label = field.label;
      help.topic = topic.trim();
      help.help = first.dataset.klarHelp ?? '';
      if (this.model) help.model = this.model;
      anchor.after(help);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('klar-proposal-decision', this.#onDecision as EventListener);
    this.#abort?.abort();
  }

  /** The assisted form. */
  get form(): HTMLFormElement | null {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const found = root.getElementById?.(this.for) ?? this.ownerDocument.getElementById(this.for);
      return found instanceof HTMLFormElement ? found : null;
    }
    return this.querySelector('form') ?? this.closest('form');
  }

  /** Names of the fields with a proposal waiting for the citizen. */
  get pending(): string[] {
    return [...this.#proposals.keys()];
  }

  /** Asks the model for proposals from `description` (default: the text in the help panel). */
  async propose(description?: string): Promise<number> {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    const text = (description ?? textarea?.value ?? '').trim();
    const form = this.form;
    if (!text || !form) {
      textarea?.focus();
      return 0;
    }
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#clearProposals();
    this.working = true;
    this.status = this.t.proposing;
    this.announcement = '';
    const acquired = await this.#model.acquire(this.model || undefined);
    if (abort.signal.aborted) return 0;
    if (!acquired) {
      this.working = false;
      this.status = this.#model.reason ? this.t.unavailable(this.#model.reason) : '';
      this.announcement = this.status;
      return 0;
    }
    const schema = formSchema(form);
    const contextLength = acquired.entry?.contextLength;
    const modelName = acquired.entry?.name ?? acquired.model ?? '';
    const ask = (compact: boolean) => {
      const request = buildAssistRequest(text, schema, this.locale, {
        compact,
        ...(contextLength ? { contextLength } : {}),
      });
      return acquired.engine
        .generate(
          {
            ...(acquired.model ? { model: acquired.model } : {}),
            messages: request.messages,
            maxNewTokens: request.maxNewTokens,
            sampling: { temperature: 0 },
            constraint: { type: 'json-schema', schema: request.schema },
          },
          { signal: abort.signal, onProgress: this.#model.onProgress },
        )
        .then((result) => ({ result, request }));
    };
    try {
      // A long description or a small model: try again without the field list in the prompt.
      const { result, request } = await ask(false).catch((error: unknown) => {
        if (errorCode(error) === 'input-too-long') return ask(true);
        throw error;
      });
      this.#model.ready(result.backend);
      const count = this.#show(
        schema.fields,
        this.#parse(result.text),
        request.restore,
        modelName || result.model,
      );
      this.status = count ? this.t.proposalsReady(count) : this.t.noProposals;
      this.announcement = this.status;
      emit(this, 'klar-proposals', { count });
      return count;
    } catch (error) {
      if (isAborted(error) || abort.signal.aborted) {
        this.status = '';
        return 0;
      }
      this.#model.failWith(error);
      this.status = this.#model.reason
        ? this.t.unavailable(this.#model.reason)
        : this.t.noProposals;
      this.announcement = this.status;
      return 0;
    } finally {
      if (this.#abort === abort) this.working = false;
    }
  }

  stop(): void {
    this.#model.cancel();
    this.#abort?.abort();
    this.working = false;
  }

  #parse(text: string): Record<string, unknown> {
    try {
      const doc: unknown = JSON.parse(text);
      return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
        ? (doc as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  #show(
    fields: readonly FieldInfo[],
    doc: Record<string, unknown>,
    restore: (v: string) => string,
    modelName: string,
  ): number {
    for (const field of fields) {
      if (!isEmpty(field)) continue; // never overwrite what the citizen wrote
      const raw = doc[field.name];
      const value = fitValue(field, typeof raw === 'string' ? restore(raw) : raw);
      if (value === undefined) continue;
      const element = this.ownerDocument.createElement('klar-field-proposal') as KlarFieldProposal;
      element.field = field.name;
      element.label = field.label;
      element.modelName = modelName;
      element.display = this.#display(field, value);
      this.#anchor(field).after(element);
      this.#proposals.set(field.name, { field, value, element });
    }
    return this.#proposals.size;
  }

  #display(field: FieldInfo, value: string | boolean): string {
    if (typeof value === 'boolean') return value ? this.t.yes : this.t.no;
    return field.options?.find((o) => o.value === value)?.label ?? value;
  }

  /** Where a proposal goes: after the control, its label, or its radio group's fieldset. */
  #anchor(field: FieldInfo): Element {
    const last = field.controls[field.controls.length - 1]!;
    if (field.controls.length > 1) return last.closest('fieldset') ?? last;
    const wrappingLabel = last.closest('label');
    if (wrappingLabel) return wrappingLabel;
    const next = last.nextElementSibling;
    if (next instanceof HTMLLabelElement && next.htmlFor === last.id) return next;
    return last;
  }

  readonly #onDecision = (event: CustomEvent<ProposalDecision>): void => {
    event.stopPropagation();
    const proposal = this.#proposals.get(event.detail.name);
    if (!proposal) return;
    this.#proposals.delete(event.detail.name);
    proposal.element.remove();
    const { field, value } = proposal;
    const focusTarget =
      (field.controls.find((c) => (c as HTMLInputElement).checked) as HTMLElement | undefined) ??
      field.controls[0];
    if (event.detail.accepted && isEmpty(field)) {
      applyValue(field, value);
      this.announcement = this.t.acceptedValue(field.label);
      emit(this, 'klar-proposal-accept', { name: field.name });
    } else {
      emit(this, 'klar-proposal-reject', { name: field.name });
    }
    (
      (field.controls.find((c) => (c as HTMLInputElement).checked) as HTMLElement | undefined) ??
      focusTarget
    )?.focus();
  };

  #clearProposals(): void {
    for (const p of this.#proposals.values()) p.element.remove();
    this.#proposals.clear();
  }

  protected override render() {
    const t = this.t;
    return html`<div class="panel" part="base" role="group" aria-labelledby="assist-title">
        <p class="title" id="assist-title">${t.assistHeading}</p>
        <label for="description">${t.describeLabel}</label>
        <p class="note" id="description-hint">${t.describeHint}</p>
        <textarea id="description" part="description" aria-describedby="description-hint" ?disabled=${this.working}></textarea>
        <div class="actions">
          <button type="button" class="primary" part="button propose" ?disabled=${this.working} @click=${() => void this.propose()}>
            ${t.propose}
          </button>
          ${this.working ? html`<button type="button" part="button stop" @click=${() => this.stop()}>${t.stop}</button>` : nothing}
        </div>
        ${renderModelPanel(this.#model, t, 'assist')}
        ${this.status ? html`<p class="note" part="status">${this.status}</p>` : nothing}
        <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
      </div>
      <slot></slot>`;
  }

  protected override updated(): void {
    const consent = this.renderRoot.querySelector<HTMLElement>('[part="consent"]');
    if (consent && !consent.dataset.focused) {
      consent.dataset.focused = 'true';
      consent.focus();
    }
  }
}
