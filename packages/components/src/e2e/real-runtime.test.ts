/**
 * End-to-end against the real runtime (@klar/runtime, in a worker) with the fixture models.
 * The fixture LM has random weights: these tests check behaviour, not content.
 */
import '../define.js';
import { createKlar, MODEL_CACHE_NAME } from '@klar/runtime';
import { buildFormFillRequest, describeForm, documentMatchesSchema } from '@klar/tasks';
import type { KlarFormAssist } from '../klar-form-assist/klar-form-assist.component.js';
import type { KlarSummary } from '../klar-summary/klar-summary.component.js';
import { provideKlar } from '../shared/context.js';
import { MODEL_CACHE_NAME as COPIED_CACHE_NAME } from '../shared/stored-models.js';
import { assert, equal, until } from '../testing/assert.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { cleanup, fixture, part, shadow } from '../testing/fixture.js';
import { randomFormHtml } from '../testing/random-form.js';

const LM = 'fixtures/klar-tiny-llama';
const NER = 'fixtures/klar-tiny-bert-ner';
const SECRET = 'Mitt personnummer är 19121212-1212 och jag bor på Hemligagatan 7 i Ystad.';

/** Every client a test made, so a test that times out does not leave its worker running. */
const clients: ReturnType<typeof createKlar>[] = [];

function client(backend: 'wasm' | 'webgpu') {
  const made = createKlar({ modelBaseUrl: '/models/', manifest: '/models/manifest.json', backend });
  clients.push(made);
  return made;
}

const hasWebGpu = async () =>
  Boolean(await (navigator as Navigator & { gpu?: GPU }).gpu?.requestAdapter());

