import './klar-dictate.js';
import { sendKeys } from '@web/test-runner-commands';
import { provideKlar } from '../shared/context.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part } from '../testing/fixture.js';
import type { KlarDictate } from './klar-dictate.component.js';
import {
  type FakeMicrophone,
  FakeSpeechEngine,
  type FakeSpeechOptions,
  fakeMicrophone,
} from './testing/fake-speech.js';

let microphone: FakeMicrophone | undefined;

async function mount(
  options: FakeSpeechOptions = {},
  mic: Parameters<typeof fakeMicrophone>[0] = {},
  lang = 'sv',
  value = 'Jag bor i Lund.',
) {
  const engine = new FakeSpeechEngine(options);
  provideKlar({ engine });
  microphone = fakeMicrophone(mic);
  const main = await fixture<HTMLElement>(
    `<div>
      <label for="ovrigt">${lang === 'en' ? 'Anything else' : 'Övrigt'}</label>
      <textarea id="ovrigt" maxlength="1000"></textarea>
      <klar-dictate for="ovrigt"></klar-dictate>
    </div>`,
    lang,
  );
  const field = main.querySelector('textarea')!;
  field.value = value;
  const el = main.querySelector('klar-dictate') as KlarDictate;
  await el.updateComplete;
  const events: string[] = [];
  for (const name of ['input', 'change']) field.addEventListener(name, () => events.push(name));
  return { el, engine, main, field, events };
}

const trigger = (el: Element) => part<HTMLButtonElement>(el, 'trigger')!;
const announcement = (el: Element) => part(el, 'announcement')?.textContent?.trim() ?? '';
const message = (el: Element) => part(el, 'message')?.textContent?.trim() ?? '';
const asr = (engine: FakeSpeechEngine) =>
  engine.speech.filter((r) => r.task === 'automatic-speech-recognition');

/** Starts dictation by keyboard alone: focus the button, press Space. */
async function startByKeyboard(el: KlarDictate) {
  trigger(el).focus();
  await sendKeys({ press: 'Space' });
  await until(() => el.listening, 'listening', 8000);
}

