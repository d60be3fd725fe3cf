// A plain static file server, as an agency's web server would be: files from one folder, the
// MIME types the self-hosting guide lists, and the documented CSP on every response (so on the
// page AND on the worker script, which is what governs a worker). Not Vite, no rewriting.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** The CSP docs/self-hosting.md recommends for pages that use Klar (models on the same origin). */
export const DOCUMENTED_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 (`csp: null` sends none). `requests` lists every path asked for.
 * `override(path)` may answer a path itself (used to simulate broken deployments).
 * `cacheControl(path)` gives the Cache-Control header (default no-store: tests start clean).
 */
export async function startStaticServer(
  root,
  { csp = DOCUMENTED_CSP, override, cacheControl = () => 'no-store' } = {},
) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const log = (status) => requests.push({ path, status });
    if (csp) res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', cacheControl(path));
    const custom = override?.(path);
    if (custom) {
      log(custom.status);
      res.writeHead(custom.status, { 'Content-Type': custom.type ?? 'text/html' });
      res.end(custom.body ?? '');
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const info = file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      log(404);
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    log(200);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