describe('with the real runtime and fixture models', () => {
  before(async () => {
    await caches.delete('klar-models-v1');
  });

  it("the elements read the cache under the runtime's name (copied to keep ML code off the page)", () => {
    equal(COPIED_CACHE_NAME, MODEL_CACHE_NAME);
  });
  afterEach(async () => {
    cleanup();
    await Promise.all(clients.splice(0).map((c) => c.dispose().catch(() => undefined)));
  });

  it('summary: asks, downloads with progress, streams, labels the model, passes axe', async () => {
    const engine = client('wasm');
    provideKlar({ engine, manifest: '/models/manifest.json', models: { 'text-generation': LM } });
    const main = await fixture<HTMLElement>(
      `<div><klar-summary for="l" max-new-tokens="24"></klar-summary><p id="l">Försäkringskassan har beslutat att du får 1 500 kronor i bostadsbidrag från och med den 1 april 2026.</p></div>`,
    );
    const el = main.querySelector('klar-summary') as KlarSummary;
    part<HTMLButtonElement>(el, 'trigger')!.click();
    const consent = await until(() => part(el, 'consent'), 'consent', 20000);
    assert(
      consent.textContent!.includes('klar-tiny-llama') ||
        consent.textContent!.includes('Klar tiny'),
      consent.textContent!,
    );
    const accepted = performance.now();
    part<HTMLButtonElement>(el, 'consent-accept')!.click();
    await until(() => el.summary.length > 0, 'first token', 60000);
    const firstToken = performance.now() - accepted;
    await until(
      () => part(el, 'announcement')!.textContent!.startsWith('Sammanfattningen är klar'),
      'done',
      60000,
    );
    assert(el.summary.length > 0, 'some text');
    console.log(
      `[measure] summary (wasm, cold: download + load + first token): ${Math.round(firstToken)} ms; done after ${Math.round(performance.now() - accepted)} ms`,
    );
    assert(part(el, 'label')!.textContent!.includes('AI-genererad'));
    assert(part(el, 'backend')!.textContent!.includes('WebAssembly'));
    await expectNoAxeViolations(main, 'real done');
    await engine.dispose();
  });

  it('summary: stop ends a long generation early', async () => {
    const engine = client('wasm');
    provideKlar({ engine, manifest: '/models/manifest.json', models: { 'text-generation': LM } });
    const main = await fixture<HTMLElement>(
      `<div><klar-summary for="l" max-new-tokens="400"></klar-summary><p id="l">Ett beslut om bidrag.</p></div>`,
    );
    const el = main.querySelector('klar-summary') as KlarSummary;
    part<HTMLButtonElement>(el, 'trigger')!.click();
    // availability() describes the task's default model, so the question may come again.
    await until(
      () => {
        part<HTMLButtonElement>(el, 'consent-accept')?.click();
        return el.summary.length > 0;
      },
      'first tokens',
      60000,
    );
    part<HTMLButtonElement>(el, 'stop')!.click();
    await until(
      () => part(el, 'announcement')!.textContent!.startsWith('Sammanfattningen stoppades'),
      'stopped',
      20000,
    );
    const length = el.summary.length;
    await new Promise((r) => setTimeout(r, 300));
    equal(el.summary.length, length, 'nothing after stop');
    await engine.dispose();
  });

  for (const backend of ['wasm', 'webgpu'] as const) {
    it(`constrained decoding gives schema-valid JSON for generated forms (${backend})`, async () => {
      if (backend === 'webgpu' && !(await hasWebGpu())) {
        console.warn('no WebGPU adapter in this browser: webgpu case not run');
        return;
      }
      const engine = client(backend);
      const results: string[] = [];
      // WebGPU here is SwiftShader (a CPU emulation): slow, so fewer and smaller forms.
      const seeds = backend === 'webgpu' ? [1, 2] : [1, 2, 3, 4, 5];
      for (const seed of seeds) {
        const form = await fixture<HTMLFormElement>(
          randomFormHtml(seed, backend === 'webgpu' ? 3 : 5),
        );
        const request = buildFormFillRequest(
          'Jag bor i Malmö och har två barn.',
          describeForm(form),
          'sv',
        );
        const started = performance.now();
        const result = await engine.generate({
          model: LM,
          messages: request.messages,
          maxNewTokens: request.maxNewTokens,
          sampling: { temperature: 1, seed },
          constraint: { type: 'json-schema', schema: request.schema },
        });
        equal(result.backend, backend, 'backend');
        let doc: unknown;
        try {
          doc = JSON.parse(result.text);
        } catch {
          throw new Error(`seed ${seed}: not JSON (${result.finishReason}): ${result.text}`);
        }
        assert(
          documentMatchesSchema(doc, request.schema as never),
          `seed ${seed}: invalid against schema: ${result.text}`,
        );
        results.push(result.text);
        console.log(
          `[measure] constrained ${backend} seed ${seed}: ${result.tokenIds.length} tokens in ${Math.round(performance.now() - started)} ms (${result.finishReason}), ${Object.keys(request.schema.properties as object).length} fields`,
        );
        cleanup();
      }
      equal(results.length, seeds.length);
      await engine.dispose();
    });
  }

  it('form assist proposes only valid values from the random model, fills nothing, and passes axe', async () => {
    const engine = client('wasm');
    provideKlar({ engine, manifest: '/models/manifest.json', models: { 'text-generation': LM } });
    const el = await fixture<KlarFormAssist>(
      `<klar-form-assist><form>
        <label for="n">Namn</label><input id="n" name="namn" maxlength="30">
        <label for="p">Personnummer</label><input id="p" name="pnr" pattern="\\d{8}-\\d{4}">
        <label for="k">Kommun</label><select id="k" name="kommun"><option value="">Välj</option><option value="malmo">Malmö</option><option value="lund">Lund</option></select>
        <label for="a">Antal barn</label><input id="a" name="antal" type="number" min="0" max="9">
      </form></klar-form-assist>`,
    );
    shadow(el).querySelector('textarea')!.value = SECRET;
    let finished = false;
    const pending = el.propose().finally(() => {
      finished = true;
    });
    // Asked only when the fixture is not stored yet (it is, if an earlier test downloaded it).
    const accept = await until(
      () => finished || part<HTMLButtonElement>(el, 'consent-accept'),
      'question or result',
      60000,
    );
    if (accept instanceof HTMLButtonElement) {
      await expectNoAxeViolations(el, 'real consent');
      accept.click();
    }
    const count = await pending;
    const form = el.querySelector('form')!;
    equal(form.querySelectorAll('klar-field-proposal').length, count);
    for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'input, select',
    ))
      equal(input.value, '', 'nothing filled');
    const pnr = form.querySelector('klar-field-proposal[field="pnr"]');
    if (pnr)
      equal(
        shadow(pnr).querySelector('[part="value"]')!.textContent,
        '19121212-1212',
        'placeholder restored',
      );
    await expectNoAxeViolations(el, 'real proposals');
    await engine.dispose();
  });

  it('personal-data guard finds names with the NER model once it is stored', async () => {
    const engine = client('wasm');
    await engine.load(NER);
    provideKlar({
      engine,
      manifest: '/models/manifest.json',
      models: { 'token-classification': NER },
    });
    const guard = await fixture<HTMLElement>(
      '<klar-pii-guard names><label for="m">Meddelande</label><textarea id="m"></textarea></klar-pii-guard>',
    );
    const changes: number[] = [];
    guard.addEventListener('klar-pii-change', (e) => changes.push(e.detail.findings.length));
    const field = guard.querySelector('textarea')!;
    field.value = SECRET;
    field.dispatchEvent(new Event('input'));
    // Rules answer at once; the model pass follows (random weights: any number of names).
    await until(() => changes.length >= 2, 'rules and model passes', 30000);
    assert(changes[0]! >= 1, 'personnummer found by rules');
    await engine.dispose();
  });

  it('no request carries the citizen text, and nothing leaves the machine', async () => {
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    for (const url of urls) {
      assert(new URL(url).origin === location.origin, `other origin: ${url}`);
      for (const piece of ['19121212', 'Hemligagatan', 'Ystad', 'Malm%C3%B6', 'kronor']) {
        assert(
          !decodeURIComponent(url).includes(piece) && !url.includes(piece),
          `citizen text in a URL: ${url}`,
        );
      }
    }
    try {
      const { executeServerCommand } = await import('@web/test-runner-commands');
      const attempts = await executeServerCommand<
        { request: string; browserService: boolean }[],
        undefined
      >('network-audit');
      if (attempts) {
        const leaks = attempts.filter((a) => !a.browserService);
        equal(
          leaks.length,
          0,
          `requests left the machine: ${leaks.map((a) => a.request).join(', ')}`,
        );
      }
    } catch (error) {
      console.warn('network-audit command not available in this config', String(error));
    }
  });
});
