/**
 * <klar-model-status> against the real runtime (in a worker) and the fixture LM: what it says
 * before, during and after download, use and delete comes from the runtime's describe() and the
 * Cache API, and never contradicts itself.
 */
import '../klar-model-status/klar-model-status.js';
import '../klar-form-assist/klar-form-assist.js';
import { createKlar } from '@klar/runtime';
import type { KlarFormAssist } from '../klar-form-assist/klar-form-assist.component.js';
import type { KlarModelStatus } from '../klar-model-status/klar-model-status.component.js';
import { klarContextFor, provideKlar } from '../shared/context.js';
import { MODEL_CACHE_NAME } from '../shared/stored-models.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part } from '../testing/fixture.js';

const LM = 'fixtures/klar-tiny-llama';
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('klar-model-status with the real runtime', () => {
  before(() => caches.delete(MODEL_CACHE_NAME));
  after(async () => {
    cleanup();
    await klarContextFor(document).dispose();
    await caches.delete(MODEL_CACHE_NAME);
  });

  it('tells the truth through download, use and delete', async () => {
    const engine = createKlar({ modelBaseUrl: '/models/', backend: 'wasm' });
    provideKlar({ engine, models: { 'text-generation': LM } });
    const main = await fixture<HTMLElement>('<div><klar-model-status></klar-model-status></div>');
    const el = main.querySelector('klar-model-status') as KlarModelStatus;
    part<HTMLButtonElement>(el, 'check')!.click();
    await until(() => part(el, 'details'), 'details from describe()', 30000);
    assert(text(el, 'details').toLowerCase().includes('tiny'), text(el, 'details'));
    assert(text(el, 'availability').includes('Kan hämtas'), text(el, 'availability'));
    assert(text(el, 'backend').includes('WebAssembly'), text(el, 'backend'));
    assert(!part(el, 'stored'), 'nothing stored');
    await expectNoAxeViolations(main, 'downloadable');

    part<HTMLButtonElement>(el, 'download')!.click();
    await until(() => part(el, 'consent-accept'), 'consent', 30000);
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    await until(() => text(el, 'availability').includes('Finns sparad'), 'stored', 60000);
    await until(() => part(el, 'stored')?.textContent?.includes('B'), 'listed', 30000);
    // Stored before it is loaded (files first, then the session): then it runs.
    await until(() => text(el, 'backend').includes('Körs med WebAssembly'), 'runs', 60000);
    assert(!part(el, 'download'), 'no download offered above the stored model');
    await expectNoAxeViolations(main, 'stored');

    // Used by something else on the page: still true.
    await engine.generate({ model: LM, prompt: 'Hej', maxNewTokens: 2 });
    await el.refresh();
    assert(text(el, 'availability').includes('Finns sparad'), text(el, 'availability'));

    part<HTMLButtonElement>(el, 'delete-all')!.click();
    await until(() => !part(el, 'stored'), 'list empty', 30000);
    const state = text(el, 'availability');
    assert(!state.includes('Finns sparad'), `says stored after delete: ${state}`);
    assert(
      state.includes('inte längre sparad') || state.includes('Kan hämtas'),
      `after delete: ${state}`,
    );
    if (!state.includes('inte längre sparad'))
      assert(!text(el, 'backend').includes('Körs med'), 'no stale backend');
    console.log(`[measure] model status after delete-all: "${state} ${text(el, 'backend')}"`);
    await expectNoAxeViolations(main, 'deleted');
  });

  it('a missing manifest: the citizen hears "not on this site", the console gets one message with the URL', async () => {
    cleanup();
    await klarContextFor(document).dispose();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(String(args[0]));
    try {
      // The page's default engine (a real worker), pointed at a folder the server does not have.
      provideKlar({ runtimeOptions: { modelBaseUrl: '/no-such-models/', backend: 'wasm' } });
      const main = await fixture<HTMLElement>(
        `<div><klar-model-status></klar-model-status>
          <klar-form-assist><form><label for="n">Namn</label><input id="n" name="namn"></form></klar-form-assist></div>`,
      );
      const status = main.querySelector('klar-model-status') as KlarModelStatus;
      part<HTMLButtonElement>(status, 'check')!.click();
      await until(
        () => text(status, 'availability').includes('webbplatsen'),
        'site message',
        30000,
      );
      assert(!text(status, 'availability').includes('Din enhet'), text(status, 'availability'));
      const assist = main.querySelector('klar-form-assist') as KlarFormAssist;
      await assist.propose('Jag heter Anna.');
      assert(part(assist, 'status')!.textContent!.includes('webbplatsen'));
      equal(errors.length, 1, errors.join('\n---\n'));
      assert(errors[0]!.includes('/no-such-models/manifest.json'), errors[0]!);
      assert(errors[0]!.includes('Fix:') && errors[0]!.includes('manifest'), errors[0]!);
      console.log(`[measure] setup message: ${errors[0]}`);
      await expectNoAxeViolations(main, 'site unavailable');
    } finally {
      console.error = original;
    }
  });
});
