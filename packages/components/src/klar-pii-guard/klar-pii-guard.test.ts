import './klar-pii-guard.js';
import { provideKlar } from '../shared/context.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import type { KlarPiiGuard } from './klar-pii-guard.component.js';

async function mount(attrs = '') {
  provideKlar({ engine: new FakeEngine() });
  const form = await fixture<HTMLFormElement>(
    `<form><klar-pii-guard ${attrs}><label for="m">Beskriv ditt ärende</label><textarea id="m" name="m"></textarea></klar-pii-guard><button>Skicka</button></form>`,
  );
  const guard = form.querySelector('klar-pii-guard') as KlarPiiGuard;
  const field = form.querySelector('textarea')!;
  const type = (value: string) => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { form, guard, field, type };
}

const PNR = '19121212-1212';

describe('klar-pii-guard', () => {
  afterEach(cleanup);

  it('keeps the field in light DOM and passes axe with nothing found', async () => {
    const { form, guard } = await mount();
    equal(form.querySelector('textarea')!.parentElement, guard);
    equal(part(guard, 'panel'), null);
    await expectNoAxeViolations(form, 'empty');
  });

  it('points out a personnummer as the citizen types, and announces it once', async () => {
    const { form, guard, type } = await mount();
    const events: number[] = [];
    guard.addEventListener('klar-pii-change', (e) => events.push(e.detail.findings.length));
    type(`Jag har personnummer ${PNR} och vill ha hjälp.`);
    const panel = await until(() => part(guard, 'panel'), 'panel');
    assert(
      panel.textContent!.includes('Du behöver inte skriva ditt personnummer här.'),
      panel.textContent!,
    );
    assert(!panel.textContent!.includes('1212-1212'), 'the panel does not repeat the full number');
    const said = part(guard, 'announcement')!.textContent!;
    assert(said.includes('personnummer'), said);
    type(`Jag har personnummer ${PNR} och vill ha hjälp nu.`);
    await until(() => events.length >= 2, 'second scan');
    equal(part(guard, 'announcement')!.textContent, said, 'not announced again');
    await expectNoAxeViolations(form, 'found');
  });

  it('masks on request and fires input and change', async () => {
    const { guard, field, type } = await mount();
    const fired: string[] = [];
    field.addEventListener('input', () => fired.push('input'));
    field.addEventListener('change', () => fired.push('change'));
    type(`Ring mig på 070-123 45 67 eller mejla anna.svensson@example.se. Pnr ${PNR}.`);
    const button = await until(() => part<HTMLButtonElement>(guard, 'mask'), 'mask button');
    fired.length = 0;
    button.click();
    assert(
      !field.value.includes('1212-1212') && !field.value.includes('anna.svensson@example.se'),
      field.value,
    );
    assert(field.value.includes('[PERSONNUMMER'), field.value);
    assert(fired.includes('input') && fired.includes('change'));
    await guard.updateComplete;
    equal(part(guard, 'panel'), null);
    assert(part(guard, 'announcement')!.textContent!.includes('dolda'));
    equal(document.activeElement, field, 'the button went with the panel: focus on the field');
  });

  it('asks on submit with confirm-on-submit, and the citizen can always send anyway', async () => {
    const { form, guard, field, type } = await mount('confirm-on-submit');
    let sent = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      sent += 1;
    });
    type(`Mitt personnummer är ${PNR}.`);
    await until(() => part(guard, 'panel'), 'panel');
    form.requestSubmit();
    equal(sent, 0, 'held once');
    const question = await until(() => part(guard, 'question'), 'question');
    await guard.updateComplete;
    equal(shadow(guard).activeElement, question);
    await expectNoAxeViolations(form, 'question');
    part<HTMLButtonElement>(guard, 'send-anyway')!.click();
    equal(sent, 1, 'sent anyway');
    assert(field.value.includes(PNR), 'value untouched');
    form.requestSubmit();
    await until(() => part(guard, 'mask-and-send'), 'asked again');
    part<HTMLButtonElement>(guard, 'mask-and-send')!.click();
    equal(sent, 2);
    assert(!field.value.includes(PNR));
    await guard.updateComplete;
    equal(
      document.activeElement,
      field,
      `focus on the masked text, not lost: ${document.activeElement?.localName} ${shadow(guard).activeElement?.outerHTML.slice(0, 80)}`,
    );
  });

  it('holds a submit made straight after typing until the field is checked', async () => {
    // The detection rules load after the page (first focus/input or idle); a submit before the
    // check has run must not let personal data through.
    const { form, guard, field } = await mount('confirm-on-submit');
    let sent = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      sent += 1;
    });
    field.value = `Mitt personnummer är ${PNR}.`; // no input event: nothing has scanned it
    form.requestSubmit();
    equal(sent, 0, 'held');
    await until(() => part(guard, 'question'), 'question');
    equal(sent, 0, 'still held while the question is open');
    assert(
      guard.personalData.some((f) => f.type === 'personnummer'),
      'found on submit',
    );
  });

  it('sends a clean text submitted straight after typing once it is checked', async () => {
    const { form, field } = await mount('confirm-on-submit');
    let sent = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      sent += 1;
    });
    field.value = 'Jag vill boka en tid för bygglov.';
    form.requestSubmit();
    await until(() => sent === 1, 'sent after the check');
  });

  it('loads its rules on first focus, and detectorReady says when they are in', async () => {
    const { guard, field } = await mount();
    field.focus();
    equal(await guard.detectorReady, true);
    field.value = `Pnr ${PNR}`;
    assert(
      guard.check().some((f) => f.type === 'personnummer'),
      'check() is synchronous once loaded',
    );
  });

  it('never blocks a submit without the attribute', async () => {
    const { form, type, guard } = await mount();
    let sent = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      sent += 1;
    });
    type(`Pnr ${PNR}`);
    await until(() => part(guard, 'panel'), 'panel');
    form.requestSubmit();
    equal(sent, 1);
  });

  it('renders what was typed as text, never as HTML', async () => {
    const { guard, type } = await mount();
    type(`<img src=x onerror="window.__piiXss=1"> ${PNR}`);
    await until(() => part(guard, 'panel'), 'panel');
    equal(shadow(guard).querySelector('img'), null);
    equal((window as { __piiXss?: number }).__piiXss, undefined);
  });
});
