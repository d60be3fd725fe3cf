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
 * Serves `root` on 127.0.0.1 (`csp: null` sends none). `requests` lists every path asked for,
 * with its status (and its Range header, which is honoured for one range).
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
    const log = (status, range) => requests.push({ path, status, ...(range ? { range } : {}) });
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
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    // One byte range, as nginx and Apache answer it: 206 with the part, 416 past the end.
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : info.size - 1, info.size - 1);
      if (start >= info.size || end < start) {
        log(416, req.headers.range);
        res.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
        res.end();
        return;
      }
      log(206, req.headers.range);
      res.writeHead(206, {
        'Content-Type': type,
        'Content-Length': end - start + 1,
        'Content-Range': `bytes ${start}-${end}/${info.size}`,
        'Accept-Ranges': 'bytes',
      });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    log(200);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': info.size,
      'Accept-Ranges': 'bytes',
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
