import { html, nothing, type PropertyDeclarations } from 'lit';
import { isAborted } from '../shared/errors.js';
import { emit } from '../shared/events.js';
import { KlarElement } from '../shared/klar-element.js';
import { loadTasks } from '../shared/lazy.js';
import { ModelController } from '../shared/model-controller.js';
import { renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import { explainTargets } from './explain-targets.js';
import type { FieldInfo } from './form-schema.js';
import type { KlarFieldExplain } from './klar-field-explain.component.js';
import type { KlarFieldProposal, ProposalDecision } from './klar-field-proposal.component.js';
import { formAssistStyles } from './klar-form-assist.styles.js';
import { applyValue, fitValue, isEmpty } from './validate.js';

/** The form reader and the form-fill task: loaded on first use, not with the page. */
async function loadFormFill() {
  const [tasks, reader] = await Promise.all([loadTasks(), import('./form-schema.js')]);
  return {
    readForm: tasks.readForm,
    proposeFormValues: tasks.proposeFormValues,
    formSchema: reader.formSchema,
  };
}

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
  /**
   * Offers plain-language explanations of field labels: a small "What does it mean?" toggle
   * placed after the field (never between a label and its field), only for the fields the agency
   * marks (`data-klar-help="…"` with its own text, or `data-klar-explain`); when none is marked,
   * for fields whose label has a long compound word. Name and e-mail never get one.
   */
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
    queueMicrotask(() => void this.#addExplanations());
  }

  async #addExplanations(): Promise<void> {
    if (!this.explain || !this.form) return;
    let formFill: Awaited<ReturnType<typeof loadFormFill>>;
    try {
      formFill = await loadFormFill();
    } catch (error) {
      // Explanations are an extra; the form works without them. The integrator needs to know.
      console.error('[klar] <klar-form-assist> could not load the form reader:', error);
      return;
    }
    const { readForm, formSchema } = formFill;
    const form = this.form;
    if (!this.isConnected || !form || form.querySelector('klar-field-explain')) return;
    const { description } = readForm(form);
    const topic = description.title ?? '';
    const fields = formSchema(form).fields;
    for (const field of explainTargets(fields)) {
      const help = this.ownerDocument.createElement('klar-field-explain') as KlarFieldExplain;
      help.label = field.label;
      help.topic = topic;
      help.help = field.description.help ?? '';
      if (this.model) help.model = this.model;
      this.#anchor(field).after(help);
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
    const modelName = acquired.entry?.name ?? acquired.model ?? '';
    try {
      const { formSchema, proposeFormValues, readForm } = await loadFormFill();
      if (abort.signal.aborted) return 0;
      const schema = formSchema(form);
      const result = await proposeFormValues({
        form: readForm(form).description,
        text,
        engine: acquired.engine,
        ...(acquired.model ? { model: acquired.model } : {}),
        outputLanguage: this.locale,
        signal: abort.signal,
        onProgress: this.#model.onProgress,
      });
      this.#model.ready(result.backend);
      const count = this.#show(schema.fields, result.values, modelName || result.model);
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

  #show(
    fields: readonly FieldInfo[],
    values: Readonly<Record<string, unknown>>,
    modelName: string,
  ): number {
    for (const field of fields) {
      if (!isEmpty(field)) continue; // never overwrite what the citizen wrote
      // The task checked the value against the field; the control itself has the last word.
      const value = fitValue(field, values[field.name]);
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
    // The status line counts what is still waiting, and goes when nothing is.
    this.status = this.#proposals.size ? this.t.proposalsReady(this.#proposals.size) : '';
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
