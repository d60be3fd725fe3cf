// The no-build bundle, used the way an agency uses it: copied to a plain static server next to
// its models, one <script type="module" src="/klar/klar.js"> in a plain page, the documented CSP
// on every response (page and worker script), real Chromium, nothing allowed off the machine.
import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchAuditedChromium } from '../support/chromium.mjs';
import { buildSite, collectConsole, DECISION_PAGE, until } from './agency-site.mjs';
import { startStaticServer } from './static-server.mjs';

// 19121212-1212: Skatteverket's published test personnummer (valid check digit).
const PERSONNUMMER = '19121212-1212';

describe('the no-build bundle on an agency page', { timeout: 600_000 }, () => {
  let site;
  let server;
  let chromium;
  let browser;

  before(async () => {
    site = await buildSite();
    await writeFile(join(site, 'index.html'), DECISION_PAGE);
    server = await startStaticServer(site);
    chromium = await launchAuditedChromium();
    browser = chromium.browser;
  });

  after(async () => {
    await chromium?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('ships exactly the files an agency copies: entries, worker, ORT pair, template, licences', async () => {
    const files = await readdir(join(site, 'klar'));
    for (const name of [
      'klar.js',
      'klar-summary.js',
      'klar-readability.js',
      'klar-pii-guard.js',
      'klar-form-assist.js',
      'klar-model-status.js',
      'klar-worker.js',
      'manifest.template.json',
      'LICENSE.txt',
      'THIRD-PARTY-LICENSES.txt',
    ])
      assert.ok(files.includes(name), `${name} is in the bundle`);
    const wasm = files.filter((f) => f.endsWith('.wasm'));
    assert.deepEqual(
      wasm.sort(),
      ['ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.wasm'],
      'the two ONNX Runtime builds, each emitted once',
    );
  });

  it('a summary streams after consent, the guard masks a personnummer, nothing leaves the origin', async () => {
    const page = await browser.newPage();
    const messages = collectConsole(page);
    await page.evaluateOnNewDocument(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await until(
      page,
      () => customElements.get('klar-summary') && customElements.get('klar-pii-guard'),
      undefined,
      'the elements to be defined by /klar/klar.js',
    );
    const startedEarly = server.requests.filter(
      (r) => r.path.includes('worker') || r.path.startsWith('/klar/ort-'),
    );
    assert.deepEqual(startedEarly, [], 'no worker or ONNX Runtime file before a model is needed');

    // Personal-data guard: rule-based, works without any model.
    await page.type('#msg', `Mitt personnummer är ${PERSONNUMMER}, ring mig.`);
    await until(
      page,
      () => document.querySelector('klar-pii-guard')?.shadowRoot?.querySelector('[part~="mask"]'),
      undefined,
      'the guard to offer masking',
    );
    await page.evaluate(() =>
      document.querySelector('klar-pii-guard').shadowRoot.querySelector('[part~="mask"]').click(),
    );
    const masked = await page.$eval('#msg', (el) => el.value);
    assert.ok(!masked.includes('1212'), `the personnummer is masked: "${masked}"`);

    // Summary: ask, consent, and record the streamed text as it grows.
    await page.evaluate(() => {
      const el = document.querySelector('klar-summary');
      window.__lengths = [];
      new MutationObserver(() => {
        const text = el.shadowRoot.querySelector('[part~="text"]')?.textContent ?? '';
        if (window.__lengths.at(-1) !== text.length) window.__lengths.push(text.length);
      }).observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
      el.shadowRoot.querySelector('[part~="trigger"]').click();
    });
    await until(
      page,
      () =>
        document.querySelector('klar-summary').shadowRoot.querySelector('[part~="consent-accept"]'),
      undefined,
      'the download question',
    );
    const question = await page.evaluate(
      () =>
        document.querySelector('klar-summary').shadowRoot.querySelector('[part~="consent"]')
          .textContent,
    );
    assert.ok(!question.includes('?,'), `the question names the model's facts: ${question}`);
    await page.evaluate(() =>
      document
        .querySelector('klar-summary')
        .shadowRoot.querySelector('[part~="consent-accept"]')
        .click(),
    );
    const label = await until(
      page,
      () => {
        const root = document.querySelector('klar-summary').shadowRoot;
        const done = root.querySelector('[part~="copy"]');
        return done ? root.querySelector('[part~="label"]')?.textContent : null;
      },
      undefined,
      'the summary to finish',
    );
    const lengths = await page.evaluate(() => window.__lengths);
    const grew = lengths.filter((n) => n > 0);
    assert.ok(grew.length >= 2, `text arrived in pieces (lengths seen: ${lengths.join(', ')})`);
    assert.match(label, /tiny Llama|klar-tiny-llama/i, 'the AI label names the model');

    // The runtime files came from /klar/ next to klar.js: the CPU build's pair, since this
    // Chromium's only WebGPU adapter is a software one (so Klar runs on WASM).
    const ort = [
      ...new Set(server.requests.filter((r) => /\/ort-wasm/.test(r.path)).map((r) => r.path)),
    ];
    assert.deepEqual(
      ort.sort(),
      ['/klar/ort-wasm-simd-threaded.mjs', '/klar/ort-wasm-simd-threaded.wasm'],
      'the worker loads exactly one of the ONNX Runtime pairs the bundle ships',
    );
    assert.ok(
      server.requests.some((r) => r.path === '/klar/klar-worker.js' && r.status === 200),
      'the worker script is the bundle one',
    );
    // The file check read 4 bytes of the .wasm (a Range request); ORT fetched it whole.
    const wasm = server.requests.filter((r) => r.path === '/klar/ort-wasm-simd-threaded.wasm');
    assert.deepEqual(
      wasm.map((r) => [r.status, r.range ?? null]),
      [
        [206, 'bytes=0-3'],
        [200, null],
      ],
      'the check asked for the first bytes, ORT for the file',
    );
    const failed = server.requests.filter((r) => r.status !== 200 && r.status !== 206);
    assert.deepEqual(failed, [], 'every request the page made was answered');
    const leaks = chromium.audit.attempts.filter((a) => !a.browserService);
    assert.deepEqual(leaks, [], 'no request left the origin');
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(violations, [], 'no CSP violation');
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
    assert.deepEqual(errors, [], 'no console error');
    await page.close();
  });
});
