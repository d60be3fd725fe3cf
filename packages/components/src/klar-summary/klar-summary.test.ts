import './klar-summary.js';
import { provideKlar } from '../shared/context.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { FakeEngine, type FakeEngineOptions } from '../testing/fake-engine.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import { testManifest } from '../testing/manifest.js';
import type { KlarSummary } from './klar-summary.component.js';

const LETTER =
  'Försäkringskassan har den 15 mars 2026 beslutat att bevilja ditt bostadsbidrag med 1 500 kronor per månad. ' +
  'Beslutet har fattats med stöd av 97 kap. socialförsäkringsbalken. Ärendenummer 2026/4711. ' +
  'Om du inte är nöjd med beslutet kan du begära omprövning inom två månader från den dag du fick del av beslutet.';

async function mount(options: FakeEngineOptions = {}, lang = 'sv') {
  const engine = new FakeEngine(options);
  provideKlar({ engine, manifest: testManifest });
  const main = await fixture<HTMLElement>(
    `<div><klar-summary for="letter"></klar-summary><div id="letter"><p>${LETTER}</p></div></div>`,
    lang,
  );
  const el = main.querySelector('klar-summary') as KlarSummary;
  return { el, engine, main };
}

const announcement = (el: Element) => part(el, 'announcement')?.textContent?.trim() ?? '';

