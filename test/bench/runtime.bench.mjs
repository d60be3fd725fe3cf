// npm run bench: drives test/bench/page in Debian Chromium (WebGPU on SwiftShader here, a real
// GPU elsewhere) through Vite's dev server, and prints the runtime's figures. Prints, never asserts.
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const server = await createServer({
  configFile: resolve(root, 'vite.config.ts'),
  root: resolve(root, 'test/bench/page'),
  server: { port: 0, host: 'localhost' },
  logLevel: 'error',
});
await server.listen();
const url = server.resolvedUrls.local[0];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--enable-unsafe-webgpu',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.benchResults, { timeout: 300_000, polling: 500 });
  const results = await page.evaluate(() => window.benchResults);
  const gpu = await page.evaluate(
    async () => (await navigator.gpu?.requestAdapter())?.info?.description || 'none',
  );
  console.log(
    `Klar runtime on the fixture LM (${results[0] ? 128 : 0} new tokens), Chromium ${await browser.version()}, WebGPU adapter: ${gpu}`,
  );
  const f = (n, d = 1) => n.toFixed(d).padStart(9);
  console.log(
    'Through the worker, as a page sees it (ms, and tokens/s as tokens arrive on the page):',
  );
  console.log('backend   cold load  cached load   TTFT ms   tok/s   longest main-thread task ms');
  for (const r of results) {
    console.log(
      `${r.backend.padEnd(8)}${f(r.coldLoadMs)}${f(r.cachedLoadMs, 1).padStart(13)}${f(r.ttftMs)}${f(r.tokensPerSecond)}${f(r.longestMainThreadTaskMs).padStart(16)}`,
    );
  }
  console.log('In one worker, alternating rounds, median of 5 (tokens/s):');
  console.log('backend   Klar engine  bare transformers.js  Klar/bare');
  for (const r of results) {
    console.log(
      `${r.backend.padEnd(8)}${f(r.klarInWorkerTokensPerSecond).padStart(13)}${f(r.bareTokensPerSecond).padStart(22)}${f(r.ratio, 3).padStart(11)}`,
    );
  }
  console.log(
    'Goals: Klar/bare ≥ 0.97; no main-thread task over 50 ms (longtask entries only exist above 50 ms: 0 means none).',
  );
} finally {
  await browser.close();
  await server.close();
}
