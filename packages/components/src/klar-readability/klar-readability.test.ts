import './klar-readability.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import type { KlarReadability } from './klar-readability.component.js';

const HARD =
  'Försäkringskassan har fattat beslut om avslag beträffande ansökan om bostadsbidrag eftersom inkomstförhållandena överstiger gränsbeloppen.';

async function mount(value = '') {
  const main = await fixture<HTMLElement>(
    `<div><label for="t">Beskrivning</label><textarea id="t"></textarea><klar-readability for="t"></klar-readability></div>`,
  );
  const textarea = main.querySelector('textarea')!;
  const meter = main.querySelector('klar-readability') as KlarReadability;
  if (value) {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return { main, textarea, meter };
}

describe('klar-readability', () => {
  afterEach(cleanup);

  it('says there is no text yet, and passes axe', async () => {
    const { meter } = await mount();
    assert(shadow(meter).textContent?.includes('Ingen text ännu'));
    await expectNoAxeViolations(meter.parentElement!, 'empty');
  });

  it('updates LIX live as the citizen types, with the band in words', async () => {
    const { meter, textarea } = await mount();
    const events: number[] = [];
    meter.addEventListener('klar-readability-change', (e) => events.push(e.detail.lix));
    textarea.value = 'Du får pengar. Vi betalar ut dem i maj.';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => part(meter, 'value')?.textContent?.includes('LIX'), 'lix');
    const easy = part(meter, 'value')!.textContent!;
    assert(/lättläst/.test(easy), easy);
    textarea.value = HARD;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => /svår/.test(part(meter, 'value')?.textContent ?? ''), 'hard band');
    assert(events.length >= 2, 'events fired');
    const m = shadow(meter).querySelector('meter')!;
    assert(m.value > 40, `meter value ${m.value}`);
    await expectNoAxeViolations(meter.parentElement!, 'with text');
  });

  it('shows long words and the longest sentences on request, by keyboard', async () => {
    const { meter } = await mount(HARD);
    const button = await until(() => part<HTMLButtonElement>(meter, 'button'), 'toggle');
    equal(button.getAttribute('aria-expanded'), 'false');
    equal(button.textContent!.trim(), 'Visa långa ord och meningar');
    button.focus();
    button.click();
    await meter.updateComplete;
    equal(button.getAttribute('aria-expanded'), 'true');
    equal(button.textContent!.trim(), 'Dölj långa ord och meningar', 'the text follows the state');
    const marks = [...shadow(meter).querySelectorAll('mark')].map((m) => m.textContent);
    assert(marks.includes('Försäkringskassan'), marks.join(','));
    assert(shadow(meter).querySelectorAll('ol li').length >= 1);
    await expectNoAxeViolations(meter.parentElement!, 'details open');
  });

  it('renders the text as characters, never as HTML', async () => {
    const { meter } = await mount(
      'Titta här <img src=x onerror="window.__xss=1"> någonting väldigt långtråkigt.',
    );
    const button = await until(() => part<HTMLButtonElement>(meter, 'button'), 'toggle');
    button.click();
    await meter.updateComplete;
    equal(shadow(meter).querySelector('img'), null);
    assert(shadow(meter).textContent?.includes('<img'));
    equal((window as { __xss?: number }).__xss, undefined);
  });

  it('follows the page language', async () => {
    const main = await fixture<HTMLElement>(
      '<div><p id="p">Hej du. Vi ses.</p><klar-readability for="p"></klar-readability></div>',
      'en',
    );
    const meter = main.querySelector('klar-readability')!;
    await until(() => part(meter, 'value')?.textContent?.includes('words'), 'english');
  });
});
