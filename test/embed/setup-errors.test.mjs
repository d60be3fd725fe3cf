// Setup mistakes an agency can make with the /klar/ bundle, on a plain static server in
// Chromium. Each must give the developer one console error naming the URL (or the CSP
// directive) and the fix, and give the citizen "AI help isn't available on this site right
// now" (never "your device can't").
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchAuditedChromium } from '../support/chromium.mjs';
import { buildSite, collectConsole, DECISION_PAGE, until } from './agency-site.mjs';
import { DOCUMENTED_CSP, startStaticServer } from './static-server.mjs';

const SITE_UNAVAILABLE = 'AI-hjälpen är inte tillgänglig på den här webbplatsen just nu.';
// The CPU build is what a device without WebGPU (this Chromium) asks for first; without it the
// runtime falls back to the WebGPU build, so a file error is only final when both fail.
const CPU_WASM = '/klar/ort-wasm-simd-threaded.wasm';
const WASM = '/klar/ort-wasm-simd-threaded.asyncify.wasm';
const ANY_WASM = [CPU_WASM, WASM];

/** Puppeteer reports a worker's console message on the worker and again on the page. */
const distinctWarnings = (messages, needle) => [
  ...new Set(
    messages.filter((m) => m.type === 'warn' && m.text.includes(needle)).map((m) => m.text),
  ),
];
const HTML = '<!doctype html><html><body>Sidan finns inte</body></html>';

describe('setup errors with the no-build bundle', { timeout: 900_000 }, () => {
  let site;
  let chromium;
  let browser;

  before(async () => {
    site = await buildSite();
    await writeFile(join(site, 'index.html'), DECISION_PAGE);
    chromium = await launchAuditedChromium();
    browser = chromium.browser;
  });

  after(async () => {
    await chromium?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  /**
   * Asks for a summary (accepting the download if asked) until it is written or the element
   * gives up; `outcome` says which.
   */
  async function askForASummary(serverOptions) {
    const server = await startStaticServer(site, serverOptions);
    const page = await browser.newPage();
    const messages = collectConsole(page);
    try {
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await until(page, () => customElements.get('klar-summary'), undefined, 'klar-summary');
      await page.evaluate(() =>
        document
          .querySelector('klar-summary')
          .shadowRoot.querySelector('[part~="trigger"]')
          .click(),
      );
      const outcome = await until(
        page,
        (unavailable) => {
          const root = document.querySelector('klar-summary').shadowRoot;
          root.querySelector('[part~="consent-accept"]')?.click();
          if (root.textContent.includes(unavailable)) return 'unavailable';
          return root.querySelector('[part~="copy"]') ? 'summary' : null;
        },
        SITE_UNAVAILABLE,
        'the summary or the citizen to be told AI help is unavailable on this site',
      );
      const text = await page.evaluate(
        () => document.querySelector('klar-summary').shadowRoot.textContent,
      );
      await new Promise((resolve) => setTimeout(resolve, 500)); // let a second report show up
      // Chromium's own network log lines ("Failed to load resource") are not Klar's messages.
      const errors = messages.filter(
        (m) => m.type === 'error' && !m.text.startsWith('Failed to load resource'),
      );
      return { origin: server.origin, outcome, text, errors, messages, requests: server.requests };
    } finally {
      await page.close();
      await server.close();
    }
  }

  /** The setup mistakes: the citizen is told AI help is unavailable on this site. */
  async function tryTheSummary(serverOptions) {
    const r = await askForASummary(serverOptions);
    assert.equal(r.outcome, 'unavailable', r.text);
    return r;
  }

  const expectOneError = (errors, needle) => {
    assert.equal(errors.length, 1, `one console error: ${JSON.stringify(errors, null, 1)}`);
    assert.ok(errors[0].text.includes(needle), `it names ${needle}: ${errors[0].text}`);
  };

  // The runtime checks ORT's files before ORT sees them (runtime-files-check.ts), so the one
  // message names the exact .wasm URL and ORT's glue prints nothing of its own.
  it('a missing ONNX Runtime .wasm', async () => {
    const r = await tryTheSummary({
      override: (path) =>
        ANY_WASM.includes(path) ? { status: 404, type: 'text/plain' } : undefined,
    });
    expectOneError(r.errors, `${r.origin}${WASM} answered 404`);
    const warnings = distinctWarnings(r.messages, CPU_WASM);
    assert.equal(
      warnings.length,
      1,
      `the CPU build's absence is a warning first: ${JSON.stringify(r.messages)}`,
    );
  });

  // An agency that copied only the WebGPU build (what 0.1 docs listed): devices without WebGPU
  // still get help, from the larger build, and the developer is told what to add.
  it('only the CPU build missing: AI help still works, and the console says what to add', async () => {
    const r = await askForASummary({
      override: (path) =>
        path.startsWith('/klar/ort-wasm-simd-threaded.') && !path.includes('asyncify')
          ? { status: 404, type: 'text/plain' }
          : undefined,
    });
    assert.equal(r.outcome, 'summary', r.text);
    const warnings = distinctWarnings(r.messages, `${r.origin}${CPU_WASM} answered 404`);
    assert.equal(
      warnings.length,
      1,
      `one warning names the CPU build's URL: ${JSON.stringify(r.messages)}`,
    );
    assert.deepEqual(r.errors, []);
    assert.ok(
      r.requests.some((req) => req.path === WASM && req.status === 200),
      'the WebGPU build was used',
    );
  });

  it('HTML served where the .wasm belongs (a single-page-app fallback)', async () => {
    const r = await tryTheSummary({
      override: (path) => (ANY_WASM.includes(path) ? { status: 200, body: HTML } : undefined),
    });
    expectOneError(r.errors, `${r.origin}${WASM} is not a WebAssembly file`);
  });

  it('no manifest.json at the model base', async () => {
    const r = await tryTheSummary({
      override: (path) =>
        path === '/models/manifest.json' ? { status: 404, type: 'text/plain' } : undefined,
    });
    expectOneError(r.errors, `${r.origin}/models/manifest.json`);
  });

  // The runtime's preflight compiles an empty module first, so ORT's glue never prints its own
  // "wasm streaming compile failed" lines.
  it("a CSP without 'wasm-unsafe-eval'", async () => {
    const r = await tryTheSummary({ csp: DOCUMENTED_CSP.replace(" 'wasm-unsafe-eval'", '') });
    expectOneError(r.errors, 'WebAssembly compilation is blocked');
    assert.ok(r.errors[0].text.includes("'wasm-unsafe-eval'"), r.errors[0].text);
  });
});
