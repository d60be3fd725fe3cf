/**
 * Screenshots of every demo page, Swedish and English, with and without JavaScript, at a desktop
 * and a phone width, so a person can check that each page reads well for a citizen.
 *
 *   npx tsx demos/tools/screenshots.ts [out-dir] [name-filter]   (default: .tmp/demo-screenshots)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, startDemoServer } from '../test/demo-server.js';

const out = process.argv[2] ?? '.tmp/demo-screenshots';
/** Only files whose name contains this, e.g. `en-ansokan` (default: all). */
const only = process.argv[3] ?? '';
const pages = ['index.html', 'beslut.html', 'ansokan.html', 'kvitto.html'];
const widths = { desktop: 1000, phone: 375 };

await mkdir(out, { recursive: true });
const server = await startDemoServer();
const browser = await launchChromium();
try {
  for (const prefix of ['/', '/en/']) {
    for (const name of pages) {
      for (const javascript of [true, false]) {
        for (const [device, width] of Object.entries(widths)) {
          const file = join(
            out,
            `${prefix === '/' ? 'sv' : 'en'}-${name.replace('.html', '')}-${javascript ? 'js' : 'nojs'}-${device}.png`,
          );
          if (!file.includes(only)) continue;
          const page = await browser.newPage();
          await page.setViewport({ width, height: 800 });
          await page.setJavaScriptEnabled(javascript);
          await page.goto(`${server.origin}${prefix}${name}`, {
            waitUntil: 'load',
            timeout: 120_000,
          });
          if (javascript) await new Promise((r) => setTimeout(r, 2000)); // let the elements render
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
          await page.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
