import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKlarError } from '../src/errors.js';
import { loadManifest, parseManifest } from '../src/manifest/index.js';

function valid(): Record<string, unknown> {
  return {
    version: 1,
    models: [
      {
        id: 'org/model',
        task: 'translation',
        role: 'default',
        name: 'Model',
        languages: ['sv', 'en'],
        license: 'cc-by-4.0',
        source: { hub: 'huggingface', repo: 'org/model', revision: 'abc' },
        dtypes: { webgpu: 'q8', wasm: 'q8' },
        files: [
          { path: 'config.json', size: 10 },
          { path: 'onnx/model_quantized.onnx', size: 20, sha256: 'a'.repeat(64), dtype: 'q8' },
        ],
      },
    ],
  };
}

function mutate(fn: (entry: Record<string, unknown>) => void): unknown {
  const m = valid();
  fn((m.models as Record<string, unknown>[])[0]!);
  return m;
}

function invalid(json: unknown, field: RegExp): void {
  assert.throws(
    () => parseManifest(json),
    (e: unknown) => isKlarError(e, 'invalid-manifest') && field.test(e.message),
  );
}

describe('parseManifest', () => {
  it('accepts a valid manifest and returns it typed', () => {
    const m = parseManifest(valid());
    assert.equal(m.models[0]?.files[1]?.dtype, 'q8');
  });

  it('names the bad field', () => {
    invalid(null, /manifest must be an object/);
    invalid({ version: 2, models: [] }, /version must be 1/);
    invalid({ version: 1 }, /models must be an array/);
    invalid(
      mutate((e) => {
        e.task = 'chat';
      }),
      /models\[0\]\.task must be one of/,
    );
    invalid(
      mutate((e) => {
        e.role = 'main';
      }),
      /models\[0\]\.role/,
    );
    invalid(
      mutate((e) => {
        e.languages = 'sv';
      }),
      /models\[0\]\.languages/,
    );
    invalid(
      mutate((e) => {
        e.source = { hub: 'gitlab', repo: 'x', revision: 'y' };
      }),
      /source\.hub/,
    );
    invalid(
      mutate((e) => {
        e.dtypes = { webgpu: 'q3', wasm: 'q8' };
      }),
      /dtypes\.webgpu/,
    );
    invalid(
      mutate((e) => {
        e.dtypes = { webgpu: 'q4f16', wasm: 'q8' };
      }),
      /dtypes\.webgpu names a dtype with no files/,
    );
    invalid(
      mutate((e) => {
        e.files = [];
      }),
      /models\[0\]\.files must be a non-empty array/,
    );
    invalid(
      mutate((e) => {
        (e.files as Record<string, unknown>[])[1]!.size = -1;
      }),
      /files\[1\]\.size/,
    );
    invalid(
      mutate((e) => {
        (e.files as Record<string, unknown>[])[1]!.sha256 = 'ABC';
      }),
      /files\[1\]\.sha256/,
    );
    invalid(
      mutate((e) => {
        (e.files as Record<string, unknown>[])[0]!.path = '../etc/passwd';
      }),
      /files\[0\]\.path must be a relative path/,
    );
    invalid(
      mutate((e) => {
        (e.files as Record<string, unknown>[])[0]!.path = 'onnx/model_quantized.onnx';
      }),
      /is listed twice/,
    );
    invalid(
      mutate((e) => {
        e.verified = 'no';
      }),
      /verified must be a boolean/,
    );
    const twice = valid();
    (twice.models as unknown[]).push((twice.models as unknown[])[0]);
    invalid(twice, /models\[1\]\.id is used by an earlier entry/);
  });
});

describe('loadManifest', () => {
  const respond =
    (body: string, status = 200) =>
    async () =>
      new Response(body, { status });

  it('fetches and parses', async () => {
    const m = await loadManifest('/models/manifest.json', respond(JSON.stringify(valid())));
    assert.equal(m.models.length, 1);
  });

  it('reports HTTP errors, bad JSON and network failures with codes', async () => {
    await assert.rejects(
      loadManifest('/m.json', respond('nope', 404)),
      (e: unknown) => isKlarError(e, 'download-failed') && /HTTP 404/.test(e.message),
    );
    await assert.rejects(loadManifest('/m.json', respond('{')), (e: unknown) =>
      isKlarError(e, 'invalid-manifest'),
    );
    const offline = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    await assert.rejects(loadManifest('/m.json', offline), (e: unknown) =>
      isKlarError(e, 'download-failed'),
    );
  });
});
