// Runs the node-only unit tests (pure code) with Node's own test runner.
// Node 20 has neither `--test` globs nor TypeScript stripping, so we list the files and load tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = [
  ...readdirSync('packages').map((p) => join('packages', p, 'test')),
  join('models', 'tools', 'test'),
  join('scripts', 'test'),
  join('demos', 'test'),
];

function collect(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'browser' ? [] : collect(path);
    return /\.test\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

const files = roots.flatMap(collect).sort();
if (files.length === 0) {
  console.error('No node tests found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
