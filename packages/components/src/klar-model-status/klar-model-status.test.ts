import './klar-model-status.js';
import { provideKlar } from '../shared/context.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import { testManifest } from '../testing/manifest.js';

async function mount(engine: FakeEngine) {
  provideKlar({ engine, manifest: testManifest });
  const main = await fixture<HTMLElement>('<div><klar-model-status></klar-model-status></div>');
  const el = main.querySelector('klar-model-status')!;
  await until(() => part(el, 'availability'), 'availability');
  return { el, main };
}

describe('klar-model-status', () => {
  afterEach(cleanup);

  it('shows name, size, licence, stored models, and passes axe', async () => {
    const { el, main } = await mount(
      new FakeEngine({ availability: 'available', loaded: { 'test/tiny-lm': 'wasm' } }),
    );
    const details = part(el, 'details')!.textContent!;
    assert(
      details.includes('Tiny Test LM') &&
        details.includes('250 MB') &&
        details.includes('Apache-2.0'),
      details,
    );
    assert(part(el, 'availability')!.textContent!.includes('Finns sparad'));
    assert(part(el, 'availability')!.textContent!.includes('WebAssembly'));
    assert(part(el, 'stored')!.textContent!.includes('1,2 MB'));
    await expectNoAxeViolations(main, 'stored');
  });

  it('deletes stored models on request and says so', async () => {
    const engine = new FakeEngine({ availability: 'available' });
    const { el } = await mount(engine);
    part<HTMLButtonElement>(el, 'delete')!.click();
    await until(() => engine.cleared.length === 1, 'cleared');
    equal(engine.cleared[0], 'fake/model');
    part<HTMLButtonElement>(el, 'delete-all')!.click();
    await until(() => engine.cleared.length === 2, 'cleared all');
    equal(engine.cleared[1], undefined);
    await until(() => part(el, 'announcement')!.textContent === 'Borttaget.', 'announced');
  });

  it('asks before downloading, and a no leaves nothing downloaded', async () => {
    const engine = new FakeEngine({ availability: 'downloadable' });
    const { el, main } = await mount(engine);
    part<HTMLButtonElement>(el, 'download')!.click();
    const consent = await until(() => part(el, 'consent'), 'consent');
    await el.updateComplete;
    equal(shadow(el).activeElement, consent);
    assert(consent.textContent!.includes('Tiny Test LM'));
    await expectNoAxeViolations(main, 'consent');
    part<HTMLButtonElement>(el, 'consent-decline')!.click();
    await until(() => !part(el, 'consent'), 'closed');
    assert(shadow(el).textContent!.includes('Du valde att inte hämta'));
  });

  it('mentions Save-Data when the device asks to save data', async () => {
    const connection = { saveData: true };
    Object.defineProperty(navigator, 'connection', { value: connection, configurable: true });
    try {
      const { el } = await mount(new FakeEngine({ availability: 'downloadable' }));
      part<HTMLButtonElement>(el, 'download')!.click();
      await until(() => part(el, 'save-data'), 'save-data note');
    } finally {
      delete (navigator as { connection?: unknown }).connection;
    }
  });
});
