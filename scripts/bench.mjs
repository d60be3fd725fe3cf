// Runs every benchmark script and prints their figures. Benchmarks print; they never assert on time.
// Node benchmarks: packages/*/bench/*.bench.ts. Browser benchmarks: test/bench/*.bench.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const list = (dir, re) => {
  try {
    return readdirSync(dir)
      .filter((f) => re.test(f))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
};
const files = [
  ...readdirSync('packages').flatMap((p) => list(join('packages', p, 'bench'), /\.bench\.ts$/)),
  ...list(join('test', 'bench'), /\.bench\.(mjs|ts)$/),
].filter((f) => !only || f.includes(only));

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
