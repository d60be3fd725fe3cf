// Copies Silero VAD's weights out of the npm package that ships them into the model folder the
// runtime serves (models/snakers4/silero-vad/), with the MIT licence beside them, and writes
// their size and sha256 into models/manifest.json. The runtime fetches them from our own origin
// only, like every model. Usage: npm run models:vad
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelEntry, ModelManifest } from '../../../packages/runtime/src/manifest/types.js';
import { stableJson } from '../fixtures/stable-json.js';

export const VAD_ID = 'snakers4/silero-vad';
const PACKAGE = '@ricky0123/vad-web';
const FILE = 'silero_vad_v5.onnx';

// Silero VAD's licence (github.com/snakers4/silero-vad, LICENSE). The npm package is ISC and
// ships the weights without it, so it is written beside them here.
const MIT = `MIT License

Copyright (c) 2020-present Silero Team

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

const modelsDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the package's copy of the weights is, and the package's version. */
export function packagedWeights(): { path: string; version: string } {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return { path: join(dirname(packageJson), 'dist', FILE), version };
}

export function vadEntry(bytes: Uint8Array, version: string): ModelEntry {
  return {
    id: VAD_ID,
    task: 'voice-activity-detection',
    role: 'default',
    name: 'Silero VAD v5',
    languages: [],
    license: 'MIT',
    licenseUrl: 'https://github.com/snakers4/silero-vad/blob/master/LICENSE',
    npm: { package: PACKAGE, version, path: `dist/${FILE}` },
    dtypes: { webgpu: 'fp32', wasm: 'fp32' },
    files: [
      {
        path: FILE,
        dtype: 'fp32',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    ],
    reason:
      'Language-independent speech detection on 32 ms frames at 16 kHz. Runs on WASM on every device: one small step per frame costs less on the CPU than a GPU dispatch.',
  };
}

function main(): void {
  const { path, version } = packagedWeights();
  const folder = join(modelsDir, ...VAD_ID.split('/'));
  mkdirSync(folder, { recursive: true });
  copyFileSync(path, join(folder, FILE));
  writeFileSync(join(folder, 'LICENSE'), MIT);
  const entry = vadEntry(readFileSync(path), version);
  const manifestPath = join(modelsDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest;
  const models = manifest.models.filter((m) => m.id !== VAD_ID);
  const at = manifest.models.findIndex((m) => m.id === VAD_ID);
  models.splice(at < 0 ? models.length : at, 0, entry);
  writeFileSync(manifestPath, stableJson({ ...manifest, models }));
  console.log(`${join(folder, FILE)}: ${entry.files[0]?.size} bytes from ${PACKAGE}@${version}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
