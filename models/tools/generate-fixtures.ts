// Generates the random-weight test models under models/fixtures and their manifest entries.
// Usage: npm run models:fixtures [-- --out <dir>] [--manifest <path> | --no-manifest]
// The manifest is updated by default only when writing to the default folder.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAllFixtures } from './fixtures/all.js';
import { updateManifestFile } from './fixtures/manifest.js';
import { describeFiles, writeFixture } from './fixtures/write-folder.js';

const modelsDir = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_OUT = resolve(modelsDir, 'fixtures');
const DEFAULT_MANIFEST = resolve(modelsDir, 'manifest.json');

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      manifest: { type: 'string' },
      'no-manifest': { type: 'boolean', default: false },
    },
  });
  const out = resolve(values.out ?? DEFAULT_OUT);
  const manifest = values['no-manifest']
    ? undefined
    : (values.manifest ?? (out === DEFAULT_OUT ? DEFAULT_MANIFEST : undefined));

  const fixtures = buildAllFixtures();
  for (const fixture of fixtures) {
    const dir = writeFixture(out, fixture);
    const total = describeFiles(fixture).reduce((sum, f) => sum + f.size, 0);
    console.log(`${dir}: ${fixture.files.size} files, ${total} bytes`);
  }
  if (manifest) {
    updateManifestFile(resolve(manifest), fixtures);
    console.log(`updated ${manifest}`);
  }
}

main();
