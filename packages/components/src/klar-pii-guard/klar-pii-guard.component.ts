import { html, nothing, type PropertyDeclarations } from 'lit';
import { emit } from '../shared/events.js';
import { KlarElement } from '../shared/klar-element.js';
import { loadPersonalData } from '../shared/lazy.js';
import { listStoredModels } from '../shared/stored-models.js';
import { baseStyles } from '../shared/styles.js';
import type { PiiSpan } from '../shared/text.js';
import { piiGuardStyles } from './klar-pii-guard.styles.js';

type Field = HTMLTextAreaElement | HTMLInputElement;
type Detector = Awaited<ReturnType<typeof loadPersonalData>>;

/** Runs when the browser has nothing else to do (soon after load), or after a moment without it. */
const whenIdle = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
};

/**
 * @summary Wraps a free-text field and points out personal data the citizen probably should not
 * write there ("you don't need to give your personnummer here"), with an offer to hide it before
 * the form is sent. Data minimisation for fields that become public records. Rules run instantly
 * with no model; names are found by a token-classification model only when one is already stored
 * on the device (it never starts a download).
 *
 * The detection rules (phone-number metadata, bank-account rules) are not in the page-load
 * JavaScript: they load on the field's first focus or input, or when the browser is idle after
 * load, whichever comes first. A submit before they have loaded waits for them, so
 * `confirm-on-submit` never lets personal data through unchecked.
 *
 * @slot - The `<label>` and the `<textarea>` or `<input>` to guard. They stay in light DOM.
 *
 * @event klar-pii-change - What was found changed. `detail.findings`: kinds and positions, no values.
 * @event klar-pii-masked - The citizen hid the data. `detail.count`.
 *
 * @csspart panel - The notice listing what was found.
 * @csspart button - Every button; also `mask`, `mask-and-send`, `send-anyway`.
 * @csspart question - The question shown on submit (with `confirm-on-submit`).
 *
 * @cssproperty --klar-color-warning-line - Colour of the notice's side bar.
 */
export class KlarPiiGuard extends KlarElement {
  static override styles = [baseStyles, piiGuardStyles];

  static override properties: PropertyDeclarations = {
    maskOperator: { attribute: 'mask-operator' },
    confirmOnSubmit: { type: Boolean, attribute: 'confirm-on-submit' },
    names: { type: Boolean },
    allow: {},
    findings: { state: true },
    asking: { state: true },
    announcement: { state: true },
  };

  static formAssociated = true;

  /** How hidden data reads: `placeholder` ([PERSONNUMMER 1]), `partial` (19900101-****) or `redact`. */
  declare maskOperator: 'placeholder' | 'partial' | 'redact';
  /** Ask before the form is sent while personal data remains (the citizen can always send anyway). */
  declare confirmOnSubmit: boolean;
  /** Also look for names with the token-classification model, if it is already on the device. */
  declare names: boolean;
  /** Types not to point out (e.g. `email` in a contact field). Space-separated. */
  declare allow: string;
  declare private findings: readonly PiiSpan[];
  declare private asking: boolean;
  declare private announcement: string;
  readonly #internals: ElementInternals;
  #field: Field | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #modelTimer: ReturnType<typeof setTimeout> | undefined;
  #modelAbort: AbortController | undefined;
  #announced = new Set<string>();
  #bypass = false;
  #form: HTMLFormElement | null = null;
  /** Detection and masking, once loaded (see the class comment). */
  #detector: Detector | undefined;
  #detectorLoad: Promise<Detector | undefined> | undefined;

  constructor() {
    super();
    this.maskOperator = 'placeholder';
    this.confirmOnSubmit = false;
    this.names = false;
    this.allow = '';
    this.findings = [];
    this.asking = false;
    this.announcement = '';
    this.#internals = this.attachInternals();
  }

