/**
 * One engine and one worker per page, whatever order the elements and `provideKlar()` run in;
 * and no worker at all until a model is actually needed. Uses the real runtime (a real worker).
 */
import '../define.js';
import type { KlarClient } from '@klar/runtime';
import type { KlarModelStatus } from '../klar-model-status/klar-model-status.component.js';
import { assert, equal } from '../testing/assert.js';
import { cleanup, fixture } from '../testing/fixture.js';
import { klarContextFor, provideKlar } from './context.js';

const workers: string[] = [];
const RealWorker = window.Worker;
window.Worker = class CountingWorker extends RealWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workers.push(String(url));
  }
};

const runtimeOptions = { modelBaseUrl: '/models/', manifest: '/models/manifest.json' } as const;

const ELEMENTS = `<div>
  <klar-model-status></klar-model-status>
  <klar-summary for="letter"></klar-summary><p id="letter">Du får 1 500 kronor.</p>
  <klar-readability for="letter"></klar-readability>
  <klar-pii-guard names><label for="m">Meddelande</label><textarea id="m"></textarea></klar-pii-guard>
  <klar-form-assist explain><form><label for="n">Namn</label><input id="n" name="namn"></form></klar-form-assist>
</div>`;

async function mountAll() {
  const main = await fixture<HTMLElement>(ELEMENTS);
  return main.querySelector('klar-model-status') as KlarModelStatus;
}

/** A model is needed: the citizen asks for the model's details (starts the engine). */
async function useAi(status: KlarModelStatus) {
  await status.check();
}

describe('one engine per page', () => {
  afterEach(async () => {
    cleanup();
    await klarContextFor(document).dispose();
    workers.length = 0;
    for (const meta of document.head.querySelectorAll('meta[name^="klar-"]')) meta.remove();
  });

  it('connecting every element starts no engine and no worker', async () => {
    await mountAll();
    const field = document.querySelector<HTMLTextAreaElement>('#m')!;
    field.value = 'Jag heter Anna Andersson och bor i Ystad.';
    field.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 1500)); // past the name scan's debounce
    equal(workers.length, 0, 'no worker');
    equal(klarContextFor(document).engineStarted, false);
  });

  it('elements first, provideKlar() after: one worker, with the page options', async () => {
    const status = await mountAll();
    provideKlar({ runtimeOptions: { ...runtimeOptions, modelBaseUrl: '/models/fixtures/../' } });
    await useAi(status);
    equal(workers.length, 1, workers.join(', '));
    const engine = (await klarContextFor(document).engine()) as KlarClient;
    equal(engine.config.modelBaseUrl, new URL('/models/', location.href).href);
  });

  it('provideKlar() first, elements after, several using AI: one worker', async () => {
    provideKlar({ runtimeOptions });
    const status = await mountAll();
    await useAi(status);
    const second = document.createElement('klar-model-status') as KlarModelStatus;
    document.querySelector('main')!.append(second);
    await useAi(second);
    equal(workers.length, 1, workers.join(', '));
  });

  it('provideKlar() after the engine started: still one worker, and one clear console warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const status = await mountAll();
      await useAi(status);
      provideKlar({ runtimeOptions });
      provideKlar({ runtimeOptions });
      await useAi(status);
      equal(workers.length, 1, workers.join(', '));
      equal(warnings.length, 1, warnings.join('\n'));
      assert(warnings[0]!.includes('provideKlar()') && warnings[0]!.includes('Fix:'), warnings[0]!);
    } finally {
      console.warn = warn;
    }
  });

  it('the page setting <meta name="klar-model-base"> reaches the runtime', async () => {
    const meta = document.createElement('meta');
    meta.name = 'klar-model-base';
    meta.content = '/agency-models/';
    document.head.append(meta);
    const context = provideKlar({}); // no options from earlier tests

    equal(context.runtimeOptions().modelBaseUrl, new URL('/agency-models/', location.href).href);
    equal(
      context.runtimeOptions().manifest,
      new URL('/agency-models/manifest.json', location.href).href,
    );
    const runtimeBase = document.createElement('meta');
    runtimeBase.name = 'klar-runtime-base';
    runtimeBase.content = '/klar';
    document.head.append(runtimeBase);
    equal(context.runtimeOptions().wasmPaths, new URL('/klar/', location.href).href);
    provideKlar({ runtimeOptions: { modelBaseUrl: '/models/' } });
    equal(context.runtimeOptions().modelBaseUrl, '/models/', 'explicit options win');
  });
});
