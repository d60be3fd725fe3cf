// Size budgets of the no-build bundle (npm run build:embed), printed per entry: the JavaScript a
// page loads before the first AI use (the entry and its static imports), raw / gzip / brotli.
// Also checks what the main thread can ever load (static and dynamic imports, never the worker)
// for transformers.js / ONNX Runtime, and that each runtime file is emitted once.
// Prints; exits non-zero only if the bundle cannot be built.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUDGET = {
  'klar-summary.js': 25_000,
  'klar-dictate.js': 25_000,
  'klar-translate.js': 25_000,
  'klar.js': 40_000,
}; // gzip bytes, before first AI use
const ML_RUNTIME =
  /node_modules\/(@huggingface\/transformers|onnxruntime-web|onnxruntime-common)\//;

const out = await mkdtemp(join(tmpdir(), 'klar-bundle-bench-'));
const build = spawnSync(process.execPath, ['scripts/build-embed.mjs', '--out', out], {
  cwd: repo,
  encoding: 'utf8',
});
if (build.status !== 0) {
  console.error(`build:embed failed:\n${build.stdout}\n${build.stderr}`.slice(-3000));
  process.exit(1);
}
await init;

const sources = new Map();
const read = async (file) => {
  if (!sources.has(file)) sources.set(file, await readFile(join(out, file), 'utf8'));
  return sources.get(file);
};
/** Files reachable from `entry`; with `dynamic`, through import() too. */
async function closure(entry, dynamic) {
  const seen = new Set();
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await read(file);
    const [imports] = parse(code);
    for (const imp of imports) {
      // A dynamic import with a template literal has no parsed name: read it from the source.
      const name = imp.n ?? /^[`'"](\.[^`'"$]+)[`'"]$/.exec(code.slice(imp.s, imp.e))?.[1];
      if (!name?.startsWith('.') || (imp.d > -1 && !dynamic)) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), name));
      // The in-thread engine is only for createKlar({ worker: false }); elements never ask for it.
      if (/(^|\/)local-engine-[\w-]+\.js$/.test(target)) continue;
      await visit(target);
    }
  };
  await visit(entry);
  return [...seen];
}
const sizes = (files) => {
  const text = Buffer.from(files.map((f) => sources.get(f)).join('\n'));
  return {
    raw: text.length,
    gzip: gzipSync(text, { level: 9 }).length,
    brotli: brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const kB = (n) => `${(n / 1000).toFixed(1)} kB`.padStart(9);

const entries = (await readdir(out))
  .filter((f) => /^klar(-[a-z-]+)?\.js$/.test(f) && f !== 'klar-worker.js')
  .sort();
console.log('JavaScript loaded before the first AI use (entry + static imports):');
console.log(
  `${'entry'.padEnd(24)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}  budget (gzip)`,
);
for (const entry of entries) {
  const s = sizes(await closure(entry, false));
  const budget = BUDGET[entry];
  const verdict = budget
    ? `${kB(budget)} ${s.gzip <= budget ? 'OK' : `OVER by ${kB(s.gzip - budget).trim()}`}`
    : '';
  console.log(`${entry.padEnd(24)}${kB(s.raw)}${kB(s.gzip)}${kB(s.brotli)}  ${verdict}`);
}

// The main thread: everything reachable from klar.js, lazily loaded parts included (except the
// in-thread engine, which only createKlar({ worker: false }) loads).
const mainThread = await closure('klar.js', true);
const onMain = [];
for (const file of mainThread) {
  const map = JSON.parse(await readFile(join(out, `${file}.map`), 'utf8').catch(() => '{}'));
  if ((map.sources ?? []).some((s) => ML_RUNTIME.test(s))) onMain.push(file);
}
const lazy = sizes(mainThread);
console.log(
  `\nmain thread, all code it can ever load (incl. dynamic imports): ${kB(lazy.raw).trim()} raw, ${kB(lazy.gzip).trim()} gzip`,
);
console.log(
  `transformers.js / ONNX Runtime on the main thread: ${onMain.length ? `YES, in ${onMain.join(', ')} (budget: never)` : 'none (OK)'}`,
);
const worker = sizes([await read('klar-worker.js').then(() => 'klar-worker.js')]);
console.log(
  `worker (klar-worker.js): ${kB(worker.raw).trim()} raw, ${kB(worker.gzip).trim()} gzip`,
);

const all = [];
const walk = async (dir) => {
  for (const e of await readdir(join(out, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) await walk(path);
    else all.push(path);
  }
};
await walk('');
const wasm = all.filter((f) => f.endsWith('.wasm'));
const wasmBytes = await Promise.all(wasm.map((f) => readFile(join(out, f))));
console.log(
  `runtime files: ${wasm.map((f, i) => `${f} (${(wasmBytes[i].length / 1e6).toFixed(1)} MB raw, ${(gzipSync(wasmBytes[i], { level: 6 }).length / 1e6).toFixed(1)} MB gzip)`).join(', ')} — ${
    new Set(wasmBytes.map((b) => createHash('sha256').update(b).digest('hex'))).size === wasm.length
      ? 'each emitted once (OK)'
      : 'a build emitted twice (budget: once)'
  }`,
);
const base64Wasm = [...sources.values()].some((s) => s.includes('data:application/wasm;base64'));
console.log(
  `base64-inlined .wasm in JavaScript: ${base64Wasm ? 'YES (budget: none)' : 'none (OK)'}`,
);
await rm(out, { recursive: true, force: true });
