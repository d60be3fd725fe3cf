import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isKlarError } from '../../../packages/runtime/src/errors.js';
import { parseManifest } from '../../../packages/runtime/src/manifest/parse.js';
import type { ModelEntry, ModelManifest } from '../../../packages/runtime/src/manifest/types.js';
import { parseMirrorArgs } from '../mirror/args.js';
import { mirrorModels } from '../mirror/mirror.js';
import { filesToMirror, selectEntries } from '../mirror/select.js';
import { type FakeHub, startFakeHub } from './mirror-hub.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'klar-mirror-'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/*
 * The fixture models from models/manifest.json whose files are on disk; when the fixtures have
 * not been generated (fresh checkout), small stand-in files written here.
 */
async function sourceModels(): Promise<{ entries: ModelEntry[]; bytes: Map<string, Uint8Array> }> {
  const bytes = new Map<string, Uint8Array>();
  const key = (e: ModelEntry, p: string) => `${e.id}/${p}`;
  try {
    const repo = parseManifest(
      JSON.parse(readFileSync(join(root, 'models/manifest.json'), 'utf8')),
    );
    const onDisk = repo.models.filter(
      (e) =>
        e.role === 'fixture' &&
        e.files.every((f) => existsSync(join(root, 'models', e.id, f.path))),
    );
    for (const e of onDisk) {
      for (const f of e.files)
        bytes.set(key(e, f.path), readFileSync(join(root, 'models', e.id, f.path)));
    }
    if (onDisk.length > 0) return { entries: onDisk, bytes };
  } catch {
    // No usable manifest yet: fall through to stand-ins.
  }
  const files = {
    'config.json': Buffer.from('{"model_type":"llama"}'),
    'tokenizer.json': Buffer.from('{"version":"1.0"}'),
    'onnx/model_q4f16.onnx': randomBytes(200_000),
    'onnx/model_quantized.onnx': randomBytes(300_000),
    'onnx/model.onnx': randomBytes(100_000),
  };
  const entry: ModelEntry = {
    id: 'fixtures/stand-in-llm',
    task: 'text-generation',
    role: 'fixture',
    name: 'stand-in',
    languages: ['sv'],
    license: 'EUPL-1.2',
    dtypes: { webgpu: 'q4f16', wasm: 'q8' },
    files: Object.entries(files).map(([path, b]) => ({
      path,
      size: b.length,
      ...(path.includes('onnx/')
        ? {
            dtype: path.includes('q4f16')
              ? ('q4f16' as const)
              : path.includes('quantized')
                ? ('q8' as const)
                : ('fp32' as const),
          }
        : {}),
    })),
  };
  for (const [p, b] of Object.entries(files)) bytes.set(key(entry, p), b);
  return { entries: [entry], bytes };
}

const urlPath = (e: ModelEntry, p: string) =>
  `/${e.source?.repo ?? e.id}/resolve/${e.source?.revision ?? 'main'}/${p}`;

let entries: ModelEntry[];
let bytes: Map<string, Uint8Array>;
let served: Map<string, Uint8Array>;
let cutPath: string;
let hub: FakeHub;

before(async () => {
  ({ entries, bytes } = await sourceModels());
  served = new Map();
  for (const e of entries)
    for (const f of e.files) served.set(urlPath(e, f.path), bytes.get(`${e.id}/${f.path}`)!);
  // Cut the largest file that will be mirrored, halfway through its first transfer.
  const mirrored = entries.flatMap((e) =>
    filesToMirror(e, [e.dtypes.webgpu, e.dtypes.wasm]).map((f) => ({ e, f })),
  );
  const largest = mirrored.reduce((a, b) => (b.f.size > a.f.size ? b : a));
  cutPath = urlPath(largest.e, largest.f.path);
  hub = await startFakeHub(served, { cutOnce: new Set([cutPath]) });
});

after(async () => {
  await hub?.close();
  rmSync(work, { recursive: true, force: true });
});

const fast = { attempts: 3, retryDelayMs: 5, idleTimeoutMs: 5_000 };

