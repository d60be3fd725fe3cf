// models:mirror copies the card and licence, records provenance per file, prints --help,
// goes through HTTPS_PROXY, and names the real network error instead of "fetch failed".
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isKlarError } from '../../../packages/runtime/src/errors.js';
import type { ModelEntry } from '../../../packages/runtime/src/manifest/types.js';
import { parseMirrorArgs } from '../mirror/args.js';
import type { MirrorRecord } from '../mirror/documents.js';
import { downloadFile } from '../mirror/download.js';
import { mirrorModels } from '../mirror/mirror.js';
import { describeNetworkError, hubFetch } from '../mirror/network.js';
import { startFakeHub } from './mirror-hub.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'klar-mirror-prov-'));
after(() => rmSync(work, { recursive: true, force: true }));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const fast = { attempts: 2, retryDelayMs: 5, idleTimeoutMs: 5_000 };
const commit = 'ab12'.padEnd(40, 'f');

function entry(id: string): ModelEntry {
  return {
    id,
    task: 'translation',
    role: 'default',
    name: id,
    languages: ['sv', 'en'],
    license: 'apache-2.0',
    source: { hub: 'huggingface', repo: id, revision: 'main' },
    dtypes: { webgpu: 'fp32', wasm: 'fp32' },
    files: [
      { path: 'config.json', size: 1 },
      { path: 'onnx/model.onnx', size: 1, dtype: 'fp32' },
    ],
    verified: false,
  };
}

describe('mirror provenance', () => {
  it('copies the model card and licence and records size, sha256 and commit per file', async () => {
    const files = new Map<string, Uint8Array>([
      ['/org/doc/resolve/main/config.json', Buffer.from('{"model_type":"marian"}')],
      ['/org/doc/resolve/main/onnx/model.onnx', Buffer.alloc(5000, 7)],
      ['/org/doc/resolve/main/README.md', Buffer.from('---\nlicense: apache-2.0\n---\n# Card\n')],
      ['/org/doc/resolve/main/LICENSE', Buffer.from('Apache License 2.0 …')],
    ]);
    // Card and licence are fetched at the pinned commit the weights came from.
    const served = new Map(files);
    for (const name of ['README.md', 'LICENSE']) {
      served.delete(`/org/doc/resolve/main/${name}`);
      served.set(`/org/doc/resolve/${commit}/${name}`, files.get(`/org/doc/resolve/main/${name}`)!);
    }
    const hub = await startFakeHub(served, { commit });
    const out = join(work, 'doc');
    try {
      const manifest = await mirrorModels([entry('org/doc')], { hub: hub.url, out, ...fast });
      const m = manifest.models[0]!;
      assert.equal(m.source?.revision, commit, 'the branch is pinned to the commit served');
      for (const f of m.files) {
        const body = files.get(`/org/doc/resolve/main/${f.path}`)!;
        assert.equal(f.size, body.length);
        assert.equal(f.sha256, sha(body));
      }
      for (const name of ['README.md', 'LICENSE']) {
        const copy = await readFile(join(out, 'org/doc', name));
        assert.ok(copy.equals(files.get(`/org/doc/resolve/main/${name}`)!), `${name} copied`);
      }
      assert.equal(
        m.files.some((f) => f.path === 'README.md'),
        false,
        'card and licence are not model files (the runtime never downloads them)',
      );
      const record = JSON.parse(
        await readFile(join(out, 'org/doc/klar-mirror.json'), 'utf8'),
      ) as MirrorRecord;
      assert.equal(record.revision, commit);
      assert.equal(record.pinned, true);
      assert.deepEqual(
        record.files.map((f) => [f.path, f.size, f.sha256, f.commit]),
        m.files.map((f) => [f.path, f.size, f.sha256, commit]),
      );
      assert.deepEqual(
        record.documents.map((d) => d.path),
        ['README.md', 'LICENSE'],
      );
      assert.deepEqual(record.absent, ['LICENSE.md', 'LICENSE.txt']);

      const before = hub.requests.length;
      await mirrorModels([entry('org/doc')], { hub: hub.url, out, ...fast });
      assert.equal(hub.requests.length, before, 'a second run asks the hub nothing');
    } finally {
      await hub.close();
    }
  });
});

describe('mirror network errors and proxy', () => {
  it('names the real network error (code and host), not "fetch failed"', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await downloadFile(
      `http://127.0.0.1:${port}/org/x/resolve/main/config.json`,
      join(work, 'refused', 'config.json'),
      { ...fast, attempts: 1 },
    ).then(
      () => assert.fail('should not download'),
      (e: unknown) => e,
    );
    assert.ok(isKlarError(error, 'download-failed'));
    assert.match(error.message, new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
    assert.doesNotMatch(error.message, /fetch failed/);

    const dns = describeNetworkError(
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), {
          code: 'ENOTFOUND',
          hostname: 'huggingface.co',
        }),
      }),
      'https://huggingface.co/x',
    );
    assert.match(dns, /^ENOTFOUND huggingface\.co: the host name does not resolve/);
  });

  it('goes through HTTPS_PROXY / HTTP_PROXY when set', async () => {
    const hub = await startFakeHub(
      new Map([['/org/p/resolve/main/config.json', Buffer.from('{}')]]),
    );
    const seen: string[] = [];
    // A forward proxy: logs what it is asked for (CONNECT tunnels, or absolute URLs) and relays.
    const proxy = createServer((req, res) => {
      seen.push(req.url ?? '');
      const upstream = httpRequest(
        req.url ?? '',
        { method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    proxy.on('connect', (req, client, head) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const viaProxy = hubFetch({ HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: '' });
      assert.notEqual(viaProxy, fetch, 'a proxy-aware fetch');
      const got = await downloadFile(
        `${hub.url}/org/p/resolve/main/config.json`,
        join(work, 'proxied', 'config.json'),
        { ...fast, fetchFn: viaProxy },
      );
      assert.equal(got.size, 2);
      // undici tunnels through the proxy with CONNECT, for http and https targets alike.
      assert.deepEqual(
        seen,
        [`CONNECT ${new URL(hub.url).host}`],
        'the request went through the proxy',
      );
      assert.equal(hubFetch({}), fetch, 'without a proxy variable, plain fetch');
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((r) => proxy.close(() => r()));
      await hub.close();
    }
  });
});

describe('mirror --help', () => {
  it('prints the usage and exits 0', async () => {
    assert.equal(parseMirrorArgs(['--help']).help, true);
    const cli = join(root, 'models/tools/mirror/cli.ts');
    const { code, text } = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, '--help'], { cwd: root });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('close', (c) => resolve({ code: c, text }));
    });
    assert.equal(code, 0, text);
    assert.match(text, /Usage: npm run models:mirror/);
    assert.match(text, /HTTPS_PROXY/);
    assert.equal(existsSync(join(root, 'undefined')), false);
  });
});
