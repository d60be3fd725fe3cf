// Test-server middleware that serves the fixture models badly on purpose, under distinct path
// prefixes, and logs every request so browser tests can count them at the server.
//   /drop-models/        the first request for each .onnx sends half its bytes, then the socket
//                        is destroyed; later requests honour Range (206)
//   /drop-norange-models/ the same, but Range is ignored (200, whole file): the client restarts
//   /drop-always-models/ every .onnx response (206 too) breaks off half-way
//   /switch-models/      normal, or, while the test set it offline, every connection is destroyed
//   /slow-models/        bodies trickle out in small chunks
//   /lock-models/        normal, each file after a short delay (concurrent loads overlap)
//   /legacy-models/      normal (a separate URL space for tests that seed old cache entries)
//   /html-models/        every file answered with the demo's index.html, as text/html
//   /html-octet-models/  the same page sent as application/octet-stream
//   /truncated-models/   .onnx files cut to half, with a matching Content-Length
//   /late-models/        .onnx files held back until ONNX Runtime's .mjs has been imported
//                        from /ort-logged/ (or 20 s passed); the log says which
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PREFIX =
  /^\/(drop|drop-norange|drop-always|switch|slow|lock|legacy|html|html-octet|truncated|late)-models\//;
const INDEX_HTML =
  '<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>E-tjänst</title></head><body><main id="app"></main></body></html>\n';

export function createFaultServer() {
  /** @type {{ path: string, range: string | null, status: number, sent: number, closedEarly: boolean, heldUntil?: string }[]} */
  const log = [];
  /** Resolved when a worker imports ORT's .mjs from /ort-logged/ (its start-up has begun). */
  let runtimeImported = deferred();
  const droppedOnce = new Set();
  let offline = false;

  const typeOf = (path) =>
    path.endsWith('.json') ? 'application/json' : 'application/octet-stream';

  async function middleware(context, next) {
    const match = PREFIX.exec(context.path);
    if (!match) return next();
    const mode = match[1];
    const rest = context.path.slice(match[0].length);
    const entry = {
      path: context.path,
      range: context.get('range') || null,
      status: 0,
      sent: 0,
      closedEarly: false,
    };
    log.push(entry);
    const res = context.res;
    const socket = context.req.socket;
    context.respond = false;

    if (mode === 'switch' && offline) {
      entry.status = -1;
      socket.destroy();
      return;
    }
    if (mode === 'html' || mode === 'html-octet') {
      entry.status = 200;
      entry.sent = Buffer.byteLength(INDEX_HTML);
      res.writeHead(200, {
        'content-type': mode === 'html' ? 'text/html; charset=utf-8' : 'application/octet-stream',
        'content-length': String(entry.sent),
        'cache-control': 'no-store',
      });
      res.end(INDEX_HTML);
      return;
    }
    let bytes;
    try {
      bytes = await readFile(join(process.cwd(), 'models', rest));
    } catch {
      entry.status = 404;
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('not found');
      return;
    }
    const weights = rest.endsWith('.onnx');
    if (mode === 'late' && weights) {
      entry.heldUntil = await Promise.race([
        runtimeImported.promise.then(() => 'runtime-imported'),
        delay(20_000).then(() => 'timeout'),
      ]);
    }
    if (mode === 'truncated' && weights) bytes = bytes.subarray(0, bytes.length >> 1);

    const headers = {
      'content-type': typeOf(rest),
      'cache-control': 'no-store',
      etag: `"${bytes.length}-${rest.length}"`,
      'accept-ranges': mode === 'drop-norange' ? 'none' : 'bytes',
    };
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(entry.range ?? '');
    if (range && mode !== 'drop-norange' && Number(range[1]) < bytes.length) {
      start = Number(range[1]);
      headers['content-range'] = `bytes ${start}-${bytes.length - 1}/${bytes.length}`;
    }
    const body = bytes.subarray(start);
    entry.status = start > 0 ? 206 : 200;
    res.writeHead(entry.status, { ...headers, 'content-length': String(body.length) });

    const drop =
      weights &&
      (mode === 'drop-always' ||
        (start === 0 &&
          (mode === 'drop' || mode === 'drop-norange') &&
          !droppedOnce.has(context.path)));
    if (drop) {
      droppedOnce.add(context.path);
      const half = body.subarray(0, body.length >> 1);
      res.write(half, () => {
        entry.sent = half.length;
        // Give the bytes a moment on the wire, then cut the connection as a failing proxy would.
        setTimeout(() => socket.destroy(), 50);
      });
      return;
    }
    if (mode === 'lock') await delay(150);
    if (mode === 'slow') {
      let closed = false;
      res.on('close', () => {
        closed = true;
        if (entry.sent < body.length) entry.closedEarly = true;
      });
      for (let i = 0; i < body.length; i += 4096) {
        if (closed || res.destroyed || socket.destroyed) return;
        const chunk = body.subarray(i, i + 4096);
        res.write(chunk);
        entry.sent += chunk.length;
        await delay(40);
      }
      res.end();
      return;
    }
    entry.sent = body.length;
    res.end(body);
  }

  /** /ort-logged/ requests, from the middleware that serves ORT's files. */
  function runtimeFileRequested(path, dest) {
    if (path.endsWith('.mjs') && dest === 'script') runtimeImported.resolve();
  }

  function command(name, payload) {
    if (name === 'fault-log') return log.slice();
    if (name === 'fault-reset-runtime') {
      runtimeImported = deferred();
      return true;
    }
    if (name === 'fault-offline') {
      offline = Boolean(payload?.offline);
      return offline;
    }
    return undefined;
  }

  return { middleware, command, runtimeFileRequested };
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred() {
  let resolve;
  const promise = new Promise((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