describe('klar-summary', () => {
  afterEach(cleanup);

  it('renders a button, leaves the original in place, and passes axe', async () => {
    const { el, main } = await mount();
    const trigger = part<HTMLButtonElement>(el, 'trigger')!;
    equal(trigger.textContent?.trim(), 'Sammanfatta i klarspråk');
    assert(main.querySelector('#letter')!.textContent!.includes('1 500 kronor'));
    await expectNoAxeViolations(main, 'idle');
  });

  it('streams into the output, announces once when done, and labels the AI output', async () => {
    const { el, main, engine } = await mount({
      tokens: ['Du ', 'får ', '1 500 ', 'kronor ', 'i ', 'månaden.'],
      delayMs: 30,
    });
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(announcement(el)));
    observer.observe(part(el, 'announcement')!, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    const text = await until(
      () => part(el, 'text')?.textContent?.includes('Du får'),
      'first tokens',
    );
    assert(text);
    equal(part(el, 'output')!.getAttribute('aria-busy'), 'true');
    assert(
      part(el, 'label')!.textContent!.includes('AI-genererad') &&
        part(el, 'label')!.textContent!.includes('Tiny Test LM'),
      'the AI label and model name show while the summary streams',
    );
    assert(part(el, 'stop'), 'stop button while streaming');
    await expectNoAxeViolations(main, 'streaming');
    await until(() => el.summary.endsWith('månaden.') && announcement(el), 'done');
    observer.disconnect();
    equal(announcement(el), 'Sammanfattningen är klar.');
    equal(new Set(seen.filter(Boolean)).size, 1, 'announced once');
    const label = part(el, 'label')!.textContent!;
    assert(
      label.includes('AI-genererad') &&
        label.includes('Tiny Test LM') &&
        label.includes('originalet'),
      label,
    );
    assert(part(el, 'figures')!.textContent!.includes('Originalet: LIX'));
    assert(part(el, 'figures')!.textContent!.includes('Sammanfattningen: LIX'));
    equal(part(el, 'output')!.getAttribute('aria-busy'), 'false');
    assert(
      main.querySelector('#letter')!.textContent!.includes('socialförsäkringsbalken'),
      'original kept',
    );
    const request = engine.requests[0]!;
    assert(request.messages?.[1]?.content.includes('1 500 kronor'));
    await expectNoAxeViolations(main, 'done');
  });

  it('can be stopped; the partial summary stays and says it was stopped', async () => {
    const tokens = Array.from({ length: 200 }, (_, i) => `ord${i} `);
    const { el } = await mount({ tokens, delayMs: 20 });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => el.summary.length > 10, 'some tokens');
    part<HTMLButtonElement>(el, 'stop')!.click();
    await until(() => announcement(el).startsWith('Sammanfattningen stoppades.'), 'stopped');
    const length = el.summary.length;
    await new Promise((r) => setTimeout(r, 100));
    equal(el.summary.length, length, 'no tokens after stop');
    assert(length > 0 && !el.summary.includes('ord199'));
    const figures = part(el, 'figures')!.textContent!;
    assert(figures.includes('Originalet: LIX'), figures);
    assert(
      !figures.includes('Sammanfattningen: LIX'),
      `a stopped summary gets no verdict: ${figures}`,
    );
  });

  it('marks numbers and names that are not in the original', async () => {
    const { el } = await mount({
      tokens: ['Du får 2 500 kronor ', 'från Försäkringskassan i Göteborg ', 'från 15 mars 2026.'],
    });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => announcement(el), 'done');
    const marks = [...shadow(el).querySelectorAll('mark.unverified')].map((m) =>
      m.textContent!.replace(' (finns inte i originalet)', ''),
    );
    assert(marks.includes('2 500'), `marks: ${marks.join('|')}`);
    assert(marks.includes('Göteborg'), `marks: ${marks.join('|')}`);
    assert(
      !marks.includes('Försäkringskassan') && !marks.includes('15'),
      `marks: ${marks.join('|')}`,
    );
    assert(announcement(el).includes('2 uppgifter'), announcement(el));
    assert(
      shadow(el)
        .querySelector('mark.unverified .sr-only')!
        .textContent!.includes('finns inte i originalet'),
    );
    await expectNoAxeViolations(el.parentElement!, 'marked');
  });

  it('renders model output as text: <img onerror> appears as characters', async () => {
    const { el } = await mount({
      tokens: ['<img src=x onerror="window.__klarXss=1">', ' <b>fet</b>'],
    });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => announcement(el), 'done');
    equal(shadow(el).querySelector('img, b'), null);
    assert(part(el, 'text')!.textContent!.includes('<img src=x onerror='));
    equal((window as { __klarXss?: number }).__klarXss, undefined);
  });

  it('asks before downloading: name, size and licence; decline falls back to the extractive summary', async () => {
    const { el, main, engine } = await mount({ availability: 'downloadable' });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    const consent = await until(() => part(el, 'consent'), 'consent');
    const text = consent.textContent!;
    assert(
      text.includes('Tiny Test LM') && text.includes('250 MB') && text.includes('Apache-2.0'),
      text,
    );
    equal(shadow(el).activeElement, consent, 'focus moves to the question');
    await expectNoAxeViolations(main, 'consent');
    part<HTMLButtonElement>(el, 'consent-decline')!.click();
    await until(() => announcement(el).includes('Utvalda meningar ur texten'), 'fallback');
    equal(engine.requests.length, 0, 'no generation without consent');
    const label = part(el, 'label')!.textContent!;
    assert(label.includes('Du valde att inte hämta'), label);
    assert(label.includes('ordagrant') && label.includes('inte en AI-sammanfattning'), label);
    assert(!part(el, 'output')!.classList.contains('ai'));
    assert(el.summary.length > 0);
    await expectNoAxeViolations(main, 'extractive');
  });

  it('shows download progress with bytes and time left after consent', async () => {
    const { el, main } = await mount({
      availability: 'downloadable',
      download: { total: 250_000_000, steps: 40 },
      delayMs: 40,
    });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => part(el, 'consent-accept'), 'consent');
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    const progress = await until(() => shadow(el).querySelector('progress'), 'progress');
    await until(() => part(el, 'progress')!.textContent!.includes('kvar'), 'time left');
    assert(part(el, 'progress')!.textContent!.includes('av 250 MB'));
    assert(progress.max === 250_000_000);
    await expectNoAxeViolations(main, 'downloading');
    await until(() => announcement(el) === 'Sammanfattningen är klar.', 'done', 10000);
    assert(part(el, 'backend')!.textContent!.includes('WebAssembly'));
  });

  it('falls back to the extractive summary when the model fails or no engine can start', async () => {
    const { el } = await mount({ failWith: 'download-failed' });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => announcement(el).includes('Utvalda meningar ur texten'), 'fallback');
    // A download failure while online is the site's setup, not the device (H7: errors.ts).
    assert(part(el, 'label')!.textContent!.includes('inte tillgänglig på den här webbplatsen'));
    cleanup();
    provideKlar({
      engine: () => {
        throw new Error('no worker');
      },
      manifest: testManifest,
    });
    const main = await fixture<HTMLElement>(
      `<div><klar-summary for="l"></klar-summary><p id="l">${LETTER}</p></div>`,
    );
    const el2 = main.querySelector('klar-summary')!;
    part<HTMLButtonElement>(el2, 'trigger')!.click();
    await until(
      () => announcement(el2).includes('inte tillgänglig på den här webbplatsen'),
      'no engine',
    );
  });

  it('chunks long texts to fit the context', async () => {
    // The engine describes the model now (describe()), so the small context is its manifest's.
    const engine = new FakeEngine({
      tokens: ['Kort.'],
      manifest: { version: 1, models: [{ ...testManifest.models[0]!, contextLength: 600 }] },
    });
    provideKlar({ engine });
    const long = Array.from(
      { length: 40 },
      (_, i) => `Detta är mening nummer ${i + 1} i ett långt beslut om bidrag.`,
    ).join(' ');
    const main = await fixture<HTMLElement>(`<div><klar-summary>${long}</klar-summary></div>`);
    const el = main.querySelector('klar-summary')!;
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => announcement(el), 'done');
    assert(engine.requests.length > 1, `requests: ${engine.requests.length}`);
    for (const r of engine.requests) assert(r.messages![1]!.content.length < 600 * 3);
  });

  it('works by keyboard: close returns focus to the button; copy reports the result', async () => {
    const { el } = await mount();
    const trigger = part<HTMLButtonElement>(el, 'trigger')!;
    trigger.focus();
    trigger.click();
    await until(() => announcement(el), 'done');
    part<HTMLButtonElement>(el, 'copy')!.click();
    await until(() => /Kopierat|kopiera/.test(announcement(el)), 'copy feedback');
    part<HTMLButtonElement>(el, 'close')!.click();
    await el.updateComplete;
    await el.updateComplete;
    equal(part(el, 'output'), null);
    equal(shadow(el).activeElement, trigger);
  });

  it('speaks English when the page does', async () => {
    const bilingual = { ...testManifest.models[0]!, languages: ['sv', 'en'] };
    const { el, engine } = await mount(
      { manifest: { version: 1, models: [bilingual, ...testManifest.models.slice(1)] } },
      'en',
    );
    equal(part(el, 'trigger')!.textContent!.trim(), 'Summarise in plain language');
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => announcement(el) === 'The summary is ready.', 'english done');
    assert(part(el, 'label')!.textContent!.includes('AI-generated'));
    assert(engine.requests[0]!.messages![0]!.content.includes('English'), 'English prompt');
    assert(part(el, 'facts')!.textContent!.includes('Key facts'));
  });

  it('does not ask a Swedish-only model for English: it shows the selection and says why', async () => {
    const { el, engine } = await mount({}, 'en');
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => announcement(el).includes('Sentences picked from the text'), 'fallback');
    equal(engine.requests.length, 0, 'no request the model cannot answer');
    assert(part(el, 'label')!.textContent!.includes('not an AI summary'));
  });

  it('says so when offline instead of asking to download', async () => {
    const { el, engine } = await mount({ availability: 'downloadable' });
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      part<HTMLButtonElement>(el, 'trigger')!.click();
      await until(() => announcement(el).includes('offline'), 'offline fallback');
      equal(part(el, 'consent'), null);
      equal(engine.requests.length, 0);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('a long letter goes through parts (shown as progress), then one summary within the context', async () => {
    const engine = new FakeEngine({
      tokens: (r) => (r.messages![1]!.content.includes(' av ') ? ['Del.'] : ['Kort ', 'svar.']),
      delayMs: 20,
      manifest: { version: 1, models: [{ ...testManifest.models[0]!, contextLength: 700 }] },
    });
    provideKlar({ engine });
    const long = Array.from(
      { length: 30 },
      (_, i) => `Detta är mening nummer ${i + 1} i ett långt beslut om bidrag.`,
    ).join(' ');
    const main = await fixture<HTMLElement>(`<div><klar-summary>${long}</klar-summary></div>`);
    const el = main.querySelector('klar-summary')!;
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(
      () => /Sammanfattar del 1 av \d+/.test(part(el, 'output')?.textContent ?? ''),
      'part progress',
    );
    await until(() => announcement(el), 'done');
    equal(announcement(el), 'Sammanfattningen är klar.');
    equal(el.summary, 'Kort svar.', 'only the final level is the summary');
    assert(engine.requests.length >= 3, `requests: ${engine.requests.length}`);
    for (const r of engine.requests) {
      const { tokens } = await engine.countTokens({ messages: r.messages! });
      assert(tokens + r.maxNewTokens! <= 700, `request of ${tokens} + ${r.maxNewTokens} tokens`);
    }
  });

  it('lists key facts with and without a model; each shows where it stands in the original', async () => {
    const { el, main } = await mount({ availability: 'downloadable' });
    part<HTMLButtonElement>(el, 'trigger')!.click();
    await until(() => part(el, 'consent-decline'), 'consent');
    part<HTMLButtonElement>(el, 'consent-decline')!.click();
    await until(() => part(el, 'facts'), 'facts without a model');
    const facts = [...shadow(el).querySelectorAll('[part~="fact"]')].map((f) => f.textContent!);
    assert(
      facts.some((f) => f.includes('Belopp') && f.includes('1 500 kronor')),
      facts.join('|'),
    );
    assert(
      facts.some((f) => f.includes('2026/4711')),
      facts.join('|'),
    );
    assert(
      facts.some((f) => f.includes('inom två månader')),
      facts.join('|'),
    );
    await expectNoAxeViolations(main, 'facts, no model');
    const show = shadow(el).querySelector<HTMLButtonElement>('[part~="show-fact"]')!;
    assert(
      show.getAttribute('aria-label')!.startsWith('Visa i texten: '),
      show.getAttribute('aria-label')!,
    );
    show.focus();
    show.click();
    await until(() => announcement(el).startsWith('Markerat i texten:'), 'quotes the place');
    assert(announcement(el).includes('Försäkringskassan har den 15 mars 2026'), announcement(el));
    const highlights = (CSS as unknown as { highlights?: Map<string, { size: number }> })
      .highlights;
    if (highlights) equal(highlights.get('klar-summary-fact')?.size, 1, 'one place highlighted');
    equal(shadow(el).activeElement, show, 'focus stays on the button');
    cleanup();
    const withModel = await mount({ tokens: ['Du ', 'får ', 'pengar.'] });
    part<HTMLButtonElement>(withModel.el, 'trigger')!.click();
    await until(() => announcement(withModel.el), 'done');
    assert(part(withModel.el, 'facts'), 'facts with a model too');
    await expectNoAxeViolations(withModel.main, 'facts and summary');
  });

  it('one answer to the download question holds for every element on the page', async () => {
    const engine = new FakeEngine({ availability: 'downloadable' });
    provideKlar({ engine, manifest: testManifest });
    const main = await fixture<HTMLElement>(
      `<div><klar-summary for="l" id="a"></klar-summary><klar-summary for="l" id="b"></klar-summary><p id="l">${LETTER}</p></div>`,
    );
    const [a, b] = [main.querySelector('#a')!, main.querySelector('#b')!];
    part<HTMLButtonElement>(a, 'trigger')!.click();
    part<HTMLButtonElement>(b, 'trigger')!.click();
    await until(() => part(a, 'consent') && part(b, 'consent'), 'both ask');
    part<HTMLButtonElement>(a, 'consent-accept')!.click();
    await until(() => announcement(a) && announcement(b), 'both done');
    equal(announcement(b), 'Sammanfattningen är klar.');
    equal(engine.requests.length, 2);
  });
});
