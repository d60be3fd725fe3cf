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
import {
  assertCleanRun,
  assertSummaryBound,
  maskThroughGuard,
  typePersonnummer,
} from '../support/framework-app.mjs';

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

    await assertSummaryBound(page, 'Vue');

    await typePersonnummer(page);
    const findings = await until(
      page,
      () => document.getElementById('findings')?.textContent,
      undefined,
      '@klar-pii-change to reach Vue',
    );
    assert.ok(findings.split(',').includes('personnummer'), `findings in Vue: ${findings}`);
    await maskThroughGuard(page, '@klar-pii-masked to reach Vue');

    assertCleanRun(messages, chromium);
    await page.close();
  });
});
