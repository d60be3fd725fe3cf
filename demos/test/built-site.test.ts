/**
 * The built site (`npm run build`, served by `vite preview`) works without JavaScript too: the
 * English form, filled in with JavaScript off, reaches the English receipt by POST and 303, with
 * no personal data in any URL. Built into a temporary folder, so `demos/dist` is never touched.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { build, type PreviewServer, preview } from 'vite';
import { launchChromium } from './demo-server.js';

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
let outDir: string;
let server: PreviewServer;
let browser: Browser;
const requests: string[] = [];

before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'klar-demo-build-'));
  await build({ configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  server = await preview({
    configFile,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, strictPort: false },
    plugins: [
      {
        name: 'test-request-log',
        enforce: 'pre',
        configurePreviewServer(preview) {
          preview.middlewares.use((req, _res, next) => {
            requests.push(`${req.method} ${req.url}`);
            next();
          });
        },
      },
    ],
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

it('built site, JavaScript off: the English application reaches the English receipt by POST', async () => {
  const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  assert.ok(origin, 'preview server address');
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(`${origin}/en/ansokan.html`);
  await page.type('#namn', 'Tolvan Tolvansson');
  await page.type('#personnummer', '19121212-1212');
  await page.select('#kommun', 'uppsala');
  await page.click('#boende-villa');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  assert.equal(new URL(page.url()).pathname, '/en/kvitto.html');
  assert.equal(await page.$eval('h1', (h) => h.textContent), 'Application sent');
  assert.ok(requests.includes('POST /en/kvitto.html'), requests.join('\n'));
  assert.ok(
    requests.every((r) => !r.includes('12121212') && !r.includes('personnummer=')),
    requests.join('\n'),
  );
  // The language link on the built receipt still leads to the Swedish receipt.
  await Promise.all([page.waitForNavigation(), page.click('.lang-switch a')]);
  assert.equal(new URL(page.url()).pathname, '/kvitto.html');
  await page.close();
});
