// Chromium as every browser test launches it: Debian's build (never a downloaded one), no
// background traffic, and everything not on loopback sent to the recording proxy of
// network-audit.mjs. Used by web-test-runner.config.mjs and the Node tests under test/.
import puppeteer from 'puppeteer-core';
import { startNetworkAudit } from './network-audit.mjs';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The flags every launch shares; `proxyPort` is the network audit's. */
export function chromiumArgs(proxyPort) {
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    // Chromium bypasses proxies for loopback by default, so the test server is reached directly.
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
  ];
}

/** Headless Chromium through puppeteer-core; everything not on loopback goes to `proxyPort`. */
export function launchChromium(proxyPort, extraArgs = []) {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    protocolTimeout: 300_000,
    args: [...chromiumArgs(proxyPort), ...extraArgs],
  });
}

/**
 * Chromium for `npm run bench`: WebGPU on (SwiftShader here, the machine's GPU elsewhere) and
 * DevTools calls given `protocolTimeout` ms, since a loaded machine makes every call slow. No
 * proxy: a benchmark only talks to its own local server.
 */
export function launchBenchChromium(protocolTimeout) {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    protocolTimeout,
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
}

/**
 * A network audit and Chromium sending it everything not on loopback. `close()` closes both;
 * `audit.attempts` lists what the page tried to reach.
 */
export async function launchAuditedChromium(extraArgs = []) {
  const audit = startNetworkAudit();
  await audit.ready;
  try {
    const browser = await launchChromium(audit.port, extraArgs);
    return {
      audit,
      browser,
      async close() {
        await browser.close();
        await audit.close();
      },
    };
  } catch (error) {
    await audit.close();
    throw error;
  }
}
