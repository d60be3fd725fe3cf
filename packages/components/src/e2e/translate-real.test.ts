/**
 * <klar-translate> against the real runtime (in a worker) and the Marian fixture (sv→en, random
 * weights: the words are gibberish, the behaviour is real): languages listed from the manifest,
 * consent before download, a translation that grows sentence by sentence, labelled, with lang/dir.
 */
import '../klar-translate/klar-translate.js';
import { createKlar, type ModelManifest } from '@klar/runtime';
import type { KlarTranslate } from '../klar-translate/klar-translate.component.js';
import { klarContextFor, provideKlar } from '../shared/context.js';
import { MODEL_CACHE_NAME } from '../shared/stored-models.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';

const LETTER =
  'Du får ett svar inom två veckor. Beslutet gäller från april. Skriv till oss om du vill ändra något.';

describe('klar-translate with the real runtime', () => {
  before(() => caches.delete(MODEL_CACHE_NAME));
  after(async () => {
    cleanup();
    await klarContextFor(document).dispose();
    await caches.delete(MODEL_CACHE_NAME);
  });

  it('lists English for a Swedish letter, asks, then streams sentence by sentence', async () => {
    const full = (await (await fetch('/models/manifest.json')).json()) as ModelManifest;
    const manifest = { ...full, models: full.models.filter((m) => m.role === 'fixture') };
    const engine = createKlar({ modelBaseUrl: '/models/', manifest, backend: 'wasm' });
    provideKlar({ engine });
    const main = await fixture<HTMLElement>(
      `<div><klar-translate for="letter" use-native="false"></klar-translate><article id="letter"><p>${LETTER}</p></article></div>`,
    );
    const el = main.querySelector('klar-translate') as KlarTranslate;
    part<HTMLButtonElement>(el, 'trigger')!.click();
    const select = await until(() => part<HTMLSelectElement>(el, 'select'), 'picker', 60000);
    equal(
      [...select.options].map((o) => o.value).join(),
      'en',
      'only the direction the fixture serves',
    );
    part<HTMLButtonElement>(el, 'translate')!.click();
    const consent = await until(() => part(el, 'consent'), 'download question', 60000);
    assert(consent.textContent!.includes('Klar tiny Marian'), consent.textContent!);
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    const lengths = new Set<number>();
    const sampler = setInterval(() => lengths.add(el.translation.length), 2);
    await until(() => part(el, 'announcement')!.textContent!.trim(), 'done', 120000);
    clearInterval(sampler);
    equal(part(el, 'announcement')!.textContent!.trim(), 'Översättningen är klar.');
    assert(el.translation.trim().length > 0, 'some translation');
    assert([...lengths].filter((n) => n > 0).length >= 2, `grew in steps: ${[...lengths]}`);
    const text = part(el, 'text')!;
    equal(text.getAttribute('lang'), 'en');
    equal(text.getAttribute('dir'), 'ltr');
    assert(
      part(el, 'label')!.textContent!.includes('Klar tiny Marian sv→en'),
      part(el, 'label')!.textContent!,
    );
    assert(part(el, 'backend')!.textContent!.includes('WebAssembly'));
    equal(shadow(el).querySelector('img, script'), null);
    await expectNoAxeViolations(main, 'translated with the fixture');
  });
});
