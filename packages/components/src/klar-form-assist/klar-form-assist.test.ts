import './klar-form-assist.js';
import { documentMatchesSchema } from '@klar/tasks';
import { provideKlar } from '../shared/context.js';
import type { GenerateRequest } from '../shared/engine-types.js';
import { assert, deepEqual, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import { testManifest } from '../testing/manifest.js';
import { formSchema } from './form-schema.js';
import type { KlarFormAssist } from './klar-form-assist.component.js';

const FORM = `<klar-form-assist><form id="f" action="/nowhere">
  <label for="namn">Namn</label><input id="namn" name="namn" required autocomplete="name">
  <label for="pnr">Personnummer</label><input id="pnr" name="pnr" pattern="\\d{8}-\\d{4}" required>
  <label for="epost">E-post</label><input id="epost" name="epost" type="email">
  <label for="kommun">Kommun</label><select id="kommun" name="kommun"><option value="">Välj</option><option value="malmo">Malmö</option><option value="lund">Lund</option></select>
  <fieldset><legend>Boendeform</legend>
    <input type="radio" id="b1" name="boende" value="hyresratt"><label for="b1">Hyresrätt</label>
    <input type="radio" id="b2" name="boende" value="bostadsratt"><label for="b2">Bostadsrätt</label>
  </fieldset>
  <label for="antal">Antal barn</label><input id="antal" name="antal" type="number" min="0" max="20">
  <label for="datum">Inflyttningsdatum</label><input id="datum" name="datum" type="date">
  <input type="checkbox" id="samtycke" name="samtycke"><label for="samtycke">Jag vill ha svar via e-post</label>
  <label for="ovrigt">Övrigt</label><textarea id="ovrigt" name="ovrigt" maxlength="200"></textarea>
  <button>Skicka</button>
</form></klar-form-assist>`;

const STORY =
  'Jag heter Anna Svensson, personnummer 19121212-1212, och bor i Malmö i en hyresrätt med två barn. ' +
  'Vi flyttade in 2026-04-01. Mejla mig på anna.svensson@example.se.';

type Doc = Record<string, unknown>;

async function mount(
  answer: (req: GenerateRequest) => Doc,
  options: ConstructorParameters<typeof FakeEngine>[0] = {},
  markup = FORM,
) {
  const engine = new FakeEngine({
    tokens: (req) => (req.constraint ? [JSON.stringify(answer(req))] : ['Ditt ', 'namn.']),
    ...options,
  });
  provideKlar({ engine, manifest: testManifest });
  const el = await fixture<KlarFormAssist>(markup);
  const form = el.querySelector('form')!;
  let submitted = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted += 1;
  });
  const describe = (text: string) => {
    shadow(el).querySelector('textarea')!.value = text;
  };
  return { el, form, engine, describe, submitted: () => submitted };
}

const placeholderFor = (req: GenerateRequest, name: string) =>
  ((req.constraint!.schema.properties as Record<string, { enum?: unknown[] }>)[name]?.enum ??
    [])[0];

const good = (req: GenerateRequest): Doc => ({
  namn: 'Anna Svensson',
  pnr: placeholderFor(req, 'pnr'),
  epost: placeholderFor(req, 'epost'),
  kommun: 'malmo',
  boende: 'hyresratt',
  antal: 2,
  datum: '2026-04-01',
  samtycke: true,
  ovrigt: null,
});

describe('form-schema', () => {
  afterEach(cleanup);

  it('derives types, enums, patterns, required and label descriptions from the form', async () => {
    const el = await fixture<HTMLElement>(FORM);
    const { schema } = formSchema(el.querySelector('form')!);
    deepEqual(Object.keys(schema.properties), [
      'namn',
      'pnr',
      'epost',
      'kommun',
      'boende',
      'antal',
      'datum',
      'samtycke',
      'ovrigt',
    ]);
    deepEqual(schema.required, ['namn', 'pnr']);
    equal(schema.properties.pnr!.pattern, '^(?:\\d{8}-\\d{4})$');
    equal(schema.properties.epost!.format, 'email');
    deepEqual(schema.properties.kommun!.enum, ['malmo', 'lund', null]);
    deepEqual(schema.properties.boende!.enum, ['hyresratt', 'bostadsratt', null]);
    assert(String(schema.properties.boende!.description).startsWith('Boendeform'));
    deepEqual(schema.properties.antal!.type, ['integer', 'null']);
    equal(schema.properties.antal!.maximum, 20);
    equal(schema.properties.datum!.format, 'date');
    deepEqual(schema.properties.samtycke!.type, ['boolean', 'null']);
    equal(schema.properties.ovrigt!.maxLength, 120, 'capped');
    equal(schema.properties.namn!.description, 'Namn');
    assert(documentMatchesSchema({ namn: 'A', pnr: null }, schema));
    assert(!documentMatchesSchema({ namn: 'A' }, schema), 'required key missing');
    assert(!documentMatchesSchema({ namn: 'A', pnr: '123' }, schema), 'pattern');
    assert(!documentMatchesSchema({ namn: 'A', pnr: null, kommun: 'stockholm' }, schema), 'enum');
  });
});