  /** What was found in the field right now. */
  get personalData(): readonly PiiSpan[] {
    return this.findings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => this.#attach());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#field?.removeEventListener('input', this.#onInput);
    this.#field?.removeEventListener('focus', this.#loadDetector);
    this.#form?.removeEventListener('submit', this.#onSubmit, true);
    clearTimeout(this.#timer);
    clearTimeout(this.#modelTimer);
    this.#modelAbort?.abort();
  }

  formResetCallback(): void {
    this.findings = [];
    this.asking = false;
    this.#announced.clear();
  }

  #attach(): void {
    this.#field = this.querySelector<Field>('textarea, input') ?? undefined;
    this.#field?.addEventListener('input', this.#onInput);
    this.#field?.addEventListener('focus', this.#loadDetector, { once: true });
    this.#form = this.#internals.form ?? this.closest('form');
    this.#form?.addEventListener('submit', this.#onSubmit, true);
    if (this.#field?.value) this.#scan();
    else whenIdle(() => void this.#loadDetector());
  }

  /** Loads the detection rules once; undefined when the bundle's chunk could not be fetched. */
  readonly #loadDetector = (): Promise<Detector | undefined> => {
    this.#detectorLoad ??= loadPersonalData().then(
      (detector) => {
        this.#detector = detector;
        return detector;
      },
      (error: unknown) => {
        this.#detectorLoad = undefined;
        // A missing file on the site: the integrator needs to know; the field itself still works.
        console.error('[klar] <klar-pii-guard> could not load its detection rules:', error);
        return undefined;
      },
    );
    return this.#detectorLoad;
  };

  /** Resolves once the detection rules are loaded and the field has been checked with them. */
  get detectorReady(): Promise<boolean> {
    return this.#loadDetector().then((detector) => {
      if (detector) this.#scan();
      return detector !== undefined;
    });
  }

  readonly #onInput = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#scan(), 200);
  };

  /**
   * Checks the field again now. Before the detection rules have loaded (see `detectorReady`)
   * this finds nothing and starts loading them; the field is checked again once they are in.
   */
  check(): readonly PiiSpan[] {
    this.#scan();
    return this.findings;
  }

  #allowed(span: PiiSpan): boolean {
    return !this.allow.split(/\s+/).includes(span.type);
  }

  #scan(): void {
    const detector = this.#detector;
    if (!detector) {
      void this.#loadDetector().then((loaded) => loaded && this.#scan());
      return;
    }
    const text = this.#field?.value ?? '';
    this.#update(detector.personalDataIn(text).filter((s) => this.#allowed(s)));
    if (this.names && text.trim()) {
      clearTimeout(this.#modelTimer);
      this.#modelTimer = setTimeout(() => void this.#scanNames(text), 700);
    }
  }

  async #scanNames(text: string): Promise<void> {
    const detector = this.#detector;
    if (!detector) return;
    // Never start a download from here: only a model already on the device is used, and the
    // engine is not started at all while nothing is stored (listing reads the Cache API).
    const context = this.klarContext;
    if (!this.engine && !context.engineStarted && !(await listStoredModels()).length) return;
    const engine = await this.resolveEngine();
    if (!engine) return;
    const requested = context.modelIdFor('token-classification');
    const description = await engine
      .describe('token-classification', requested)
      .catch(() => undefined);
    if (!description?.stored) return;
    const model = description.model ?? requested;
    this.#modelAbort?.abort();
    const abort = new AbortController();
    this.#modelAbort = abort;
    try {
      const found = await detector.personalDataWithModel(
        text,
        async (value, signal) => {
          const result = await engine.classifyTokens(
            { text: value, ...(model ? { model } : {}) },
            signal ? { signal } : {},
          );
          return result.entities.flatMap((e) =>
            e.start !== undefined && e.end !== undefined
              ? [{ start: e.start, end: e.end, label: e.entity, score: e.score }]
              : [],
          );
        },
        abort.signal,
      );
      if (abort.signal.aborted || this.#field?.value !== text) return;
      this.#update(found.filter((s) => this.#allowed(s)));
    } catch {
      // Names are a bonus; the rules already ran.
    }
  }

  #update(findings: readonly PiiSpan[]): void {
    this.findings = findings;
    emit(this, 'klar-pii-change', {
      findings: findings.map(({ type, start, end }) => ({ type, start, end })),
    });
    // Announce each kind once, when it first appears; not on every keystroke.
    const fresh = [...new Set(findings.map((f) => f.type))].filter(
      (type) => !this.#announced.has(type),
    );
    if (fresh.length) {
      for (const type of fresh) this.#announced.add(type);
      this.announcement = fresh.map((type) => this.t.piiHint(this.#hintType(type))).join(' ');
    }
    if (!findings.length) this.asking = false;
  }

  #hintType(type: string): string {
    return type === 'person-name'
      ? 'name'
      : type === 'postal-address' || type === 'street-address'
        ? 'address'
        : type;
  }

  /** Hides the found data in the field, firing `input` and `change` so frameworks notice. */
  mask(): number {
    const field = this.#field;
    const detector = this.#detector;
    // Findings exist only once the detector has run, so it is loaded whenever there is work.
    if (!field || !detector || !this.findings.length) return 0;
    const count = this.findings.length;
    field.value = detector.maskForRecord(
      field.value,
      this.locale,
      this.findings,
      this.maskOperator,
    );
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    clearTimeout(this.#timer);
    this.#update(detector.personalDataIn(field.value).filter((s) => this.#allowed(s)));
    this.announcement = this.t.piiMasked(count);
    emit(this, 'klar-pii-masked', { count });
    return count;
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    if (!this.confirmOnSubmit || this.#bypass) {
      this.#bypass = false;
      return;
    }
    if (!this.#detector) {
      // Not checked yet: hold the submit until the rules are in, then ask or send.
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      void this.#loadDetector().then(() => {
        this.#scan();
        // Rules that could not load (reported in the console) cannot hold the form hostage.
        if (this.findings.length) this.#ask();
        else this.#resubmit(submitter);
      });
      return;
    }
    this.#scan();
    if (!this.findings.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.#ask();
  };

  #ask(): void {
    this.asking = true;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="question"]')?.focus(),
    );
  }

  /** Sends the form past this guard, as the citizen's own button would have. */
  #resubmit(submitter: HTMLElement | null): void {
    this.#bypass = true;
    const form = this.#form;
    if (!form) return;
    const sameForm =
      (submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) &&
      submitter.form === form;
    form.requestSubmit(sameForm ? submitter : null);
  }

  #send(maskFirst: boolean): void {
    if (maskFirst) this.mask();
    this.asking = false;
    this.#resubmit(null);
    // The question and its buttons go away: focus the (masked) text, not lost to <body>.
    void this.updateComplete.then(() => this.#field?.focus());
  }

  /** The mask button disappears with the findings, so focus returns to the field it changed. */
  #maskFromPanel(): void {
    this.mask();
    void this.updateComplete.then(() => this.#field?.focus());
  }

  protected override render() {
    const t = this.t;
    const findings = this.findings;
    return html`<slot></slot>
      ${
        findings.length
          ? html`<div class="panel warning" part="panel">
              <p class="title">${t.piiIntro(findings.length)}</p>
              <ul>
                ${findings.map(
                  (f) => html`<li>
                    <span class="value">${this.#detector?.maskForRecord(f.text, this.locale, [{ ...f, start: 0, end: f.text.length }], 'partial')}</span>:
                    ${t.piiHint(this.#hintType(f.type))}
                  </li>`,
                )}
              </ul>
              <div class="actions">
                <button type="button" part="button mask" @click=${() => this.#maskFromPanel()}>${t.piiMask}</button>
              </div>
            </div>`
          : nothing
      }
      ${
        this.asking
          ? html`<div class="panel warning" part="question" role="group" tabindex="-1" aria-labelledby="q">
              <p class="title" id="q">${t.piiSubmitQuestion}</p>
              <div class="actions">
                <button type="button" class="primary" part="button mask-and-send" @click=${() => this.#send(true)}>
                  ${t.piiMaskAndSend}
                </button>
                <button type="button" part="button send-anyway" @click=${() => this.#send(false)}>${t.piiSendAnyway}</button>
              </div>
            </div>`
          : nothing
      }
      <div class="sr-only" role="status" part="announcement">${this.announcement}</div>`;
  }
}
