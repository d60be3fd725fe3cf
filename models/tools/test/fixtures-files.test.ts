// The committed fixtures are exactly what the generator produces, small, and listed in the
// manifest with matching sizes and hashes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildAllFixtures } from '../fixtures/all.js';
import { fixtureEntry, upsertFixtures } from '../fixtures/manifest.js';
import { sha256 } from '../fixtures/write-folder.js';

const modelsDir = fileURLToPath(new URL('../../', import.meta.url));
const fixturesDir = join(modelsDir, 'fixtures');
const generator = fileURLToPath(new URL('../generate-fixtures.ts', import.meta.url));
const MAX_MODEL_BYTES = 1024 * 1024;

interface Manifest {
  version: number;
  models: { id: string; files: { path: string; size: number; sha256: string; dtype?: string }[] }[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

const fixtures = buildAllFixtures();
const tmp = mkdtempSync(join(tmpdir(), 'klar-fixtures-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('the CLI regenerates every committed fixture file byte for byte', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', generator, '--out', tmp], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  for (const fixture of fixtures) {
    const committed = join(fixturesDir, fixture.folder);
    const fresh = join(tmp, fixture.folder);
    assert.deepEqual(listFiles(committed), listFiles(fresh), `${fixture.folder}: file list`);
    for (const path of listFiles(fresh)) {
      const same = readFileSync(join(committed, path)).equals(readFileSync(join(fresh, path)));
      assert.ok(same, `${fixture.folder}/${path} differs: run npm run models:fixtures`);
    }
  }
  assert.deepEqual(readdirSync(fixturesDir).sort(), fixtures.map((f) => f.folder).sort());
});

test('building twice in one process gives identical bytes', () => {
  const again = buildAllFixtures();
  for (const [i, fixture] of fixtures.entries()) {
    for (const [path, bytes] of fixture.files) {
      assert.equal(sha256(again[i]!.files.get(path)!), sha256(bytes), path);
    }
  }
});

test('each fixture model is under 1 MB', () => {
  for (const fixture of fixtures) {
    const dir = join(fixturesDir, fixture.folder);
    const total = listFiles(dir).reduce((sum, p) => sum + statSync(join(dir, p)).size, 0);
    assert.ok(total < MAX_MODEL_BYTES, `${fixture.folder}: ${total} bytes`);
  }
});

test('manifest entries match the files on disk', () => {
  const manifest = JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8')) as Manifest;
  assert.equal(manifest.version, 1);
  for (const fixture of fixtures) {
    const entry = manifest.models.find((m) => m.id === `fixtures/${fixture.folder}`);
    assert.ok(entry, `manifest lacks fixtures/${fixture.folder}`);
    assert.deepEqual({ ...entry }, fixtureEntry(fixture));
    const dir = join(modelsDir, entry.id);
    assert.deepEqual(entry.files.map((f) => f.path).sort(), listFiles(dir));
    for (const file of entry.files) {
      const bytes = readFileSync(join(dir, file.path));
      assert.equal(file.size, bytes.byteLength, file.path);
      assert.equal(file.sha256, sha256(bytes), file.path);
      assert.equal(file.dtype, file.path.endsWith('.onnx') ? 'fp32' : undefined, file.path);
    }
  }
  assert.equal(relative(modelsDir, fixturesDir), 'fixtures');
});

test('manifest update keeps other models and their order', () => {
  const other = { id: 'onnx-community/some-model', task: 'translation', files: [] };
  const before = JSON.stringify({
    version: 1,
    models: [other, { id: 'fixtures/klar-tiny-llama' }],
  });
  const next = JSON.parse(upsertFixtures(before, fixtures));
  assert.deepEqual(
    next.models.map((m: { id: string }) => m.id),
    ['onnx-community/some-model', ...fixtures.map((f) => `fixtures/${f.folder}`)],
  );
  assert.deepEqual(next.models[0], other);
  const text = upsertFixtures(null, fixtures);
  assert.ok(text.endsWith('}\n'));
  assert.equal(upsertFixtures(text, fixtures), text, 'idempotent');
});
