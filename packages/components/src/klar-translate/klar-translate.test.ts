import './klar-translate.js';
import { sendKeys } from '@web/test-runner-commands';
import { provideKlar } from '../shared/context.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import type { KlarTranslate } from './klar-translate.component.js';
import { directionOf, nativeName, preferredTarget } from './languages.js';
import {
  installNativeTranslator,
  TranslateTestEngine,
  translationManifest,
} from './testing/translate-test-engine.js';

const LETTER_SV =
  'Bidragsmyndigheten har beviljat ditt bostadsbidrag. Du får 1 850 kronor per månad. Du kan begära omprövning inom två månader.';
const LETTER_EN = 'The agency has granted your housing allowance. You get SEK 1,850 a month.';

async function mount(
  options: ConstructorParameters<typeof TranslateTestEngine>[1] = {},
  {
    manifest = translationManifest(),
    attributes = '',
    letter = LETTER_SV,
    letterLang = '',
    lang = 'sv',
  } = {},
) {
  const engine = new TranslateTestEngine(manifest, options);
  provideKlar({ engine });
  const main = await fixture<HTMLElement>(
    `<div><klar-translate for="letter" ${attributes}></klar-translate>
      <textarea id="own" aria-label="Din text">مرحبا، أريد أن أعرف متى يصل المال</textarea>
      <article id="letter" ${letterLang ? `lang="${letterLang}"` : ''}><p>${letter}</p></article></div>`,
    lang,
  );
  const el = main.querySelector('klar-translate') as KlarTranslate;
  return { el, engine, main };
}

const announcement = (el: Element) => part(el, 'announcement')?.textContent?.trim() ?? '';
const options = (el: Element) =>
  [...shadow(el).querySelectorAll('option')].map((o) => ({
    value: o.value,
    text: o.textContent!.trim(),
    lang: o.lang,
    selected: o.selected,
  }));

async function openPicker(el: KlarTranslate) {
  part<HTMLButtonElement>(el, 'trigger')!.click();
  return until(() => part<HTMLSelectElement>(el, 'select'), 'language picker', 60000);
}

