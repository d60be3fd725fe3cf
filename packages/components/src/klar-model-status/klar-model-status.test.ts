import './klar-model-status.js';
import { klarContextFor, provideKlar } from '../shared/context.js';
import { MODEL_CACHE_NAME } from '../shared/stored-models.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { FakeEngine } from '../testing/fake-engine.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import type { KlarModelStatus } from './klar-model-status.component.js';

/** Mounts the element with an engine factory, so the test sees when the engine is started. */
async function mount(engine: FakeEngine) {
  let started = 0;
  provideKlar({
    engine: () => {
      started += 1;
      return engine;
    },
  });
  const main = await fixture<HTMLElement>('<div><klar-model-status></klar-model-status></div>');
  const el = main.querySelector('klar-model-status') as KlarModelStatus;
  await el.refresh();
  await el.updateComplete;
  return { el, main, started: () => started };
}

const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ') ?? '';

async function check(el: KlarModelStatus) {
  part<HTMLButtonElement>(el, 'check')!.click();
  await until(() => part(el, 'details'), 'details');
}

describe('klar-model-status', () => {
  beforeEach(() => caches.delete(MODEL_CACHE_NAME));
  afterEach(async () => {
    cleanup();
    await caches.delete(MODEL_CACHE_NAME);
  });

  it('starts no engine on its own; lists stored models from the Cache API; passes axe', async () => {
    const engine = new FakeEngine({ availability: 'downloadable', useCacheApi: true });
    await engine.clearCache();
    await engine.load('test/tiny-ner'); // stored by "another visit"
    const { el, main, started } = await mount(engine);
    equal(started(), 0, 'no engine started by connecting');
    assert(text(el, 'availability').includes('startar först'), text(el, 'availability'));
    await until(() => part(el, 'stored'), 'stored list');
    assert(text(el, 'stored').includes('test/tiny-ner'), text(el, 'stored'));
    assert(text(el, 'stored').includes('1 MB'), text(el, 'stored'));
    await expectNoAxeViolations(main, 'not checked');
    equal(started(), 0, 'still none');
  });

  it('shows name, size, licence and the backend it runs on, from describe()', async () => {
    const engine = new FakeEngine({ availability: 'downloadable', useCacheApi: true });
    await engine.load('test/tiny-lm');
    const { el, main } = await mount(engine);
    await check(el);
    const details = text(el, 'details');
    assert(
      details.includes('Tiny Test LM') &&
        details.includes('250 MB') &&
        details.includes('Apache-2.0'),
      details,
    );
    assert(text(el, 'availability').includes('Finns sparad'), text(el, 'availability'));
    assert(text(el, 'backend').includes('Körs med WebAssembly'), text(el, 'backend'));
    assert(text(el, 'stored').includes('Tiny Test LM'), 'named in the list');
    assert(!part(el, 'download'), 'no download offered for a stored model');
    await expectNoAxeViolations(main, 'stored');
  });

  it('tells the truth through download, use and delete', async () => {
    const engine = new FakeEngine({ availability: 'downloadable', useCacheApi: true });
    const { el, main } = await mount(engine);
    await check(el);
    assert(text(el, 'availability').includes('Kan hämtas'), text(el, 'availability'));
    assert(text(el, 'backend').includes('Skulle köras med WebAssembly'), text(el, 'backend'));
    assert(!part(el, 'stored'), 'nothing stored yet');
    assert(text(el, 'download').includes('250 MB'), text(el, 'download'));
    // Download, after asking.
    part<HTMLButtonElement>(el, 'download')!.click();
    await until(() => part(el, 'consent'), 'consent');
    await expectNoAxeViolations(main, 'consent');
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    await until(() => text(el, 'availability').includes('Finns sparad'), 'stored after download');
    await until(() => part(el, 'stored'), 'listed');
    assert(text(el, 'backend').includes('Körs med WebAssembly'), text(el, 'backend'));
    assert(!part(el, 'download'), 'no download button above a stored model');
    await expectNoAxeViolations(main, 'downloaded');
    // Delete everything: the panel and the list agree, and no stale "stored".
    part<HTMLButtonElement>(el, 'delete-all')!.click();
    await until(() => !part(el, 'stored'), 'list empty');
    await until(() => part(el, 'announcement')!.textContent === 'Borttaget.', 'announced');
    equal(shadow(el).activeElement, part(el, 'refresh'), 'focus on a button that stays');
    const state = text(el, 'availability');
    assert(!state.includes('Finns sparad'), state);
    // The fake keeps the model in memory after its files are deleted, like the runtime.
    assert(state.includes('inte längre sparad'), state);
    engine.loaded.clear();
    await el.refresh();
    await el.updateComplete;
    assert(text(el, 'availability').includes('Kan hämtas'), text(el, 'availability'));
    assert(!part(el, 'backend')?.textContent?.includes('Körs med'), 'no stale backend');
    await expectNoAxeViolations(main, 'deleted');
  });

  it('follows a model that another element starts using', async () => {
    const engine = new FakeEngine({ availability: 'downloadable', useCacheApi: true });
    const { el, started } = await mount(engine);
    equal(started(), 0);
    // Another element needs the model: the page's engine starts and generates.
    const shared = await klarContextFor(document).engine();
    equal(shared, engine);
    await until(() => part(el, 'details'), 'described once the engine runs');
    await engine.generate({ messages: [{ role: 'user', content: 'Hej' }] });
    await until(() => text(el, 'backend').includes('Körs med'), 'backend after use');
    await until(() => part(el, 'stored'), 'listed after use');
  });

  it('asks before downloading, and a no leaves nothing downloaded', async () => {
    const engine = new FakeEngine({ availability: 'downloadable', useCacheApi: true });
    const { el, main } = await mount(engine);
    await check(el);
    part<HTMLButtonElement>(el, 'download')!.click();
    const consent = await until(() => part(el, 'consent'), 'consent');
    await el.updateComplete;
    equal(shadow(el).activeElement, consent);
    assert(consent.textContent!.includes('Tiny Test LM'));
    assert(consent.textContent!.includes('250 MB'), 'size from describe()');
    await expectNoAxeViolations(main, 'consent');
    part<HTMLButtonElement>(el, 'consent-decline')!.click();
    await until(() => !part(el, 'consent'), 'closed');
    assert(shadow(el).textContent!.includes('Du valde att inte hämta'));
    equal(engine.stored.size, 0);
  });

  it('says "not on this site" for a setup problem, and "your device" only without WebGPU and Wasm', async () => {
    const engine = new FakeEngine({
      availability: 'unavailable',
      unavailableReason: 'backend-unavailable',
    });
    const { el, main } = await mount(engine);
    await check(el);
    const state = text(el, 'availability');
    assert(state.includes('inte tillgänglig på den här webbplatsen'), state);
    assert(!state.includes('Din enhet'), state);
    await expectNoAxeViolations(main, 'unavailable');
  });

  it('mentions Save-Data when the device asks to save data', async () => {
    const connection = { saveData: true };
    Object.defineProperty(navigator, 'connection', { value: connection, configurable: true });
    try {
      const { el } = await mount(new FakeEngine({ availability: 'downloadable' }));
      await check(el);
      part<HTMLButtonElement>(el, 'download')!.click();
      await until(() => part(el, 'save-data'), 'save-data note');
    } finally {
      delete (navigator as { connection?: unknown }).connection;
    }
  });
});
