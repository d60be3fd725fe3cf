// npm run models:mirror -- <task or id>... --out <dir>: copies model files from the hub to a
// directory the agency serves, and writes the manifest the runtime verifies against.
import { readFile } from 'node:fs/promises';
import { isKlarError } from '../../../packages/runtime/src/errors.js';
import { parseManifest } from '../../../packages/runtime/src/manifest/parse.js';
import { parseMirrorArgs, USAGE } from './args.js';
import { mirrorModels } from './mirror.js';
import { selectEntries } from './select.js';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseMirrorArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const source = parseManifest(JSON.parse(await readFile(args.manifest, 'utf8')));
  const entries = selectEntries(source, args.targets, args.alternatives);
  const token = process.env.HF_TOKEN;
  const manifest = await mirrorModels(entries, {
    hub: args.hub,
    out: args.out,
    attempts: args.retries,
    ...(args.dtypes ? { dtypes: args.dtypes } : {}),
    ...(token ? { token } : {}),
    log: (line) => console.log(line),
  });
  const ids = new Set(entries.map((e) => e.id));
  for (const m of manifest.models.filter((e) => ids.has(e.id))) {
    const bytes = m.files.reduce((s, f) => s + f.size, 0);
    console.log(
      `✓ ${m.id}: ${m.files.length} files, ${(bytes / 1e6).toFixed(1)} MB (${m.license})`,
    );
  }
  console.log(`Wrote ${args.out}/manifest.json`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(isKlarError(error) ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
