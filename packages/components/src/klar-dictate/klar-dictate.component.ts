import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatBytes, resolveLocale, type Translation } from '../shared/i18n/localize.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderBackend, renderModelPanel } from '../shared/model-templates.js';
import { reportSetupProblem } from '../shared/setup-report.js';
import { baseStyles } from '../shared/styles.js';
import { dispatchDictateEvent } from './dictate-events.js';
// Types only: the recording code (microphone, worklet URL, segmenter) loads with the first press.
import type { Dictation } from './dictation.js';
import { insertAtCaret, isTextField, type TextField } from './insert-text.js';
import { type DictateStrings, dictateStringsFor } from './klar-dictate.strings.js';
import { dictateStyles } from './klar-dictate.styles.js';
import { renderListening, renderPartial, renderReview } from './klar-dictate.templates.js';
import { micIcon } from './mic-icon.js';
import type { MicrophoneError, MicrophoneProblem } from './microphone.js';
import { canRunTasks, VOICE_TASK } from './speech-tasks.js';

type Status = 'idle' | 'starting' | 'listening' | 'finishing' | 'review';
/**
 * @summary A microphone button for a text field: the citizen speaks, sees the text as it comes,
 * and puts it into the field only by choosing "Infoga" (at the caret, never over what they
 * typed). Speech recognition (KB-Whisper) runs on the device; the microphone is asked for only
 * when the button is pressed and released as soon as they stop; no audio is stored or sent.
 *
 * @event klar-dictate-insert - The citizen inserted the text. `detail: { characters, shortened, model }` (never the text).
 * @event klar-dictate-discard - The citizen discarded the text.
 * @event klar-fallback - Dictation could not be used; `detail.reason` says why.
 * @event klar-model-consent - The citizen answered the download question.
 *
 * @csspart base - The wrapper.
 * @csspart button - Every button. Also `trigger` (the microphone button), `insert`, `discard`.
 * @csspart state - The "Listening" text with its dot.
 * @csspart level - The sound level meter.
 * @csspart help - The line saying what happens to the audio.
 * @csspart message - Why dictation could not be used, or that nothing was heard.
 * @csspart partial - The text so far, while listening.
 * @csspart review - The finished text with Insert and Discard.
 * @csspart label - The "AI-generated, model …" line.
 * @csspart text - The dictated text.
 * @csspart consent - The download question.
 * @csspart progress - The download progress.
 *
 * @cssproperty --klar-dictate-listening-color - Colour of the "Listening" text and dot.
 * @cssproperty --klar-dictate-meter-width - Width of the level meter.
 * @cssproperty --klar-dictate-font-size - Font size of the dictated text.
 */
export class KlarDictate extends KlarElement {
  static override styles = [baseStyles, dictateStyles];

  static override properties: PropertyDeclarations = {
    for: { reflect: true },
    model: {},
    language: {},
    maxNewTokens: { type: Number, attribute: 'max-new-tokens' },
    strings: { attribute: false },
    status: { state: true },
    message: { state: true },
    partial: { state: true },
    transcript: { state: true },
    level: { state: true },
    announcement: { state: true },
    modelName: { state: true },
  };

  constructor() {
    super();
    this.for = '';
    this.model = '';
    this.language = '';
    this.maxNewTokens = 0;
    this.status = 'idle';
    this.message = '';
    this.partial = '';
    this.transcript = '';
    this.level = 0;
    this.announcement = '';
    this.modelName = '';
  }

