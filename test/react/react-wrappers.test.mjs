// @klar/react in a browser: a React 19 app (test/react/app.tsx) bundled with esbuild, served by
// a plain static server and rendered in Chromium. Checks that the wrappers render the elements,
// pass props, and deliver typed events to React handlers.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { collectConsole, repo, until } from '../embed/agency-site.mjs';
import { startStaticServer } from '../embed/static-server.mjs';
import { launchAuditedChromium } from '../support/chromium.mjs';
import { assertCleanRun, maskThroughGuard, typePersonnummer } from '../support/framework-app.mjs';

describe('@klar/react', { timeout: 300_000 }, () => {
  let site;
  let server;
  let chromium;
  let browser;

  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'klar-react-'));
    await build({
      entryPoints: [join(repo, 'test/react/app.tsx')],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: site,
      jsx: 'automatic',
      target: 'es2022',
      tsconfig: join(repo, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    await writeFile(
      join(site, 'index.html'),
      '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>React</title>' +
        '<script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>',
    );
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

  it('renders the elements with their props and hands typed events to React', async () => {
    const page = await browser.newPage();
    const messages = collectConsole(page);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    // onReadabilityChange: React state updated from the event's detail.lix.
    const lix = await until(
      page,
      () => document.getElementById('lix')?.textContent,
      undefined,
      'the readability event to reach React',
    );
    assert.ok(Number(lix) > 0, `LIX from the event: ${lix}`);
    const rendered = await page.evaluate(
      () => document.querySelector('klar-readability')?.shadowRoot?.textContent ?? '',
    );
    assert.ok(rendered.trim().length > 0, 'klar-readability rendered its figures');

    await typePersonnummer(page);
    await maskThroughGuard(page, 'onMasked to reach React');
    assertCleanRun(messages, chromium);
    await page.close();
  });
});