describe('klar-form-assist', () => {
  afterEach(cleanup);

  it('renders an optional help panel around the form and passes axe', async () => {
    const { el } = await mount(good);
    assert(shadow(el).textContent!.includes('Hjälp att fylla i (frivilligt)'));
    await expectNoAxeViolations(el, 'idle');
  });

  it('masks identifiers in the prompt, proposes values beside their fields, fills nothing by itself', async () => {
    const { el, form, engine, describe, submitted } = await mount(good);
    describe(STORY);
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => el.pending.length > 0, 'proposals');
    const request = engine.requests[0]!;
    const prompt = request.messages!.map((m) => m.content).join('\n');
    assert(!prompt.includes('1212-1212') && !prompt.includes('anna.svensson@example.se'), prompt);
    assert(prompt.includes('[PERSONNUMMER 1]'), prompt);
    equal(request.constraint?.type, 'json-schema');
    deepEqual(
      el.pending.sort(),
      ['antal', 'boende', 'datum', 'epost', 'kommun', 'namn', 'pnr', 'samtycke'].sort(),
    );
    const pnr = form.querySelector('#pnr')!;
    equal(pnr.nextElementSibling?.localName, 'klar-field-proposal', 'beside its field');
    equal(
      shadow(pnr.nextElementSibling!).querySelector('[part="value"]')!.textContent,
      '19121212-1212',
      'restored',
    );
    equal(
      form.querySelector('fieldset')!.nextElementSibling?.localName,
      'klar-field-proposal',
      'radio group',
    );
    equal((form.querySelector('#namn') as HTMLInputElement).value, '', 'nothing filled');
    equal(submitted(), 0);
    assert(part(el, 'announcement')!.textContent!.includes('8 förslag'));
    await expectNoAxeViolations(el, 'proposals');
  });

  it('fills only accepted fields, firing input and change; rejected stay empty', async () => {
    const { el, form, describe, submitted } = await mount(good);
    const events: string[] = [];
    form.addEventListener('input', (e) =>
      events.push(`input:${(e.target as HTMLInputElement).name}`),
    );
    form.addEventListener('change', (e) =>
      events.push(`change:${(e.target as HTMLInputElement).name}`),
    );
    const accepted: string[] = [];
    el.addEventListener('klar-proposal-accept', (e) => accepted.push(e.detail.name));
    describe(STORY);
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => el.pending.length > 0, 'proposals');
    const proposal = (name: string) => form.querySelector(`klar-field-proposal[field="${name}"]`)!;
    const click = (name: string, which: 'accept' | 'reject') =>
      shadow(proposal(name)).querySelector<HTMLButtonElement>(`[part~="${which}"]`)!.click();
    click('pnr', 'accept');
    equal((form.querySelector('#pnr') as HTMLInputElement).value, '19121212-1212');
    equal(document.activeElement, form.querySelector('#pnr'), 'focus goes to the filled field');
    click('kommun', 'accept');
    equal((form.querySelector('#kommun') as HTMLSelectElement).value, 'malmo');
    click('boende', 'accept');
    assert((form.querySelector('#b1') as HTMLInputElement).checked);
    click('samtycke', 'accept');
    assert((form.querySelector('#samtycke') as HTMLInputElement).checked);
    click('namn', 'reject');
    equal((form.querySelector('#namn') as HTMLInputElement).value, '');
    for (const name of ['pnr', 'kommun', 'boende', 'samtycke']) {
      assert(
        events.includes(`input:${name}`) && events.includes(`change:${name}`),
        `${name}: ${events.join(',')}`,
      );
    }
    assert(!events.some((e) => e.endsWith(':namn')));
    deepEqual(accepted, ['pnr', 'kommun', 'boende', 'samtycke']);
    deepEqual(el.pending.sort(), ['antal', 'datum', 'epost']);
    equal(submitted(), 0, 'never submits');
  });

  it('never overwrites what the citizen typed', async () => {
    const { el, form, describe } = await mount(good);
    (form.querySelector('#namn') as HTMLInputElement).value = 'Anna S';
    describe(STORY);
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => el.pending.length > 0, 'proposals');
    assert(!el.pending.includes('namn'), 'no proposal for a typed field');
    (form.querySelector('#antal') as HTMLInputElement).value = '3';
    shadow(form.querySelector('klar-field-proposal[field="antal"]')!)
      .querySelector<HTMLButtonElement>('[part~="accept"]')!
      .click();
    equal((form.querySelector('#antal') as HTMLInputElement).value, '3', 'typed meanwhile: kept');
  });

  it('drops values the control would not accept', async () => {
    const { el, describe } = await mount(() => ({
      namn: 'Anna',
      pnr: '12345',
      epost: 'inte-en-adress',
      kommun: 'stockholm',
      antal: 99,
      datum: '2026-02-30',
      samtycke: false,
    }));
    describe('Något om mig.');
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => part(el, 'announcement')?.textContent?.includes('förslag'), 'done');
    deepEqual(el.pending, ['namn']);
  });

  it('shows proposed values as text, never as HTML', async () => {
    const { el, form, describe } = await mount(() => ({
      namn: '<img src=x onerror="window.__faXss=1">',
      pnr: null,
    }));
    describe('Hej');
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => el.pending.length === 1, 'proposal');
    const p = form.querySelector('klar-field-proposal')!;
    equal(shadow(p).querySelector('img'), null);
    assert(shadow(p).querySelector('[part="value"]')!.textContent!.includes('<img'));
    equal((window as { __faXss?: number }).__faXss, undefined);
  });

  it('without a model it says why and the form works as usual', async () => {
    const { el, form, describe, engine } = await mount(good, { availability: 'unavailable' });
    describe(STORY);
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => part(el, 'status'), 'status');
    // A setup problem is the site's, not the device's: the citizen is told so plainly.
    const status = part(el, 'status')!.textContent!;
    assert(status.includes('inte tillgänglig på den här webbplatsen'), status);
    assert(!status.includes('Din enhet'), status);
    equal(engine.requests.length, 0);
    equal(form.querySelectorAll('klar-field-proposal').length, 0);
    await expectNoAxeViolations(el, 'unavailable');
  });

  it("a worker that dies before its first answer is the site's setup, not the device", async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(String(args[0]));
    try {
      const { el, describe } = await mount(good, { describeFailWith: 'worker-crashed' });
      describe(STORY);
      part<HTMLButtonElement>(el, 'propose')!.click();
      await until(() => part(el, 'status')?.textContent?.includes('webbplatsen'), 'status');
      equal(errors.length, 1, errors.join('\n'));
      assert(errors[0]!.includes('worker') && errors[0]!.includes('Fix:'), errors[0]!);
    } finally {
      console.error = original;
    }
  });

  it('names the ONNX Runtime folder when a session fails without a URL of its own', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(String(args[0]));
    try {
      const { el, engine, describe } = await mount(good, { failWith: 'session-failed' });
      Object.assign(engine, { config: { wasmPaths: 'https://kommun.example/klar/' } });
      describe(STORY);
      part<HTMLButtonElement>(el, 'propose')!.click();
      await until(() => part(el, 'status')?.textContent?.includes('webbplatsen'), 'status');
      equal(errors.length, 1, errors.join('\n'));
      assert(errors[0]!.includes('URL: https://kommun.example/klar/'), errors[0]!);
      assert(errors[0]!.includes('wasm-unsafe-eval'), errors[0]!);
    } finally {
      console.error = original;
    }
  });

  it('tells the developer once per page what to fix, with the cause', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(String(args[0]));
    try {
      const { el, describe } = await mount(good, {
        availability: 'unavailable',
        unavailableReason: 'invalid-manifest',
      });
      describe(STORY);
      for (let i = 0; i < 3; i++) {
        part<HTMLButtonElement>(el, 'propose')!.click();
        await until(() => part(el, 'status')?.textContent?.includes('webbplatsen'), 'status');
        await el.updateComplete;
      }
      equal(errors.length, 1, errors.join('\n'));
      assert(errors[0]!.includes('[Klar]') && errors[0]!.includes('invalid-manifest'), errors[0]!);
      assert(errors[0]!.includes('Fix:') && errors[0]!.includes('manifest.json'), errors[0]!);
    } finally {
      console.error = original;
    }
  });

  it('the status line counts what is waiting and goes with the last proposal', async () => {
    const { el, form, describe } = await mount(() => ({ namn: 'Anna', kommun: 'malmo' }));
    describe(STORY);
    part<HTMLButtonElement>(el, 'propose')!.click();
    await until(() => el.pending.length === 2, 'proposals');
    assert(
      part(el, 'status')!.textContent!.includes('2 förslag'),
      part(el, 'status')!.textContent!,
    );
    const click = (name: string, which: 'accept' | 'reject') =>
      shadow(form.querySelector(`klar-field-proposal[field="${name}"]`)!)
        .querySelector<HTMLButtonElement>(`[part~="${which}"]`)!
        .click();
    click('namn', 'accept');
    await el.updateComplete;
    assert(
      part(el, 'status')!.textContent!.includes('1 förslag'),
      part(el, 'status')!.textContent!,
    );
    click('kommun', 'reject');
    await el.updateComplete;
    equal(part(el, 'status'), null, 'no status about proposals that are gone');
  });

  it('offers explanations only for marked fields, after the field, keeping label and field adjacent', async () => {
    const markup = FORM.replace('<klar-form-assist>', '<klar-form-assist explain>')
      .replace('name="pnr"', 'name="pnr" data-klar-help="Ditt personnummer har tolv siffror."')
      .replace('name="datum"', 'name="datum" data-klar-explain');
    const { el, form, engine } = await mount(good, { delayMs: 150 }, markup);
    await until(() => form.querySelectorAll('klar-field-explain').length === 2, 'two toggles');
    for (const id of ['namn', 'pnr', 'epost', 'kommun', 'antal', 'datum'])
      equal(
        form.querySelector(`label[for="${id}"]`)!.nextElementSibling,
        form.querySelector(`#${id}`),
        `label of ${id} stays next to its field`,
      );
    const pnrHelp = form.querySelector('#pnr')!.nextElementSibling!;
    equal(pnrHelp.localName, 'klar-field-explain', 'after the field');
    const button = await until(() => shadow(pnrHelp).querySelector('button'), 'button');
    equal(button.textContent!.replace(/\s+/g, ' ').trim(), 'Vad betyder det? (Personnummer)');
    button.click();
    await until(() => shadow(pnrHelp).textContent!.includes('tolv siffror'), 'agency text');
    equal(button.getAttribute('aria-expanded'), 'true');
    assert(!shadow(pnrHelp).textContent!.includes('AI-genererad'), 'agency text is not AI');
    // The model's explanation is labelled while it streams, not only after.
    const dateHelp = form.querySelector('#datum')!.nextElementSibling!;
    shadow(dateHelp).querySelector('button')!.click();
    await until(() => part(dateHelp, 'ai-label'), 'AI label while streaming');
    assert(part(dateHelp, 'ai-label')!.textContent!.includes('AI-genererad'));
    assert(!shadow(dateHelp).textContent!.includes('namn.'), 'still streaming');
    await until(() => shadow(dateHelp).textContent!.includes('Ditt namn.'), 'model text');
    assert(part(dateHelp, 'ai-label')!.textContent!.includes('AI-genererad text'));
    equal(engine.requests.length, 1);
    await expectNoAxeViolations(el, 'explanations open');
  });

  it('without marks, explains only labels with a long official word (not Namn or E-post)', async () => {
    const markup = FORM.replace('<klar-form-assist>', '<klar-form-assist explain>');
    const { form } = await mount(good, {}, markup);
    await until(() => form.querySelectorAll('klar-field-explain').length > 0, 'toggles');
    const explained = [...form.querySelectorAll('klar-field-explain')].map(
      (e) => (e as HTMLElement & { label: string }).label,
    );
    deepEqual(explained, ['Inflyttningsdatum']);
  });
});
