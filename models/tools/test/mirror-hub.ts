// A loopback HTTP server imitating the hub's `/<repo>/resolve/<revision>/<path>` layout, with
// switches for the failures the mirror tool must survive. Test-only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubRequest {
  readonly path: string;
  readonly range?: string;
}

export interface FakeHub {
  readonly url: string;
  readonly requests: HubRequest[];
  close(): Promise<void>;
}

export interface HubBehaviour {
  /** URL paths whose first full (non-Range) transfer stops halfway. */
  readonly cutOnce?: ReadonlySet<string>;
  /** URL paths whose every transfer stops halfway. */
  readonly cutAlways?: ReadonlySet<string>;
  /** URL paths served with one byte flipped. */
  readonly corrupt?: ReadonlySet<string>;
  /** Sent as `X-Repo-Commit`, as Hugging Face does for files it serves directly. */
  readonly commit?: string;
}

/** Serves `files` (URL path → bytes) on 127.0.0.1 with Range support. */
export async function startFakeHub(
  files: ReadonlyMap<string, Uint8Array>,
  behaviour: HubBehaviour = {},
): Promise<FakeHub> {
  const requests: HubRequest[] = [];
  const cut = new Set<string>();
  const server = createServer((req, res) => {
    const path = decodeURI(new URL(req.url ?? '/', 'http://x').pathname);
    const range = req.headers.range;
    requests.push({ path, ...(range ? { range } : {}) });
    const original = files.get(path);
    if (!original) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    const body = Buffer.from(original);
    if (behaviour.corrupt?.has(path) && body.length > 0) body[0] = (body[0] ?? 0) ^ 0xff;
    const match = /^bytes=(\d+)-$/.exec(range ?? '');
    const start = match ? Number(match[1]) : 0;
    if (start > 0 && start >= body.length) {
      res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      return;
    }
    const slice = body.subarray(start);
    const headers = {
      'Content-Length': String(slice.length),
      'Accept-Ranges': 'bytes',
      ...(behaviour.commit ? { 'X-Repo-Commit': behaviour.commit } : {}),
    };
    if (match) {
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}`,
      });
    } else {
      res.writeHead(200, headers);
    }
    const cutNow =
      behaviour.cutAlways?.has(path) || (!match && behaviour.cutOnce?.has(path) && !cut.has(path));
    if (cutNow && slice.length > 1) {
      cut.add(path);
      // Half the body, then close the socket: the client sees a short read.
      res.write(slice.subarray(0, Math.floor(slice.length / 2)), () => res.socket?.end());
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
