/**
 * <klar-dictate> on the real runtime (a worker) with the Whisper fixture: recorded Swedish
 * speech from test/audio played through a fake microphone at the device's rate. The fixture has
 * random weights, so the text is gibberish; the test checks the path, not the words.
 */
import './klar-dictate.js';
import { createKlar } from '@klar/runtime';
import { sendKeys } from '@web/test-runner-commands';
import { provideKlar } from '../shared/context.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part } from '../testing/fixture.js';
import type { KlarDictate } from './klar-dictate.component.js';
import { type FakeMicrophone, fakeMicrophone } from './testing/fake-speech.js';

const WHISPER = 'fixtures/klar-tiny-whisper';

describe('klar-dictate with the real runtime and the Whisper fixture', () => {
  let engine: ReturnType<typeof createKlar> | undefined;
  let microphone: FakeMicrophone | undefined;

  afterEach(async () => {
    microphone?.restore();
    cleanup();
    await engine?.dispose().catch(() => undefined);
  });

  it('asks, downloads, transcribes recorded speech while listening, and inserts only on accept', async function () {
    // Two models load and run on WASM on a shared CI machine.
    this.timeout(400_000);
    await caches.delete('klar-models-v1');
    engine = createKlar({
      modelBaseUrl: '/models/',
      manifest: '/models/manifest.json',
      backend: 'wasm',
    });
    provideKlar({ engine, models: { 'automatic-speech-recognition': WHISPER } });
    microphone = fakeMicrophone({ wav: '/test/audio/speech-pause-speech.wav' });
    const main = await fixture<HTMLElement>(
      `<div><label for="f">Övrigt</label><textarea id="f">Hej.</textarea><klar-dictate for="f" max-new-tokens="12"></klar-dictate></div>`,
    );
    const el = main.querySelector('klar-dictate') as KlarDictate;
    const field = main.querySelector('textarea')!;
    // A real key press: audio contexts start only after the citizen has interacted with the page.
    part<HTMLButtonElement>(el, 'trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    const consent = await until(() => part(el, 'consent'), 'consent', 30000);
    assert(consent.textContent!.includes('tiny'), consent.textContent!);
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    await until(() => el.listening, 'listening', 30000);
    // The recording has a pause: text arrives while the microphone is still on.
    const partial = await until(
      () => part(el, 'text')?.textContent?.trim(),
      'partial text',
      240_000,
    );
    assert(partial.length > 0);
    await expectNoAxeViolations(main, 'listening with text');
    await el.stop();
    const review = await until(() => part(el, 'review'), 'review', 120_000);
    const text = part(el, 'text')!.textContent!.trim();
    assert(text.length > 0, 'a transcript');
    assert(
      review.textContent!.includes('klar-tiny-whisper') || review.textContent!.includes('tiny'),
    );
    assert(
      microphone.streams[0]!.getTracks().every((t) => t.readyState === 'ended'),
      'microphone released',
    );
    equal(field.value, 'Hej.', 'nothing inserted before accepting');
    part<HTMLButtonElement>(el, 'insert')!.click();
    // The citizen never put the caret in the field: the text goes after what is there.
    assert(field.value.startsWith('Hej. ') && field.value.length > 'Hej. '.length, field.value);
  });
});