describe('mirrorModels against a loopback hub', () => {
  const out = join(work, 'mirror');

  it('mirrors the files, resumes the cut transfer with Range, writes a verifiable manifest', async () => {
    const result = await mirrorModels(entries, { hub: hub.url, out, ...fast });
    const cutRequests = hub.requests.filter((r) => r.path === cutPath);
    assert.equal(cutRequests.length, 2, 'one cut transfer, one resumed');
    assert.match(cutRequests[1]?.range ?? '', /^bytes=[1-9]\d*-$/);

    const written = parseManifest(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    assert.deepEqual(written, result);
    assert.deepEqual(
      written.models.map((m) => m.id),
      entries.map((e) => e.id),
    );
    for (const e of entries) {
      const m = written.models.find((x) => x.id === e.id)!;
      const expected = filesToMirror(e, [e.dtypes.webgpu, e.dtypes.wasm]);
      assert.deepEqual(
        m.files.map((f) => f.path),
        expected.map((f) => f.path),
      );
      for (const f of m.files) {
        const source = bytes.get(`${e.id}/${f.path}`)!;
        const copy = await readFile(join(out, e.id, f.path));
        assert.ok(copy.equals(source), `${f.path} is byte-identical`);
        assert.equal(f.size, source.length);
        assert.equal(f.sha256, sha(source));
        assert.equal(existsSync(join(out, e.id, `${f.path}.part`)), false);
      }
    }
  });

  it('skips files already mirrored with a matching sha256 on a second run', async () => {
    const before = hub.requests.length;
    await mirrorModels(entries, { hub: hub.url, out, ...fast });
    assert.equal(hub.requests.length, before);
  });
});

describe('mirror failures', () => {
  it('fails on a corrupted file with integrity-failed and leaves no file behind', async () => {
    const e = entries[0]!;
    const f = e.files.find((x) => x.dtype === undefined) ?? e.files[0]!;
    const source = bytes.get(`${e.id}/${f.path}`)!;
    const bad: ModelEntry = {
      ...e,
      id: 'corrupt/model',
      files: [{ ...f, sha256: sha(source) }],
      dtypes: { webgpu: 'fp32', wasm: 'fp32' },
    };
    const path = `/corrupt/model/resolve/main/${f.path}`;
    const corruptHub = await startFakeHub(new Map([[path, source]]), { corrupt: new Set([path]) });
    const out = join(work, 'corrupt');
    try {
      await assert.rejects(
        mirrorModels([bad], { hub: corruptHub.url, out, ...fast }),
        (err: unknown) =>
          isKlarError(err, 'integrity-failed') && /sha256 .* the manifest says/.test(err.message),
      );
    } finally {
      await corruptHub.close();
    }
    assert.equal(existsSync(join(out, 'corrupt/model', f.path)), false);
    assert.equal(existsSync(join(out, 'corrupt/model', `${f.path}.part`)), false);
    assert.equal(existsSync(join(out, 'manifest.json')), false);
  });

  it('gives up after the bounded attempts, keeping the .part to resume later', async () => {
    const big = randomBytes(64_000);
    const path = '/org/flaky/resolve/main/onnx/model.onnx';
    const flaky = await startFakeHub(new Map([[path, big]]), { cutAlways: new Set([path]) });
    const entry: ModelEntry = {
      id: 'org/flaky',
      task: 'translation',
      role: 'default',
      name: 'flaky',
      languages: ['sv'],
      license: 'mit',
      dtypes: { webgpu: 'fp32', wasm: 'fp32' },
      files: [{ path: 'onnx/model.onnx', size: big.length }],
    };
    const out = join(work, 'flaky');
    try {
      await assert.rejects(
        mirrorModels([entry], { hub: flaky.url, out, ...fast }),
        (err: unknown) =>
          isKlarError(err, 'download-failed') && /after 3 attempts.*resumes/.test(err.message),
      );
      assert.equal(flaky.requests.length, 3);
      assert.ok(existsSync(join(out, 'org/flaky/onnx/model.onnx.part')));
      assert.equal(existsSync(join(out, 'org/flaky/onnx/model.onnx')), false);
    } finally {
      await flaky.close();
    }
  });

  it('stops at once on HTTP 404 with a hint', async () => {
    const empty = await startFakeHub(new Map());
    const entry: ModelEntry = {
      ...entries[0]!,
      id: 'org/missing',
      source: { hub: 'huggingface', repo: 'org/missing', revision: 'abc123' },
    };
    try {
      await assert.rejects(
        mirrorModels([entry], { hub: empty.url, out: join(work, 'missing'), ...fast }),
        (err: unknown) =>
          isKlarError(err, 'download-failed') && /HTTP 404.*pinned revision/.test(err.message),
      );
      assert.equal(empty.requests.length, 1);
      assert.match(empty.requests[0]?.path ?? '', /^\/org\/missing\/resolve\/abc123\//);
    } finally {
      await empty.close();
    }
  });
});

describe('mirror pins revisions', () => {
  it('records the commit a branch name resolved to (X-Repo-Commit)', async () => {
    const commit = 'c0ffee'.padEnd(40, '0');
    const body = Buffer.from('{"model_type":"marian"}');
    const path = '/org/pinme/resolve/main/config.json';
    const pinHub = await startFakeHub(new Map([[path, body]]), { commit });
    const entry: ModelEntry = {
      id: 'org/pinme',
      task: 'translation',
      role: 'default',
      name: 'pin me',
      languages: ['sv', 'en'],
      license: 'mit',
      source: { hub: 'huggingface', repo: 'org/pinme', revision: 'main' },
      dtypes: { webgpu: 'fp32', wasm: 'fp32' },
      files: [{ path: 'config.json', size: 999 }],
      verified: false,
    };
    try {
      const out = await mirrorModels([entry], { hub: pinHub.url, out: join(work, 'pin'), ...fast });
      const m = out.models[0]!;
      assert.equal(m.source?.revision, commit);
      assert.equal(m.verified, undefined);
      assert.deepEqual(m.files, [{ path: 'config.json', size: body.length, sha256: sha(body) }]);
    } finally {
      await pinHub.close();
    }
  });
});

describe('mirror CLI', () => {
  it('parses arguments and rejects bad ones', () => {
    const a = parseMirrorArgs([
      'translation',
      '--out',
      'd',
      '--dtype',
      'q4f16, q8',
      '--hub',
      'http://h/',
    ]);
    assert.deepEqual(a.dtypes, ['q4f16', 'q8']);
    assert.equal(a.hub, 'http://h');
    assert.equal(a.manifest, 'models/manifest.json');
    assert.throws(
      () => parseMirrorArgs(['translation']),
      (e: unknown) => isKlarError(e, 'invalid-input'),
    );
    assert.throws(
      () => parseMirrorArgs(['x', '--out', 'd', '--dtype', 'q3']),
      /Unknown dtype "q3"/,
    );
    assert.throws(() => parseMirrorArgs(['x', '--out', 'd', '--bogus']), /Usage/);
  });

  it('selects a task default, its alternative on request, or an id', () => {
    const m: ModelManifest = {
      version: 1,
      models: [
        { ...entries[0]!, id: 'a/default', task: 'translation', role: 'default' },
        { ...entries[0]!, id: 'a/alt', task: 'translation', role: 'alternative' },
        { ...entries[0]!, id: 'a/back', task: 'translation', role: 'default' },
        { ...entries[0]!, id: 'b/alt', task: 'language-identification', role: 'alternative' },
      ],
    };
    assert.deepEqual(
      selectEntries(m, ['translation']).map((e) => e.id),
      ['a/default', 'a/back'],
    );
    assert.deepEqual(
      selectEntries(m, ['language-identification']).map((e) => e.id),
      ['b/alt'],
    );
    assert.deepEqual(
      selectEntries(m, ['translation'], true).map((e) => e.id),
      ['a/default', 'a/back', 'a/alt'],
    );
    assert.deepEqual(
      selectEntries(m, ['a/alt']).map((e) => e.id),
      ['a/alt'],
    );
    assert.throws(
      () => selectEntries(m, ['nope']),
      (e: unknown) => isKlarError(e, 'model-not-found'),
    );
  });

  it('runs end to end: npm run models:mirror -- <id> --out <dir>', async () => {
    const src = join(work, 'cli-source.json');
    await mkdir(work, { recursive: true });
    await writeFile(src, JSON.stringify({ version: 1, models: entries }));
    const out = join(work, 'cli-out');
    const cli = join(root, 'models/tools/mirror/cli.ts');
    const run = (args: string[]) =>
      new Promise<{ code: number | null; text: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root });
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.stderr.on('data', (d) => (text += d));
        child.on('close', (code) => resolve({ code, text }));
      });
    const ok = await run([entries[0]!.id, '--out', out, '--hub', hub.url, '--manifest', src]);
    assert.equal(ok.code, 0, ok.text);
    assert.match(ok.text, /Wrote .*manifest\.json/);
    assert.equal(
      parseManifest(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).models.length,
      1,
    );
    const bad = await run(['no-such-model', '--out', out, '--hub', hub.url, '--manifest', src]);
    assert.equal(bad.code, 1);
    assert.match(bad.text, /model-not-found: "no-such-model"/);
  });
});
