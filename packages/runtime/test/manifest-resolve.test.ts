import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKlarError } from '../src/errors.js';
import type { ModelEntry, ModelManifest } from '../src/manifest/index.js';
import {
  availabilityOf,
  defaultModelFor,
  memoryBudgetBytes,
  modelDownloadBytes,
  resolveModel,
} from '../src/manifest/index.js';

const shared = [
  { path: 'config.json', size: 1_000 },
  { path: 'tokenizer.json', size: 9_000 },
];

function llm(id: string, role: ModelEntry['role'], scale: number): ModelEntry {
  return {
    id,
    task: 'text-generation',
    role,
    name: id,
    languages: ['sv'],
    license: 'apache-2.0',
    dtypes: { webgpu: 'q4f16', wasm: 'q8' },
    files: [
      ...shared,
      { path: 'onnx/model_q4f16.onnx', size: 400 * scale, dtype: 'q4f16' },
      { path: 'onnx/model_q4.onnx', size: 500 * scale, dtype: 'q4' },
      { path: 'onnx/model_quantized.onnx', size: 600 * scale, dtype: 'q8' },
    ],
  };
}

const onlyF16AndQ8: ModelEntry = {
  ...llm('org/f16-only', 'alternative', 1),
  task: 'translation',
  files: [
    ...shared,
    { path: 'onnx/model_q4f16.onnx', size: 40, dtype: 'q4f16' },
    { path: 'onnx/model_quantized.onnx', size: 60, dtype: 'q8' },
  ],
};

const manifest: ModelManifest = {
  version: 1,
  models: [
    llm('fixtures/tiny', 'fixture', 1),
    llm('org/big', 'default', 1_000_000),
    llm('org/small', 'alternative', 100_000),
    onlyF16AndQ8,
    { ...llm('fixtures/ner', 'fixture', 1), task: 'token-classification' },
  ],
};

function rejects(fn: () => unknown, code: Parameters<typeof isKlarError>[1], re: RegExp): void {
  assert.throws(fn, (e: unknown) => isKlarError(e, code) && re.test(e.message));
}

describe('resolveModel', () => {
  it('resolves the default by task with the backend dtype and only its files', () => {
    const r = resolveModel(manifest, { task: 'text-generation', backend: 'webgpu' });
    assert.equal(r.entry.id, 'org/big');
    assert.equal(r.dtype, 'q4f16');
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['config.json', 'tokenizer.json', 'onnx/model_q4f16.onnx'],
    );
    assert.equal(r.downloadBytes, 10_000 + 400_000_000);
    assert.equal(resolveModel(manifest, { task: 'text-generation', backend: 'wasm' }).dtype, 'q8');
  });

  it('falls back from q4f16 to q4 on WebGPU without shader-f16, else to the wasm dtype', () => {
    const r = resolveModel(manifest, { id: 'org/big', backend: 'webgpu', supportsFp16: false });
    assert.equal(r.dtype, 'q4');
    assert.ok(r.files.some((f) => f.path === 'onnx/model_q4.onnx'));
    const t = resolveModel(manifest, {
      id: 'org/f16-only',
      backend: 'webgpu',
      supportsFp16: false,
    });
    assert.equal(t.dtype, 'q8');
    assert.equal(t.downloadBytes, 10_000 + 60);
    const wasm = resolveModel(manifest, { id: 'org/big', backend: 'wasm', supportsFp16: false });
    assert.equal(wasm.dtype, 'q8');
  });

  it('refuses a model over the budget and names a smaller one that fits', () => {
    rejects(
      () =>
        resolveModel(manifest, {
          task: 'text-generation',
          backend: 'webgpu',
          maxModelBytes: 300_000_000,
        }),
      'model-too-large',
      /org\/big.*400 MB.*300 MB.*Raise maxModelBytes.*org\/small/,
    );
    const fits = resolveModel(manifest, {
      id: 'org/small',
      backend: 'webgpu',
      maxModelBytes: 300_000_000,
    });
    assert.equal(fits.downloadBytes, 40_010_000);
  });

  it('throws model-not-found with guidance for unknown ids, task mismatch and fixture-only tasks', () => {
    rejects(
      () => resolveModel(manifest, { id: 'nope', backend: 'wasm' }),
      'model-not-found',
      /nope.*Known ids/,
    );
    rejects(
      () => resolveModel(manifest, { id: 'org/big', task: 'translation', backend: 'wasm' }),
      'model-not-found',
      /text-generation model, not translation/,
    );
    rejects(
      () => resolveModel(manifest, { task: 'token-classification', backend: 'wasm' }),
      'model-not-found',
      /only a test fixture/,
    );
    rejects(
      () => resolveModel(manifest, { backend: 'wasm' }),
      'model-not-found',
      /task or a model id/,
    );
    const fx = resolveModel(manifest, {
      task: 'token-classification',
      backend: 'wasm',
      includeFixtures: true,
    });
    assert.equal(fx.entry.id, 'fixtures/ner');
  });
});