  /** Id of the textarea or text input to write into (same root). */
  declare for: string;
  /** Speech model id from the manifest. Default: the page's setting, else the task's default. */
  declare model: string;
  /** The spoken language (BCP 47). Default: the field's `lang`, else the page's. */
  declare language: string;
  /** Caps the tokens written per stretch of speech (0: the runtime's default). */
  declare maxNewTokens: number;
  /** Integrator overrides for this element's own strings. */
  declare strings?: Partial<DictateStrings>;
  declare private status: Status;
  declare private message: string;
  declare private partial: string;
  declare private transcript: string;
  declare private level: number;
  declare private announcement: string;
  declare private modelName: string;
  readonly #model = new ModelController(this, 'automatic-speech-recognition');
  #abort: AbortController | undefined;
  #dictation: Dictation | undefined;
  /** Bytes of the voice detector to download with the speech model (0: stored or none). */
  #voiceBytes = 0;
  #warnedField = false;
  /** The citizen has been in the field, so its caret is theirs (else the text goes last). */
  #caretChosen = false;

  protected get s(): DictateStrings {
    return dictateStringsFor(this.locale, this.strings);
  }

  /** The download question also names the voice detector that comes with the speech model. */
  protected override get t(): Translation {
    const t = super.t;
    if (!this.#voiceBytes) return t;
    const extra = this.s.voiceDetector(formatBytes(this.#voiceBytes, t.locale));
    return {
      ...t,
      consentBody: (name, size, license) => `${t.consentBody(name, size, license)} ${extra}`,
    };
  }

  /** Whether the microphone is on. */
  get listening(): boolean {
    return this.status === 'listening';
  }

  /** The field dictation writes into, when `for` names a textarea or text input. */
  get field(): TextField | undefined {
    if (!this.for) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById?.(this.for) ?? this.ownerDocument.getElementById(this.for);
    return isTextField(el) ? el : undefined;
  }

  /** Starts listening (asking for the model and the microphone first), as the button does. */
  async start(): Promise<void> {
    if (this.status !== 'idle' && this.status !== 'review') return;
    // From the review, dictation goes on: the text not yet inserted stays and the new is added.
    const kept = this.status === 'review' ? this.transcript : '';
    this.#reset();
    this.partial = kept;
    const field = this.field;
    if (!field) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.status = 'starting';
    const engine = await this.resolveEngine();
    if (abort.signal.aborted) return;
    if (engine && !canRunTasks(engine)) {
      this.#fail(this.#model.fail('no-model'));
      return;
    }
    const voice = engine ? await this.#voiceDetector(engine) : 'none';
    if (abort.signal.aborted) return;
    const acquired = await this.#model.acquire(this.model || undefined);
    this.#voiceBytes = 0;
    if (abort.signal.aborted) return;
    if (!acquired || !canRunTasks(acquired.engine)) {
      this.#fail(this.#model.phase === 'unavailable' ? undefined : 'cancelled');
      return;
    }
    // A detector that still has to be downloaded is used only when the citizen was asked about it
    // (with the speech model); otherwise pauses are found by loudness.
    const asked = this.#model.description?.availability === 'downloadable';
    this.modelName = this.#model.displayName;
    let recording: typeof import('./dictation.js');
    try {
      recording = await import('./dictation.js');
    } catch (error) {
      // The bundle's own chunk could not be fetched: a setup problem, said like any other.
      if (abort.signal.aborted) return;
      this.#model.failWith(error);
      this.#fail(undefined);
      return;
    }
    if (abort.signal.aborted) return;
    this.message = this.s.askingMicrophone;
    try {
      this.#dictation = await recording.Dictation.start(
        {
          engine: acquired.engine,
          language: this.#spokenLanguage(field),
          ...(acquired.model ? { model: acquired.model } : {}),
          maxNewTokens: this.maxNewTokens,
          useVoiceDetector: voice === 'stored' || (voice === 'downloadable' && asked),
          kept,
          onLevel: (level) => {
            this.level = level;
          },
          onText: (text) => {
            this.partial = text;
          },
          onRecognised: (backend) => {
            if (this.#model.phase !== 'ready' || backend) this.#model.ready(backend);
          },
          onProgress: this.#model.onProgress,
          onFailure: (error) => {
            // The recogniser failed: the microphone goes off, what was written so far can be kept.
            this.#model.failWith(error);
            this.#fail(undefined);
            void this.stop();
          },
          onMicrophoneEnded: () => void this.stop(),
          // Dictation goes on without it; a missing or blocked file is the site's to fix.
          onDetectorFailure: (error) =>
            reportSetupProblem(
              error,
              this.klarContext,
              acquired.engine,
              'The voice detector is not available on this site (dictation goes on; pauses are found by loudness instead)',
            ),
        },
        abort.signal,
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#model.reset();
      this.#microphoneProblem(error);
      return;
    }
    this.message = '';
    this.status = 'listening';
    this.announcement = this.s.listeningAnnouncement;
    field.addEventListener('keydown', this.#onKeydown);
  }

  /** Stops listening; what was said is written out and shown for review. */
  async stop(): Promise<void> {
    if (this.#model.phase === 'consent') {
      this.#model.cancel();
      return;
    }
    if (this.status !== 'listening') return;
    const abort = this.#abort;
    this.status = 'finishing';
    this.announcement = this.s.writing;
    this.field?.removeEventListener('keydown', this.#onKeydown);
    const text = (await this.#dictation?.finish()) ?? '';
    if (this.#abort !== abort || this.status !== 'finishing') return;
    this.#dictation = undefined;
    this.transcript = text;
    this.partial = '';
    if (!this.transcript) {
      this.status = 'idle';
      if (!this.message) this.message = `${this.s.nothingHeard} ${this.s.fieldWorks}`;
      this.announcement = this.message;
      this.#focusTrigger();
      return;
    }
    this.status = 'review';
    this.announcement = this.s.reviewAnnouncement;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="review"]')?.focus(),
    );
  }

  /** Puts the reviewed text into the field at the caret and returns focus to the field. */
  insert(): void {
    const field = this.field;
    if (this.status !== 'review' || !field) return;
    const result = insertAtCaret(field, this.transcript, !this.#caretChosen);
    this.announcement = result.shortened
      ? this.s.insertedShortened(field.maxLength)
      : this.s.inserted;
    dispatchDictateEvent(this, 'klar-dictate-insert', {
      characters: result.inserted.length,
      shortened: result.shortened,
      model: this.modelName,
    });
    this.#reset();
    field.focus();
  }

  /** Throws the text away; the field stays as it was. */
  discard(): void {
    const wasReview = this.status === 'review';
    this.#reset();
    this.announcement = this.s.discarded;
    if (wasReview) dispatchDictateEvent(this, 'klar-dictate-discard', {});
    this.#focusTrigger();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKeydown);
    this.ownerDocument.addEventListener('focusin', this.#onFocusIn, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeydown);
    this.ownerDocument.removeEventListener('focusin', this.#onFocusIn, true);
    this.#reset();
  }

  readonly #onFocusIn = (event: Event): void => {
    if (!this.#caretChosen && event.composedPath().includes(this.field as EventTarget))
      this.#caretChosen = true;
  };

  readonly #onKeydown = (event: Event): void => {
    if ((event as KeyboardEvent).key !== 'Escape' || this.status !== 'listening') return;
    event.preventDefault();
    event.stopPropagation();
    void this.stop();
  };

  /** Whether the runtime has a voice detector here, and whether it is stored already. */
  async #voiceDetector(
    engine: NonNullable<Awaited<ReturnType<KlarElement['resolveEngine']>>>,
  ): Promise<'none' | 'stored' | 'downloadable'> {
    try {
      const voice = await engine.describe(VOICE_TASK);
      if (voice.availability === 'available') return 'stored';
      if (voice.availability !== 'downloadable') return 'none';
      this.#voiceBytes = voice.downloadBytes;
      return 'downloadable';
    } catch {
      return 'none';
    }
  }

  /** The citizen's spoken language: the attribute, else the field's `lang`, else the page's. */
  #spokenLanguage(field = this.field): string {
    if (this.language) return this.language;
    return field ? resolveLocale(field) : this.locale;
  }

  #microphoneProblem(error: unknown): void {
    // Read by shape: the class itself loads with the recording code.
    const problem = error as Partial<MicrophoneError> | null;
    const code: MicrophoneProblem =
      typeof problem?.code === 'string' && problem.code.startsWith('microphone-')
        ? problem.code
        : 'microphone-busy';
    if (code === 'microphone-setup') {
      const { url, fix } = problem?.details ?? {};
      console.error(
        `[Klar] Dictation is not available on this site: ${problem?.message}${url ? `\n  URL: ${url}` : ''}${fix ? `\n  Fix: ${fix}` : ''}`,
        error,
      );
    }
    dispatchDictateEvent(this, 'klar-fallback', { reason: code });
    this.#fail(this.s.microphone(code));
  }

  /** Ends the attempt with a message (the model's reason when none is given); the field is untouched. */
  #fail(text: string | undefined | 'cancelled'): void {
    if (text === 'cancelled') {
      this.status = 'idle';
      this.message = '';
      return;
    }
    const reason = this.#model.reason;
    const said = text ?? (reason ? this.t.unavailable(reason) : '');
    this.message = `${said} ${this.s.fieldWorks}`.trim();
    this.announcement = this.message;
    if (this.status !== 'listening' && this.status !== 'finishing') this.status = 'idle';
  }

  /** Drops the recording (microphone off) and any text not inserted. */
  #reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#dictation?.cancel();
    this.#dictation = undefined;
    this.field?.removeEventListener('keydown', this.#onKeydown);
    this.status = 'idle';
    this.message = '';
    this.partial = '';
    this.transcript = '';
    this.level = 0;
    if (this.#model.phase !== 'ready') this.#model.reset();
  }

  #focusTrigger(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="trigger"]')?.focus(),
    );
  }

  protected override firstUpdated(): void {
    // The field may come later in the page than the element: look again once parsing settled.
    if (!this.field)
      setTimeout(() => {
        if (this.field) this.requestUpdate();
        else this.#warnMissingField();
      }, 0);
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
    const field = this.field;
    if (!field) return nothing;
    const s = this.s;
    const listening = this.status === 'listening';
    const finishing = this.status === 'finishing';
    const busy = this.status === 'starting' || finishing;
    const fieldName = field.labels?.[0]?.textContent?.replace(/\s*\*\s*$/, '').trim() ?? '';
    return html`<div part="base">
      <div class="bar">
        <button
          type="button"
          part="button trigger"
          class="trigger ${listening ? '' : 'primary'}"
          aria-label=${listening ? s.stopListening : fieldName ? s.dictateInto(fieldName) : s.dictate}
          aria-describedby="help"
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void (listening ? this.stop() : this.start())}
        >
          ${micIcon} ${listening ? s.stopListening : s.dictate}
        </button>
        ${listening ? renderListening(s, this.level) : nothing}
      </div>
      <p class="note" part="help" id="help">${s.help}</p>
      ${renderModelPanel(this.#model, this.t, 'dictate')}
      ${this.message ? html`<p class="message" part="message">${this.message}</p>` : nothing}
      ${
        (listening || finishing) && (this.partial || finishing)
          ? renderPartial(s, this.t, { model: this.modelName, text: this.partial, finishing })
          : nothing
      }
      ${
        this.status === 'review'
          ? renderReview(s, this.t, {
              model: this.modelName,
              text: this.transcript,
              backend: renderBackend(this.#model, this.t),
              onInsert: () => this.insert(),
              onDiscard: () => this.discard(),
            })
          : nothing
      }
      <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
    </div>`;
  }

  #warnMissingField(): void {
    if (this.#warnedField || !this.isConnected) return;
    this.#warnedField = true;
    console.error(
      `[Klar] <klar-dictate for="${this.for}"> shows nothing: the for attribute must name the id of a textarea or a text input in the same document or shadow root.`,
    );
  }
}