describe('klar-dictate', () => {
  afterEach(() => {
    microphone?.restore();
    microphone = undefined;
    cleanup();
  });

  it('shows a named microphone button and says what happens to the audio; passes axe', async () => {
    const { el, main } = await mount();
    const button = trigger(el);
    equal(button.textContent?.trim(), 'Diktera');
    equal(button.getAttribute('aria-label'), 'Diktera i fältet Övrigt');
    const help = part(el, 'help')!.textContent!;
    assert(help.includes('sparas inte') && help.includes('skickas inte'), help);
    equal(microphone!.calls, 0, 'no microphone before the button is pressed');
    await expectNoAxeViolations(main, 'idle');
  });

  it('by keyboard: Space starts, shows listening and a level, streams text, Escape stops, Enter inserts at the caret', async () => {
    const { el, main, field, engine, events } = await mount();
    field.focus();
    field.setSelectionRange(3, 3); // after "Jag"
    await startByKeyboard(el);
    equal(microphone!.calls, 1);
    assert(part(el, 'state')!.textContent!.includes('Lyssnar'), 'visible listening text');
    equal(trigger(el).textContent?.trim(), 'Sluta lyssna');
    equal(
      announcement(el),
      'Mikrofonen är på och lyssnar. Tryck på Sluta lyssna eller Esc när du är klar.',
    );
    const meter = part<HTMLMeterElement>(el, 'level')!;
    assert(meter.localName === 'meter' && meter.getAttribute('aria-label'), 'a labelled meter');
    await until(() => meter.value > 0, 'the level moves', 8000);
    const tracks = microphone!.streams[0]!.getAudioTracks();
    assert(
      tracks.every((t) => t.readyState === 'live'),
      'tracks live while listening',
    );
    await expectNoAxeViolations(main, 'listening');
    // The oscillator speaks 1 s and pauses 1 s: text arrives at the first pause, while listening.
    await until(() => part(el, 'text')?.textContent?.includes('välkommen'), 'partial text', 10000);
    assert(el.listening, 'still listening while the text streams');
    await expectNoAxeViolations(main, 'partial text');
    const first = asr(engine)[0]!;
    const rate = new AudioContext().sampleRate;
    equal(first.sampleRate, rate, 'audio at the device rate, not resampled on the main thread');
    assert(
      first.samples > 0.25 * rate && first.samples < 3 * rate,
      `one stretch: ${first.samples}`,
    );
    assert(
      engine.speech.some((r) => r.task === 'voice-activity-detection'),
      'the detector is used',
    );
    equal(first.language, 'sv');
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'review'), 'review after Escape', 10000);
    assert(
      tracks.every((t) => t.readyState === 'ended'),
      'tracks stopped after stop',
    );
    equal(field.value, 'Jag bor i Lund.', 'nothing inserted before the citizen accepts');
    equal(events.length, 0);
    equal(el.shadowRoot!.activeElement, part(el, 'review'), 'focus moves to the review');
    assert(part(el, 'label')!.textContent!.includes('Tiny Test Whisper'), 'names the model');
    await expectNoAxeViolations(main, 'review');
    part<HTMLButtonElement>(el, 'insert')!.focus();
    await sendKeys({ press: 'Enter' });
    const text = await until(
      () => (field.value !== 'Jag bor i Lund.' ? field.value : ''),
      'inserted',
    );
    assert(/^Jag hej och välkommen( hej och välkommen)* bor i Lund\.$/.test(text), text);
    equal(document.activeElement, field, 'focus back in the field');
    assert(field.selectionStart! > 3 && text.slice(0, field.selectionStart!).endsWith('välkommen'));
    equal(events.join(','), 'input,change');
    equal(announcement(el), 'Texten är infogad i fältet.');
    equal(part(el, 'review'), null);
  });

  it('with text selected, inserts after the selection, never over it', async () => {
    const { el, field } = await mount({ words: ['tack'] }, { speakSeconds: 0.6, pauseSeconds: 5 });
    field.focus();
    field.setSelectionRange(4, 7); // "bor"
    trigger(el).click();
    await until(() => el.listening, 'listening', 8000);
    await until(() => part(el, 'text')?.textContent?.includes('tack'), 'partial', 10000);
    trigger(el).click();
    await until(() => part(el, 'insert'), 'review', 10000);
    part<HTMLButtonElement>(el, 'insert')!.click();
    equal(field.value, 'Jag bor tack i Lund.');
  });

  it('discard leaves the field untouched and returns focus to the button', async () => {
    const { el, field, events } = await mount();
    let discarded = 0;
    el.addEventListener('klar-dictate-discard', () => discarded++);
    await startByKeyboard(el);
    await until(() => part(el, 'text')?.textContent, 'partial', 10000);
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'discard'), 'review', 10000);
    part<HTMLButtonElement>(el, 'discard')!.click();
    equal(field.value, 'Jag bor i Lund.');
    equal(events.length, 0);
    equal(discarded, 1);
    await el.updateComplete;
    equal(announcement(el), 'Texten är kastad. Fältet är som förut.');
    equal(el.shadowRoot!.activeElement, trigger(el));
  });

  it('pressing the button again from the review goes on dictating and keeps the text so far', async () => {
    const { el } = await mount({ words: ['ett'] }, { speakSeconds: 0.6, pauseSeconds: 5 });
    trigger(el).click();
    await until(() => part(el, 'text')?.textContent?.includes('ett'), 'first text', 10000);
    await el.stop();
    await until(() => part(el, 'review'), 'review', 10000);
    trigger(el).click();
    await until(() => el.listening, 'listening again', 8000);
    assert(part(el, 'text')?.textContent?.includes('ett'), 'the first text stays in view');
    await el.stop();
    await until(() => part(el, 'review'), 'review again', 10000);
    assert(
      /^ett( ett)*$/.test(part(el, 'text')!.textContent!.trim()),
      part(el, 'text')!.textContent!,
    );
  });

  it('permission denied: a clear message, the field untouched, no recognition', async () => {
    const { el, main, field, engine } = await mount({}, { fail: 'NotAllowedError' });
    const reasons: string[] = [];
    el.addEventListener('klar-fallback', (e) => reasons.push(e.detail.reason));
    trigger(el).click();
    await until(() => message(el), 'message');
    assert(message(el).startsWith('Sidan fick inte använda mikrofonen.'), message(el));
    assert(message(el).endsWith('Du kan skriva i fältet som vanligt.'), message(el));
    equal(reasons.join(), 'microphone-denied');
    equal(field.value, 'Jag bor i Lund.');
    equal(asr(engine).length, 0);
    assert(!el.listening && !part(el, 'state'));
    field.focus();
    await sendKeys({ type: ' Hej' });
    equal(field.value, 'Jag bor i Lund. Hej', 'the field works as before');
    await expectNoAxeViolations(main, 'permission denied');
  });

  it('no microphone: says so', async () => {
    const { el } = await mount({}, { fail: 'NotFoundError' });
    trigger(el).click();
    await until(() => message(el), 'message');
    assert(message(el).startsWith('Ingen mikrofon hittades.'), message(el));
  });

  it('no model: says dictation is not available here and never asks for the microphone', async () => {
    const { el, main } = await mount({
      availability: 'unavailable',
      unavailableReason: 'model-not-found',
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      trigger(el).click();
      await until(() => message(el), 'message');
    } finally {
      console.error = original;
    }
    equal(
      message(el),
      'AI-hjälpen är inte tillgänglig på den här webbplatsen just nu. Du kan skriva i fältet som vanligt.',
    );
    equal(microphone!.calls, 0);
    assert(String(errors[0]).includes('[Klar]'), 'the developer hears about the setup');
    await expectNoAxeViolations(main, 'no model');
  });

  it('asks before downloading (naming the voice detector too); declining keeps the microphone off', async () => {
    const { el, main } = await mount({ availability: 'downloadable' });
    trigger(el).click();
    const consent = await until(() => part(el, 'consent'), 'consent');
    assert(consent.textContent!.includes('Tiny Test Whisper'), consent.textContent!);
    assert(consent.textContent!.includes('röstdetektor (2 MB)'), consent.textContent!);
    await expectNoAxeViolations(main, 'consent');
    part<HTMLButtonElement>(el, 'consent-decline')!.click();
    await until(() => message(el), 'message');
    equal(message(el), 'Du valde att inte hämta AI-modellen. Du kan skriva i fältet som vanligt.');
    equal(microphone!.calls, 0);
  });

  it('after consent it listens; a recogniser error stops the microphone and says so', async () => {
    const { el, field } = await mount({ availability: 'downloadable', speechFailWith: 'internal' });
    trigger(el).click();
    await until(() => part(el, 'consent'), 'consent');
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    await until(() => el.listening, 'listening', 8000);
    await until(() => message(el), 'message', 10000);
    equal(
      message(el),
      'AI-modellen kunde inte användas just nu. Du kan skriva i fältet som vanligt.',
    );
    await until(() => !el.listening, 'stopped');
    assert(
      microphone!.streams[0]!.getTracks().every((t) => t.readyState === 'ended'),
      'tracks stopped',
    );
    equal(field.value, 'Jag bor i Lund.');
  });

  it('without a voice detector it cuts at pauses by loudness', async () => {
    const { el, engine } = await mount({ withVoice: false });
    trigger(el).click();
    await until(() => el.listening, 'listening', 8000);
    await until(() => part(el, 'text')?.textContent?.includes('välkommen'), 'partial', 10000);
    assert(!engine.speech.some((r) => r.task === 'voice-activity-detection'));
    const first = asr(engine)[0]!;
    assert(
      first.samples < 3 * first.sampleRate,
      `a stretch, not the whole recording: ${first.samples}`,
    );
    await el.stop();
  });

  it('a voice detector missing on the site: one console message that says dictation goes on; text still comes', async () => {
    const { el, engine } = await mount({ voiceFailWith: 'download-failed' });
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(String(args[0]));
    try {
      trigger(el).click();
      await until(() => el.listening, 'listening', 8000);
      await until(() => part(el, 'text')?.textContent?.includes('välkommen'), 'partial', 10000);
      assert(
        engine.speech.some((r) => r.task === 'voice-activity-detection'),
        'detector tried',
      );
      await el.stop();
    } finally {
      console.error = original;
    }
    const about = errors.filter((e) => e.startsWith('[Klar]'));
    equal(about.length, 1, about.join('\n'));
    assert(
      about[0]!.includes('voice detector') && about[0]!.includes('dictation goes on'),
      about[0],
    );
  });

  it('never downloads the voice detector unasked: with the speech model stored, loudness finds the pauses', async () => {
    const { el, engine } = await mount();
    engine.stored.delete('test/silero-vad');
    trigger(el).click();
    await until(() => el.listening, 'listening', 8000);
    equal(part(el, 'consent'), null, 'no question: the speech model is stored');
    await until(() => asr(engine).length, 'a stretch', 10000);
    assert(!engine.speech.some((r) => r.task === 'voice-activity-detection'));
    await el.stop();
  });

  it('releases the microphone when removed while listening', async () => {
    const { el } = await mount();
    trigger(el).click();
    await until(() => el.listening, 'listening', 8000);
    const tracks = microphone!.streams[0]!.getTracks();
    el.remove();
    await until(() => tracks.every((t) => t.readyState === 'ended'), 'tracks stopped');
  });

  it('speaks English on an English page and transcribes English', async () => {
    const { el, engine } = await mount({}, {}, 'en');
    equal(trigger(el).textContent?.trim(), 'Dictate');
    trigger(el).click();
    await until(() => el.listening, 'listening', 8000);
    equal(trigger(el).textContent?.trim(), 'Stop listening');
    await until(() => asr(engine).length, 'a stretch', 10000);
    equal(asr(engine)[0]!.language, 'en');
    await el.stop();
    await until(() => part(el, 'insert'), 'review', 10000);
    equal(part(el, 'insert')!.textContent, 'Insert');
    equal(part(el, 'discard')!.textContent, 'Discard');
  });
});
