import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ModelManifest } from '../../../packages/runtime/src/manifest/types.js';
import { packagedWeights, VAD_ID, vadEntry } from '../vad/copy-silero-vad.js';

const modelsDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));

describe('Silero VAD weights (npm run models:vad)', () => {
  const { path, version } = packagedWeights();
  const packaged = readFileSync(path);

  it('the served copy is byte for byte the npm package file', () => {
    const served = readFileSync(join(modelsDir, VAD_ID, 'silero_vad_v5.onnx'));
    assert.ok(served.equals(packaged), 'run npm run models:vad after updating the package');
    assert.match(readFileSync(join(modelsDir, VAD_ID, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('the manifest entry has its exact size, sha256 and npm version', () => {
    const manifest = JSON.parse(
      readFileSync(join(modelsDir, 'manifest.json'), 'utf8'),
    ) as ModelManifest;
    const entry = manifest.models.find((m) => m.id === VAD_ID);
    assert.deepEqual(entry, vadEntry(packaged, version));
  });
});
