/**
 * Starts the demo exactly as `npm start` does (vite.config.ts, with the receipt plugin), on a free
 * port, recording every request the server sees (method and URL, never bodies), and launches the
 * system Chromium through puppeteer-core. Shared by the no-JavaScript test and the screenshot tool.
 */
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
}

export interface DemoServer {
  readonly origin: string;
  /** Every request the server received, in order. */
  readonly log: LoggedRequest[];
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function startDemoServer(): Promise<DemoServer> {
  const log: LoggedRequest[] = [];
  const requestLog: Plugin = {
    name: 'test-request-log',
    enforce: 'pre',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        log.push({ method: req.method ?? '', url: req.url ?? '' });
        next();
      });
    },
  };
  const server: ViteDevServer = await createServer({
    configFile: `${repoRoot}vite.config.ts`,
    plugins: [requestLog],
    server: { port: 0, strictPort: false, watch: null },
    // The pages' HTML is what is under test; no dependency pre-bundling needed for it.
    optimizeDeps: { noDiscovery: true, include: [] },
    logLevel: 'silent',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('demo server has no port');
  return {
    origin: `http://localhost:${address.port}`,
    log,
    close: () => server.close(),
  };
}

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run'],
  });
}
