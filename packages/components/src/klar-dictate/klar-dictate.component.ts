import { html, nothing, type PropertyDeclarations } from 'lit';
import { isAborted } from '../shared/errors.js';
import { formatBytes, resolveLocale, type Translation } from '../shared/i18n/localize.js';
import { KlarElement } from '../shared/klar-element.js';
import { ModelController } from '../shared/model-controller.js';
import { renderBackend, renderModelPanel } from '../shared/model-templates.js';
import { baseStyles } from '../shared/styles.js';
import { dispatchDictateEvent } from './dictate-events.js';
import { insertAtCaret, isTextField, type TextField } from './insert-text.js';
import { type DictateStrings, dictateStringsFor } from './klar-dictate.strings.js';
import { dictateStyles } from './klar-dictate.styles.js';
import { micIcon } from './mic-icon.js';
import { type Microphone, MicrophoneError, openMicrophone } from './microphone.js';
import { SpeechSegmenter } from './speech-segmenter.js';
import { canRunTasks, findSpeech, transcribe, VOICE_TASK } from './speech-tasks.js';

type Status = 'idle' | 'starting' | 'listening' | 'finishing' | 'review';
type Engine = Parameters<typeof transcribe>[0];
/** What one recording transcribes with. */
interface Run {
  readonly engine: Engine;
  readonly language: string;
  readonly model: string | undefined;
}

