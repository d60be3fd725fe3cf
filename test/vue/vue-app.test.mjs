// Klar in a compiled Vue 3 app: test/vue/App.vue built with Vite and @vitejs/plugin-vue (the
// template compiler told that `klar-*` tags are custom elements), served by a plain static
// server and run in Chromium. Checks that the elements upgrade, take Vue-bound properties, and
// that their `klar-…` events reach Vue's listeners.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';
import { collectConsole, repo, until } from '../embed/agency-site.mjs';
import { startStaticServer } from '../embed/static-server.mjs';
import { launchAuditedChromium } from '../support/chromium.mjs';

describe('Klar in a compiled Vue app', { timeout: 300_000 }, () => {
  let site;
  let server;
  let chromium;
  let browser;

  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'klar-vue-'));
    await build({
      configFile: false,
      root: join(repo, 'test/vue'),
      logLevel: 'error',
      plugins: [
        vue({
          template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('klar-') } },
        }),
      ],
      worker: { format: 'es' },
      build: { outDir: site, emptyOutDir: true, assetsInlineLimit: 0, minify: false },
    });
    await writeFile(join(site, 'favicon.ico'), '');
    server = await startStaticServer(site);
    chromium = await launchAuditedChromium();
    browser = chromium.browser;
  });

  after(async () => {
    await chromium?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('upgrades the elements, passes bound properties and hands klar-… events to Vue', async () => {
    const page = await browser.newPage();
    const messages = collectConsole(page);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });

    // Vue rendered the tags as custom elements (not unknown components) and they upgraded.
    await until(
      page,
      () => document.querySelector('klar-summary')?.shadowRoot?.textContent?.trim(),
      undefined,
      'klar-summary to upgrade and render',
    );
    const summary = await page.evaluate(() => {
      const el = document.querySelector('klar-summary');
      return {
        defined: customElements.get('klar-summary') === el.constructor,
        for: el.for,
        forAttribute: el.getAttribute('for'),
        fallbackSentences: el.fallbackSentences,
      };
    });
    assert.deepEqual(summary, {
      defined: true,
      for: 'letter',
      forAttribute: 'letter',
      // A number: Vue set the property, not a string attribute.
      fallbackSentences: 2,
    });

    await page.type('#msg', 'Mitt personnummer är 19121212-1212.');
    const findings = await until(
      page,
      () => document.getElementById('findings')?.textContent,
      undefined,
      '@klar-pii-change to reach Vue',
    );
    assert.ok(findings.split(',').includes('personnummer'), `findings in Vue: ${findings}`);
    await until(
      page,
      () => document.querySelector('klar-pii-guard')?.shadowRoot?.querySelector('[part~="mask"]'),
      undefined,
      'the guard to offer masking',
    );
    await page.evaluate(() =>
      document.querySelector('klar-pii-guard').shadowRoot.querySelector('[part~="mask"]').click(),
    );
    const masked = await until(
      page,
      () =>
        Number(document.getElementById('masked')?.textContent) > 0 &&
        document.getElementById('masked').textContent,
      undefined,
      '@klar-pii-masked to reach Vue',
    );
    assert.ok(Number(masked) >= 1);
    const value = await page.$eval('#msg', (el) => el.value);
    assert.ok(!value.includes('1212-1212'), `the field is masked: ${value}`);

    const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      chromium.audit.attempts.filter((a) => !a.browserService),
      [],
    );
    await page.close();
  });
});