describe('defaultModelFor / modelDownloadBytes', () => {
  it('prefers default, then alternative, and fixtures only when asked', () => {
    assert.equal(defaultModelFor(manifest, 'text-generation')?.id, 'org/big');
    assert.equal(defaultModelFor(manifest, 'translation')?.id, 'org/f16-only');
    assert.equal(defaultModelFor(manifest, 'token-classification'), undefined);
    assert.equal(
      defaultModelFor(manifest, 'token-classification', { includeFixtures: true })?.id,
      'fixtures/ner',
    );
    assert.equal(
      defaultModelFor(manifest, 'language-identification', { includeFixtures: true }),
      undefined,
    );
  });

  it('sums shared files and the dtype files only', () => {
    assert.equal(modelDownloadBytes(onlyF16AndQ8, 'q4f16'), 10_040);
    assert.equal(modelDownloadBytes(onlyF16AndQ8, 'fp32'), 10_000);
  });
});

describe('translation direction', () => {
  const marian = (id: string, source: string, target: string): ModelEntry => ({
    ...onlyF16AndQ8,
    id,
    role: 'default',
    languages: [source, target],
    translation: { source, target },
  });
  const m: ModelManifest = {
    version: 1,
    models: [
      marian('x/sv-en', 'sv', 'en'),
      marian('x/en-sv', 'en', 'sv'),
      { ...onlyF16AndQ8, id: 'x/multi', languages: ['sv', 'en', 'de'] },
    ],
  };

  it('picks the model for the requested pair, multilingual ones for any pair they know', () => {
    const pick = (source: string, target: string) =>
      resolveModel(m, { task: 'translation', backend: 'wasm', translation: { source, target } })
        .entry.id;
    assert.equal(pick('sv', 'en'), 'x/sv-en');
    assert.equal(pick('en', 'sv'), 'x/en-sv');
    assert.equal(pick('de', 'sv'), 'x/multi');
    assert.equal(defaultModelFor(m, 'translation')?.id, 'x/sv-en');
    rejects(
      () =>
        resolveModel(m, {
          task: 'translation',
          backend: 'wasm',
          translation: { source: 'fi', target: 'sv' },
        }),
      'model-not-found',
      /no translation model for fi→sv/,
    );
  });
});

describe('availabilityOf', () => {
  it('maps engine facts to Writing Assistance API terms', () => {
    const base = {
      resolvable: true,
      cachedCompletely: false,
      downloading: false,
      backendAvailable: true,
    };
    assert.equal(availabilityOf(base), 'downloadable');
    assert.equal(availabilityOf({ ...base, downloading: true }), 'downloading');
    assert.equal(
      availabilityOf({ ...base, cachedCompletely: true, downloading: true }),
      'available',
    );
    assert.equal(
      availabilityOf({ ...base, resolvable: false, cachedCompletely: true }),
      'unavailable',
    );
    assert.equal(availabilityOf({ ...base, backendAvailable: false }), 'unavailable');
  });
});

describe('memoryBudgetBytes', () => {
  it('derives a budget from navigator.deviceMemory and none without it', () => {
    assert.equal(memoryBudgetBytes(undefined), undefined);
    assert.equal(memoryBudgetBytes({}), undefined);
    assert.equal(memoryBudgetBytes({ deviceMemory: 0.5 }), 100_000_000);
    assert.equal(memoryBudgetBytes({ deviceMemory: 1 }), 150_000_000);
    assert.equal(memoryBudgetBytes({ deviceMemory: 2 }), 300_000_000);
    assert.equal(memoryBudgetBytes({ deviceMemory: 4 }), 1_000_000_000);
    assert.equal(memoryBudgetBytes({ deviceMemory: 8 }), 2_500_000_000);
    assert.equal(memoryBudgetBytes({ deviceMemory: Number.NaN }), undefined);
  });
});
