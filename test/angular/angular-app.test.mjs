// Klar in a compiled Angular app: test/angular/letter.component.ts compiled ahead of time with
// ngc (@angular/compiler-cli, CUSTOM_ELEMENTS_SCHEMA), bundled with esbuild (Angular's own
// packages linked by its Babel linker, as the Angular CLI does), served by a plain static server
// and run in Chromium. Checks that the elements upgrade, take Angular-bound properties, and that
// their `klar-…` events reach the component.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { performCompilation, readConfiguration } from '@angular/compiler-cli';
import linkerPlugin from '@angular/compiler-cli/linker/babel';
import { transformAsync } from '@babel/core';
import { build } from 'esbuild';
import { collectConsole, repo, until } from '../embed/agency-site.mjs';
import { startStaticServer } from '../embed/static-server.mjs';
import { launchAuditedChromium } from '../support/chromium.mjs';
import {
  assertCleanRun,
  assertSummaryBound,
  maskThroughGuard,
  typePersonnummer,
} from '../support/framework-app.mjs';

/** Angular ships partially compiled packages; the linker finishes them (what the CLI does). */
const angularLinker = {
  name: 'angular-linker',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]@angular[\\/].*\.m?js$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      if (!code.includes('ɵɵngDeclare')) return { contents: code, loader: 'js' };
      const linked = await transformAsync(code, {
        filename: args.path,
        plugins: [linkerPlugin],
        compact: false,
        sourceMaps: false,
        configFile: false,
        babelrc: false,
      });
      return { contents: linked.code, loader: 'js' };
    });
  },
};

describe('Klar in a compiled Angular app', { timeout: 300_000 }, () => {
  let work;
  let site;
  let server;
  let chromium;
  let browser;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'klar-angular-'));
    site = join(work, 'site');
    const compiled = join(work, 'compiled');
    const config = readConfiguration(join(repo, 'test/angular/tsconfig.ngc.json'), {
      outDir: compiled,
    });
    const { diagnostics } = performCompilation({
      rootNames: config.rootNames,
      options: config.options,
    });
    const errors = diagnostics.filter((d) => d.category === 1);
    assert.deepEqual(
      errors.map((d) =>
        typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText,
      ),
      [],
      'ngc compiles the component',
    );
    const entry = join(compiled, 'entry.js');
    await writeFile(
      entry,
      "import '@klar/components/klar-summary.js';\nimport '@klar/components/klar-pii-guard.js';\nimport './main.js';\n",
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: site,
      entryNames: 'app',
      target: 'es2022',
      nodePaths: [join(repo, 'node_modules')],
      tsconfig: join(repo, 'tsconfig.json'),
      plugins: [angularLinker],
      define: { ngDevMode: 'false', ngJitMode: 'false' },
      logLevel: 'error',
    });
    await writeFile(
      join(site, 'index.html'),
      '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Angular</title>' +
        '<script type="module" src="/app.js"></script></head><body><app-letter></app-letter></body></html>',
    );
    await writeFile(join(site, 'favicon.ico'), '');
    server = await startStaticServer(site);
    chromium = await launchAuditedChromium();
    browser = chromium.browser;
  });

  after(async () => {
    await chromium?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('upgrades the elements, passes bound properties and hands klar-… events to Angular', async () => {
    const page = await browser.newPage();
    const messages = collectConsole(page);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });

    await assertSummaryBound(page, 'Angular');

    await typePersonnummer(page);
    const findings = await until(
      page,
      () => document.getElementById('findings')?.textContent,
      undefined,
      '(klar-pii-change) to reach Angular',
    );
    assert.ok(findings.split(',').includes('personnummer'), `findings in Angular: ${findings}`);
    await maskThroughGuard(page, '(klar-pii-masked) to reach Angular');

    assertCleanRun(messages, chromium);
    await page.close();
  });
});