/** How often what was heard is looked at for a pause (ms). */
const CUT_INTERVAL_MS = 600;
/** The level meter redraws at most this often (ms). */
const LEVEL_INTERVAL_MS = 150;

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
  #microphone: Microphone | undefined;
  #segmenter: SpeechSegmenter | undefined;
  /** What this recording transcribes with. */
  #run: Run | undefined;
  #cutTimer: ReturnType<typeof setInterval> | undefined;
  #cutting: Promise<void> = Promise.resolve();
  #queue: Promise<void> = Promise.resolve();
  #texts: string[] = [];
  #lastLevelAt = 0;
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
    if (kept) {
      this.#texts = [kept];
      this.partial = kept;
    }
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
    // A detector that still has to be downloaded is used only when the citizen was asked about it
    // (with the speech model); otherwise pauses are found by loudness.
    const asked = this.#model.description?.availability === 'downloadable';
    const useVoice = voice === 'stored' || (voice === 'downloadable' && asked);
    if (abort.signal.aborted) return;
    if (!acquired || !canRunTasks(acquired.engine)) {
      this.#fail(this.#model.phase === 'unavailable' ? undefined : 'cancelled');
      return;
    }
    this.modelName = this.#model.displayName;
    let microphone: Microphone;
    try {
      this.message = this.s.askingMicrophone;
      microphone = await openMicrophone(
        (chunk) => this.#heard(chunk),
        abort.signal,
        () => void this.stop(),
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#model.reset();
      this.#microphoneProblem(error);
      return;
    }
    if (abort.signal.aborted) {
      void microphone.stop();
      return;
    }
    this.#microphone = microphone;
    this.message = '';
    const runner = acquired.engine;
    this.#run = { engine: runner, language: this.#spokenLanguage(field), model: acquired.model };
    this.#segmenter = new SpeechSegmenter({
      sampleRate: microphone.sampleRate,
      ...(useVoice
        ? {
            findSpeech: (audio) =>
              findSpeech(
                runner,
                { audio, sampleRate: microphone.sampleRate },
                { signal: abort.signal },
              ),
          }
        : {}),
    });
    this.#cutTimer = setInterval(() => this.#cut(false), CUT_INTERVAL_MS);
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
    await this.#release();
    if (this.#model.phase !== 'unavailable') this.#cut(true);
    await this.#cutting;
    await this.#queue;
    if (this.#abort !== abort || this.status !== 'finishing') return;
    this.transcript = this.#texts.join(' ').trim();
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
    this.#abort?.abort();
    void this.#release();
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
    this.#abort?.abort();
    void this.#release();
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

  #heard(chunk: { samples: Float32Array; rms: number }): void {
    if (this.status !== 'listening') return;
    this.#segmenter?.push(chunk);
    const now = performance.now();
    if (now - this.#lastLevelAt >= LEVEL_INTERVAL_MS) {
      this.#lastLevelAt = now;
      // Speech sits around 0.02–0.3 RMS: a square-root scale shows quiet speech as well.
      this.level = Math.min(100, Math.round(Math.sqrt(chunk.rms / 0.3) * 100));
    }
  }

  /** Looks for finished stretches of speech and queues them for transcription, one look at a time. */
  #cut(final: boolean): void {
    const segmenter = this.#segmenter;
    const abort = this.#abort;
    const run = this.#run;
    if (!segmenter || !abort || !run) return;
    this.#cutting = this.#cutting.then(async () => {
      if (abort.signal.aborted) return;
      let stretches: Float32Array[];
      try {
        stretches = await segmenter.take(final);
      } catch {
        return;
      }
      for (const audio of stretches) this.#enqueue(run, audio, segmenter.sampleRate, abort);
    });
  }

  #enqueue(
    { engine, language, model }: Run,
    audio: Float32Array,
    sampleRate: number,
    abort: AbortController,
  ): void {
    this.#queue = this.#queue.then(async () => {
      if (abort.signal.aborted || this.#model.phase === 'unavailable') return;
      let streamed = '';
      const shown = this.#texts.join(' ');
      try {
        const result = await transcribe(
          engine,
          {
            audio,
            sampleRate,
            language,
            ...(model ? { model } : {}),
            ...(this.maxNewTokens > 0 ? { maxNewTokens: this.maxNewTokens } : {}),
          },
          {
            signal: abort.signal,
            onProgress: this.#model.onProgress,
            onChunk: (chunk) => {
              if (this.#model.phase !== 'ready') this.#model.ready();
              streamed += chunk.text;
              this.partial = `${shown} ${streamed}`.trim();
            },
          },
        );
        if (this.#model.phase !== 'ready') this.#model.ready(result.backend);
        if (result.text.trim()) this.#texts.push(result.text.trim());
        this.partial = this.#texts.join(' ');
      } catch (error) {
        if (abort.signal.aborted || isAborted(error)) return;
        // The recogniser failed: the microphone goes off, what was written so far can be kept.
        this.#model.failWith(error);
        this.#fail(undefined);
        if (this.status === 'listening') void this.stop();
      }
    });
  }

  /** The citizen's spoken language: the attribute, else the field's `lang`, else the page's. */
  #spokenLanguage(field = this.field): string {
    if (this.language) return this.language;
    return field ? resolveLocale(field) : this.locale;
  }

  /** Turns the microphone off and stops looking for pauses. */
  async #release(): Promise<void> {
    clearInterval(this.#cutTimer);
    this.#cutTimer = undefined;
    this.field?.removeEventListener('keydown', this.#onKeydown);
    const microphone = this.#microphone;
    this.#microphone = undefined;
    this.level = 0;
    await microphone?.stop();
  }

  #microphoneProblem(error: unknown): void {
    const code = error instanceof MicrophoneError ? error.code : 'microphone-busy';
    if (code === 'microphone-setup' && error instanceof MicrophoneError) {
      const { url, fix } = error.details;
      console.error(
        `[Klar] Dictation is not available on this site: ${error.message}${url ? `\n  URL: ${url}` : ''}${fix ? `\n  Fix: ${fix}` : ''}`,
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

  #reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#segmenter = undefined;
    this.#run = undefined;
    this.#texts = [];
    this.#cutting = Promise.resolve();
    this.#queue = Promise.resolve();
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
    const busy = this.status === 'starting' || this.status === 'finishing';
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
        ${listening ? this.#renderListening() : nothing}
      </div>
      <p class="note" part="help" id="help">${s.help}</p>
      ${renderModelPanel(this.#model, this.t, 'dictate')}
      ${this.message ? html`<p class="message" part="message">${this.message}</p>` : nothing}
      ${(listening || this.status === 'finishing') && (this.partial || this.status === 'finishing') ? this.#renderPartial() : nothing}
      ${this.status === 'review' ? this.#renderReview() : nothing}
      <div class="sr-only" role="status" part="announcement">${this.announcement}</div>
    </div>`;
  }

  #renderListening() {
    const s = this.s;
    const level = this.level;
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

  #renderPartial() {
    const finishing = this.status === 'finishing';
    return html`<section part="partial" class="panel ai" aria-labelledby="partial-heading" aria-busy="true">
      <p class="title" id="partial-heading">${this.s.partialHeading}</p>
      <p class="note" part="label">${this.t.aiGenerated(this.modelName)}</p>
      ${finishing ? html`<p class="note">${this.s.writing}</p>` : nothing}
      <p class="text" part="text">${this.partial}</p>
    </section>`;
  }

  #renderReview() {
    const s = this.s;
    return html`<section
      part="review"
      class="panel ai"
      tabindex="-1"
      aria-labelledby="review-heading"
      aria-describedby="review-label"
    >
      <p class="title" id="review-heading">${s.reviewHeading}</p>
      <p class="note" part="label" id="review-label">
        ${this.t.aiGenerated(this.modelName)}. ${s.checkSpeech} ${renderBackend(this.#model, this.t)}
      </p>
      <p class="text" part="text">${this.transcript}</p>
      <div class="actions">
        <button type="button" part="button insert" class="primary" @click=${() => this.insert()}>${s.insert}</button>
        <button type="button" part="button discard" @click=${() => this.discard()}>${s.discard}</button>
      </div>
    </section>`;
  }

  #warnMissingField(): void {
    if (this.#warnedField || !this.isConnected) return;
    this.#warnedField = true;
    console.error(
      `[Klar] <klar-dictate for="${this.for}"> shows nothing: the for attribute must name the id of a textarea or a text input in the same document or shadow root.`,
    );
  }
}