describe('klar-translate', () => {
  let native: { calls: string[]; restore: () => void } | undefined;
  afterEach(() => {
    native?.restore();
    native = undefined;
    cleanup();
  });

  it('starts nothing until asked; then offers only the languages that can be served, named in their own language', async () => {
    native = installNativeTranslator(['sv-ar', 'sv-so']);
    const { el, main, engine } = await mount();
    equal(part(el, 'trigger')!.textContent!.trim(), 'Läs på ditt språk');
    equal(engine.described.length, 0, 'no engine call before the citizen asks');
    await expectNoAxeViolations(main, 'idle');
    const select = await openPicker(el);
    const offered = options(el);
    const byValue = Object.fromEntries(offered.map((o) => [o.value, o]));
    assert(!byValue.sv, 'not the language of the original');
    assert(!byValue.fi && !byValue.de, `only servable languages: ${offered.map((o) => o.value)}`);
    equal(byValue.en?.text, 'English');
    equal(byValue.ar?.text, 'العربية');
    equal(byValue.so?.text, 'Soomaali');
    equal(byValue.ar?.lang, 'ar', 'each name carries its lang');
    equal(shadow(el).activeElement, select, 'focus moves to the picker');
    await expectNoAxeViolations(main, 'picker');
  });

  it('streams sentence by sentence with the model for the direction; labelled; lang and dir; announced once', async () => {
    const { el, main, engine } = await mount({ delayMs: 150 });
    await openPicker(el);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(announcement(el)));
    observer.observe(part(el, 'announcement')!, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    // Sampled from the click on, in the background: the text must grow a sentence at a time.
    const lengths = new Set<number>();
    const sampler = setInterval(() => lengths.add(el.translation.length), 5);
    part<HTMLButtonElement>(el, 'translate')!.click();
    await until(
      () => part(el, 'text')?.textContent?.includes('en: Bidragsmyndigheten'),
      'first sentence',
    );
    const text = part(el, 'text')!;
    equal(part(el, 'output')!.getAttribute('aria-busy'), 'true');
    assert(!text.textContent!.includes('omprövning'), 'only the first sentence so far');
    await expectNoAxeViolations(main, 'streaming');
    await until(() => announcement(el), 'done', 20000);
    clearInterval(sampler);
    observer.disconnect();
    assert(
      [...lengths].filter((n) => n > 0).length >= 3,
      `grew sentence by sentence: ${[...lengths]}`,
    );
    equal(announcement(el), 'Översättningen är klar.');
    equal(new Set(seen.filter(Boolean)).size, 1, 'announced once, not per sentence');
    equal(engine.translations[0]!.model, 'test/opus-mt-sv-en', 'the sv→en model');
    equal(text.getAttribute('lang'), 'en');
    equal(text.getAttribute('dir'), 'ltr');
    equal(el.translation.split('en: ').length - 1, 3, 'three sentences');
    const label = part(el, 'label')!.textContent!;
    assert(label.includes('Maskinöversatt') && label.includes('Test OPUS-MT sv→en'), label);
    assert(label.includes('originalet som gäller'), label);
    equal(shadow(el).querySelector('#heading')!.textContent!.trim(), 'Maskinöversättning');
    assert(
      main.querySelector('#letter')!.textContent!.includes('1 850 kronor'),
      'original untouched',
    );
    await expectNoAxeViolations(main, 'done');
  });

  it('picks the other direction for an English original (lang of the original)', async () => {
    const { el, engine } = await mount({}, { letter: LETTER_EN, letterLang: 'en' });
    await openPicker(el);
    deepValues(options(el), ['sv']);
    part<HTMLButtonElement>(el, 'translate')!.click();
    await until(() => announcement(el), 'done');
    equal(engine.translations[0]!.model, 'test/opus-mt-en-sv');
    equal(part(el, 'text')!.getAttribute('lang'), 'sv');
  });

  it("Arabic from the browser translator: rtl output, labelled as the browser translator; pre-selected from the citizen's text", async () => {
    native = installNativeTranslator(['sv-ar'], 'ar');
    const { el, main, engine } = await mount({}, { attributes: 'detect-from="own"' });
    await openPicker(el);
    equal(
      options(el).find((o) => o.selected)?.value,
      'ar',
      'the detected language is pre-selected',
    );
    part<HTMLButtonElement>(el, 'translate')!.click();
    await until(() => announcement(el), 'done');
    const text = part(el, 'text')!;
    equal(text.getAttribute('dir'), 'rtl');
    equal(text.getAttribute('lang'), 'ar');
    assert(part(el, 'label')!.textContent!.includes('webbläsarens översättare'));
    equal(engine.translations.length, 0, 'no model used');
    assert(native.calls.includes('create:sv-ar'));
    await expectNoAxeViolations(main, 'rtl');
  });

  it("detect-from with Klar's own language identifier (no built-in detector): Arabic is pre-selected", async () => {
    native = installNativeTranslator(['sv-ar', 'sv-so']);
    const { el } = await mount({}, { attributes: 'detect-from="own"' });
    await openPicker(el);
    equal(options(el).find((o) => o.selected)?.value, 'ar', 'detected in what the citizen wrote');
  });

  it('translates its slotted content when there is no for, and nothing of its own UI', async () => {
    const engine = new TranslateTestEngine(translationManifest());
    provideKlar({ engine });
    const main = await fixture<HTMLElement>(
      '<div><klar-translate><p>Beslutet gäller från april.</p></klar-translate></div>',
    );
    const el = main.querySelector('klar-translate') as KlarTranslate;
    await openPicker(el);
    part<HTMLButtonElement>(el, 'translate')!.click();
    await until(() => announcement(el), 'done');
    equal(el.translation.trim(), 'en: Beslutet gäller från april.');
    assert(main.querySelector('p')!.checkVisibility(), 'the slotted original stays visible');
  });

  it('writing direction and own-language names for the languages people new in Sweden speak', () => {
    for (const rtl of ['ar', 'fa', 'ckb', 'ps', 'ur', 'he', 'ar-SY', 'fa-AF'])
      equal(directionOf(rtl), 'rtl', rtl);
    for (const ltr of ['sv', 'en', 'so', 'ti', 'ku', 'pl', 'bs', 'uk', 'tr', 'fi', 'es'])
      equal(directionOf(ltr), 'ltr', ltr);
    equal(nativeName('fa'), 'فارسی');
    equal(nativeName('ti'), 'ትግርኛ');
    equal(nativeName('uk'), 'Українська');
    equal(nativeName('sv'), 'Svenska');
    equal(preferredTarget(['en', 'ar'], 'ar-SY', ['en-GB']), 'ar', 'detected wins');
    equal(preferredTarget(['en', 'ar'], 'so', ['ar', 'en']), 'ar', 'undetectable → browser order');
    equal(preferredTarget(['en', 'ar'], undefined, ['de']), 'en', 'else the first offered');
  });

  it('pre-selects the browser language when nothing was detected', async () => {
    const { el } = await mount(
      {},
      {
        manifest: translationManifest([
          ['sv', 'en'],
          ['sv', 'fi'],
        ]),
      },
    );
    await openPicker(el);
    const wanted = navigator.languages
      .map((l) => l.split('-')[0])
      .find((l) => l === 'en' || l === 'fi');
    equal(options(el).find((o) => o.selected)?.value, wanted ?? 'en');
  });

  it('the original is one click away, by keyboard alone', async () => {
    const { el, main } = await mount();
    part<HTMLButtonElement>(el, 'trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement === part(el, 'select'), 'focus on the picker');
    await sendKeys({ press: 'Tab' });
    equal(shadow(el).activeElement, part(el, 'translate'));
    await sendKeys({ press: 'Enter' });
    await until(() => announcement(el), 'done');
    const toggle = part<HTMLButtonElement>(el, 'toggle')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'original'), 'original shown');
    equal(part(el, 'original')!.getAttribute('lang'), 'sv');
    assert(part(el, 'original')!.textContent!.includes('1 850 kronor'));
    equal(part(el, 'text'), null);
    equal(shadow(el).activeElement, toggle, 'focus stays on the toggle');
    await expectNoAxeViolations(main, 'original');
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'text'), 'translation shown again');
    part<HTMLButtonElement>(el, 'close')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement === part(el, 'trigger'), 'focus back on the button');
  });

  it('renders the translation as text: markup in model output stays characters', async () => {
    const { el } = await mount({
      translate: () => '<img src=x onerror="window.__klarXssT=1"><b>x</b>',
    });
    await openPicker(el);
    part<HTMLButtonElement>(el, 'translate')!.click();
    await until(() => announcement(el), 'done');
    equal(shadow(el).querySelector('img, b'), null);
    assert(part(el, 'text')!.textContent!.includes('<img src=x'));
    equal((window as { __klarXssT?: number }).__klarXssT, undefined);
  });

  it('no model and no browser translator: says so truthfully, the original stays readable', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(String(args[0]));
    try {
      const { el, main } = await mount({}, { manifest: translationManifest([]) });
      part<HTMLButtonElement>(el, 'trigger')!.click();
      await until(() => part(el, 'message'), 'message');
      const message = part(el, 'message')!.textContent!;
      assert(message.includes('kan inte översätta texten just nu'), message);
      assert(!/din enhet/i.test(message), 'not blamed on the device');
      equal(part(el, 'select'), null, 'no picker without languages');
      assert(main.querySelector('#letter')!.checkVisibility(), 'original visible');
      await expectNoAxeViolations(main, 'no model');
      cleanup();
      // A model the site lists but cannot serve (no sha256): the developer hears why, with the fix.
      const broken = await mount({
        availability: 'unavailable',
        unavailableReason: 'integrity-failed',
      });
      part<HTMLButtonElement>(broken.el, 'trigger')!.click();
      await until(() => part(broken.el, 'message'), 'message');
      assert(
        errors.some((e) => e.includes('integrity-failed') && e.includes('Fix:')),
        errors.join('\n'),
      );
    } finally {
      console.error = original;
    }
  });

  it('asks before downloading; declining keeps the original and says why', async () => {
    const { el, main, engine } = await mount({ availability: 'downloadable' });
    await openPicker(el);
    part<HTMLButtonElement>(el, 'translate')!.click();
    const consent = await until(() => part(el, 'consent'), 'consent');
    assert(
      consent.textContent!.includes('Test OPUS-MT sv→en') &&
        consent.textContent!.includes('110 MB'),
    );
    await expectNoAxeViolations(main, 'consent');
    part<HTMLButtonElement>(el, 'consent-decline')!.click();
    await until(() => part(el, 'message'), 'declined');
    assert(part(el, 'message')!.textContent!.includes('Du valde att inte hämta'));
    equal(engine.translations.length, 0, 'nothing translated without consent');
  });

  it('a failing model: truthful message, can be stopped mid-way, English UI', async () => {
    const failing = await mount({ failWith: 'session-failed' });
    await openPicker(failing.el);
    part<HTMLButtonElement>(failing.el, 'translate')!.click();
    await until(() => part(failing.el, 'message'), 'message');
    assert(
      part(failing.el, 'message')!.textContent!.includes('inte tillgänglig på den här webbplatsen'),
    );
    cleanup();
    const { el } = await mount({ delayMs: 80 }, { lang: 'en', letterLang: 'sv' });
    const select = await openPicker(el);
    equal(shadow(el).querySelector('label')!.textContent!.trim(), 'Language');
    equal(select.value, 'en');
    part<HTMLButtonElement>(el, 'translate')!.click();
    await until(() => el.translation.length > 0, 'first sentence');
    // Escape stops it, like the Stop button.
    part<HTMLButtonElement>(el, 'translate')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => announcement(el) === 'The translation was stopped.', 'stopped');
    const length = el.translation.length;
    await new Promise((r) => setTimeout(r, 200));
    equal(el.translation.length, length, 'nothing after stop');
    assert(
      part(el, 'label')!.textContent!.includes('Machine-translated from Swedish into English'),
    );
  });
});

function deepValues(list: { value: string }[], expected: string[]): void {
  equal(JSON.stringify(list.map((o) => o.value)), JSON.stringify(expected));
}
