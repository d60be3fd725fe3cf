// `npm run build:packages`: builds every workspace package for publishing.
//
// In the repository the packages export their TypeScript source (the dev server, the browser
// tests and the node tests all run against source). Publishing uses a built copy instead:
//
//   dist/packages/<name>/package.json   exports → dist/*.js with .d.ts next to them
//   dist/packages/<name>/dist/**        ES modules, .d.ts, source maps (sources inlined)
//   dist/packages/<name>/README.md, LICENSE
//
// Publish with `npm publish dist/packages/<name>` (the source packages refuse `npm publish`).
// One tsc program compiles all packages, so cross-package imports resolve to source while
// declarations keep their `@klar/…` specifiers.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = resolve(repo, outArg > 0 ? process.argv[outArg + 1] : 'dist/packages');
const compiled = join(out, '.tsc');

const rootPkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
const packageDirs = rootPkg.workspaces.map((w) => join(repo, w));

/** Test code stays out of the published packages. */
const EXCLUDE = ['**/*.test.ts', '**/testing/**', '**/e2e/**'];

/** `@klar/<name>[/sub]` → that package's source, from its `exports` (not from node_modules links). */
const paths = {};
for (const dir of packageDirs) {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    const source = typeof value === 'string' ? value : (value.source ?? value.default);
    if (source?.endsWith('.ts'))
      paths[`${pkg.name}${key.slice(1)}`] = [relative(out, join(dir, source))];
  }
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const tsconfig = join(out, 'tsconfig.build.json');
await writeFile(
  tsconfig,
  JSON.stringify(
    {
      extends: relative(out, join(repo, 'tsconfig.base.json')),
      compilerOptions: {
        noEmit: false,
        rootDir: relative(out, join(repo, 'packages')),
        outDir: relative(out, compiled),
        declaration: true,
        declarationMap: false,
        sourceMap: true,
        inlineSources: true,
        incremental: false,
        composite: false,
        paths,
        // The config lives outside the repo (a temp folder in tests): find `types` in the repo's node_modules.
        typeRoots: [
          relative(out, join(repo, 'node_modules')),
          relative(out, join(repo, 'node_modules/@types')),
        ],
      },
      include: packageDirs.map((d) => `${relative(out, d)}/src/**/*.ts`),
      exclude: packageDirs.flatMap((d) => EXCLUDE.map((e) => `${relative(out, d)}/src/${e}`)),
    },
    null,
    2,
  ),
);
const tsc = spawnSync(
  process.execPath,
  [join(repo, 'node_modules/typescript/bin/tsc'), '-p', tsconfig],
  { cwd: repo, encoding: 'utf8' },
);
if (tsc.status !== 0) {
  console.error(`build:packages: tsc reported errors\n${tsc.stdout}${tsc.stderr}`);
  // Only for trying the packaging while someone else's change is half-way: never publish so.
  if (!process.argv.includes('--allow-type-errors')) process.exit(1);
}

/** `./src/x.ts` → `./dist/x.js` (or `.d.ts`). */
const built = (target, ext) => target.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, ext);

for (const dir of packageDirs) {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const name = dir.split(/[\\/]/).pop();
  const target = join(out, name);
  await cp(join(compiled, name, 'src'), join(target, 'dist'), { recursive: true });
  await rewriteWorkerUrls(join(target, 'dist'));
  await copyWorkletModules(join(dir, 'src'), join(target, 'dist'));

  const exports = {};
  for (const [key, value] of Object.entries(pkg.exports ?? { '.': pkg.main })) {
    const source = typeof value === 'string' ? value : (value.source ?? value.default);
    exports[key] = source.endsWith('.ts')
      ? { types: built(source, '.d.ts'), default: built(source, '.js') }
      : source;
  }
  const published = {
    ...pkg,
    main: exports['.']?.default ?? pkg.main,
    types: exports['.']?.types ?? pkg.types,
    exports,
    files: ['dist', 'README.md', 'LICENSE', ...(pkg.customElements ? [pkg.customElements] : [])],
    ...(Array.isArray(pkg.sideEffects)
      ? { sideEffects: pkg.sideEffects.map((s) => (s.endsWith('.ts') ? built(s, '.js') : s)) }
      : {}),
  };
  delete published.scripts;
  delete published.devDependencies;
  await writeFile(join(target, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  for (const extra of ['README.md', pkg.customElements].filter(Boolean)) {
    await cp(join(dir, extra), join(target, extra)).catch(() => {});
  }
  await writeFile(join(target, 'LICENSE'), await licenceText());
  console.log(`build:packages: ${pkg.name}@${pkg.version} → ${relative(repo, target)}`);
}
await rm(compiled, { recursive: true, force: true });
await rm(tsconfig, { force: true });

/**
 * The source starts its worker with `new URL('./worker.ts', import.meta.url)` (what Vite and the
 * test server load); the built file is `worker.js`. Bundlers find the worker by that pattern,
 * and without a bundler the URL resolves next to the module.
 */
async function rewriteWorkerUrls(dir) {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const code = await readFile(file, 'utf8');
    const fixed = code.replace(
      /new URL\((['"])(\.{1,2}\/[^'"]+)\.ts\1,\s*import\.meta\.url\)/g,
      (_m, q, path) => `new URL(${q}${path}.js${q}, import.meta.url)`,
    );
    if (fixed !== code) await writeFile(file, fixed);
  }
}

/**
 * AudioWorklet modules are plain JavaScript the browser loads by URL (`*.worklet.js`, found with
 * `new URL('./x.worklet.js', import.meta.url)`); tsc does not emit them, so they are copied as they are.
 */
async function copyWorkletModules(src, dest) {
  for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.worklet.js')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    await cp(file, join(dest, relative(src, file)));
  }
}

async function licenceText() {
  for (const name of ['LICENSE', 'LICENCE', 'LICENSE.md', 'LICENSE.txt']) {
    const text = await readFile(join(repo, name), 'utf8').catch(() => null);
    if (text) return text;
  }
  return 'Licensed under the EUPL-1.2 (European Union Public Licence v. 1.2).\nFull text: https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12\n';
}
