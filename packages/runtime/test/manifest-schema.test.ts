import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Dtype, ModelEntry } from '../src/manifest/index.js';
import { memoryBudgetBytes, parseManifest, resolveModel, TASKS } from '../src/manifest/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'));
const schema = read('models/manifest.schema.json') as Record<string, unknown>;
const manifestJson = read('models/manifest.json');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/* transformers.js file names: `<name>[_suffix].onnx`, the suffix chosen by dtype. */
const SUFFIX: Record<Dtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  bnb4: '_bnb4',
  q4f16: '_q4f16',
};

describe('models/manifest.json', () => {
  it('validates against models/manifest.schema.json', () => {
    assert.ok(validate(manifestJson), JSON.stringify(validate.errors, null, 2));
  });

  it('passes the runtime loader as well', () => {
    assert.doesNotThrow(() => parseManifest(manifestJson));
  });

  const manifest = parseManifest(manifestJson);
  const real = manifest.models.filter((m) => m.role !== 'fixture');
  /** Hub models; the rest ship in an npm package (`npm`) and are plain ONNX Runtime sessions. */
  const fromHub = real.filter((m) => !m.npm);

  it('has a real default model for every task', () => {
    for (const task of TASKS) {
      assert.ok(
        real.some((m) => m.task === task && m.role === 'default'),
        `no default model for ${task}`,
      );
    }
  });

  it('mirrors the hub layout: id equals source.repo for real models', () => {
    for (const m of fromHub) assert.equal(m.source?.repo, m.id, m.id);
  });

  it('names the npm package, exact version and file of models that ship in one', () => {
    for (const m of real.filter((x) => x.npm)) {
      assert.equal(m.source, undefined, `${m.id} comes from npm, not a hub`);
      assert.match(m.npm?.version ?? '', /^\d+\.\d+\.\d+$/, `${m.id}: an exact version`);
      assert.ok(
        m.files.every((f) => f.sha256 && m.npm?.path.endsWith(`/${f.path}`)),
        `${m.id}: each file is the package's file, with a sha256`,
      );
    }
  });

  it('names every ONNX file after its dtype and lists weights for both backends', () => {
    const check = (m: ModelEntry) => {
      for (const f of m.files.filter((x) => x.path.endsWith('.onnx'))) {
        assert.ok(f.dtype, `${m.id}/${f.path} has no dtype`);
        const stem = f.path.replace(/\.onnx$/, '');
        const suffix = SUFFIX[f.dtype];
        const others = Object.values(SUFFIX).filter((s) => s && s !== suffix);
        assert.ok(
          stem.endsWith(suffix) && !others.some((s) => stem.endsWith(s)),
          `${m.id}/${f.path} ≠ ${f.dtype}`,
        );
      }
      if (m.npm) return; // a plain ONNX Runtime session: no config or tokenizer
      for (const need of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
        assert.ok(
          m.files.some((f) => f.path === need),
          `${m.id} lacks ${need}`,
        );
      }
    };
    real.forEach(check);
  });

  it('claims verified only with a pinned commit and a sha256 for every file', () => {
    for (const m of fromHub.filter((x) => x.verified !== false)) {
      assert.match(m.source?.revision ?? '', /^[0-9a-f]{40}$/, m.id);
      assert.ok(
        m.files.every((f) => f.sha256),
        `${m.id} has files without sha256`,
      );
    }
  });
});

describe('resolving the shipped manifest', () => {
  const manifest = parseManifest(manifestJson);

  it('resolves every task on every backend, with and without shader-f16', () => {
    for (const task of TASKS) {
      for (const backend of ['webgpu', 'wasm'] as const) {
        for (const supportsFp16 of [true, false]) {
          const r = resolveModel(manifest, { task, backend, supportsFp16 });
          assert.ok(
            r.files.some((f) => f.dtype === r.dtype),
            `${task}/${backend}: no ${r.dtype} weights`,
          );
          if (!supportsFp16)
            assert.ok(!['fp16', 'q4f16'].includes(r.dtype), `${task}: f16 without shader-f16`);
        }
      }
    }
  });

  it('points a 4 GB device at the smaller LLM instead of the default', () => {
    const maxModelBytes = memoryBudgetBytes({ deviceMemory: 4 });
    assert.throws(
      () => resolveModel(manifest, { task: 'text-generation', backend: 'webgpu', maxModelBytes }),
      /Raise maxModelBytes.*Qwen2\.5-0\.5B-Instruct/,
    );
  });
});

describe('manifest.schema.json agrees with parseManifest', () => {
  const base = {
    version: 1,
    models: [
      {
        id: 'org/m',
        task: 'translation',
        role: 'default',
        name: 'm',
        languages: ['sv'],
        license: 'mit',
        dtypes: { webgpu: 'q8', wasm: 'q8' },
        files: [{ path: 'onnx/model_quantized.onnx', size: 1, dtype: 'q8' }],
      },
    ],
  };
  const withFile = (file: Record<string, unknown>) => ({
    ...base,
    models: [{ ...base.models[0], files: [file] }],
  });

  for (const [label, json] of [
    ['a parent-directory path', withFile({ path: '../x.onnx', size: 1 })],
    ['an absolute path', withFile({ path: '/x.onnx', size: 1 })],
    ['an upper-case sha256', withFile({ path: 'a', size: 1, sha256: 'A'.repeat(64) })],
    ['a negative size', withFile({ path: 'a', size: -1 })],
    ['an unknown dtype', withFile({ path: 'a', size: 1, dtype: 'q3' })],
    ['version 2', { ...base, version: 2 }],
  ] as const) {
    it(`both reject ${label}`, () => {
      assert.equal(validate(json), false);
      assert.throws(() => parseManifest(json));
    });
  }

  it('both accept the minimal entry', () => {
    assert.ok(validate(base), JSON.stringify(validate.errors));
    assert.doesNotThrow(() => parseManifest(base));
  });
});
