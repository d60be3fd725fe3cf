// `npm run build:embed`: writes the no-build bundle an agency copies to its server as /klar/.
//
//   klar.js                   registers every element
//   klar-<element>.js         one entry per element (stable names, no hashes)
//   klar-worker.js            the module worker (the only code that loads transformers.js/ORT)
//   ort-wasm-simd-threaded{,.asyncify}.{mjs,wasm} exactly the ONNX Runtime files the worker loads
//   chunks/                   shared code (hashed names; only the entries are a contract)
//   manifest.template.json    a models/manifest.json to start from (copy to /models/manifest.json)
//   LICENSE.txt, THIRD-PARTY-LICENSES.txt
//
// Each entry finds the worker and the ONNX Runtime files next to itself (import.meta.url); the
// page may move them with <meta name="klar-runtime-base" content="/some/folder/">.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { noSecondOrtCopy } from './no-second-ort-copy.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(
  repo,
  process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'dist/klar',
);
const require = createRequire(join(repo, 'package.json'));

/**
 * The ONNX Runtime files the runtime requests (packages/runtime/src/backend/ort-build.ts): the
 * CPU build's pair on devices without WebGPU, the WebGPU (asyncify) build's pair otherwise; a
 * worker loads one pair. test/embed checks, by watching the network in Chromium, which.
 */
export const ORT_FILES = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
];

const components = JSON.parse(
  await readFile(join(repo, 'packages/components/package.json'), 'utf8'),
);
/** Every `./klar-*.js` export of @klar/components is an element entry of the bundle. */
const elementEntries = Object.keys(components.exports)
  .filter((key) => /^\.\/klar-[a-z-]+\.js$/.test(key))
  .map((key) => key.slice(2, -3));

const VIRTUAL = '\0klar-embed:';
const setupSource = `
// Where the worker and the ONNX Runtime files are: next to this entry, unless the page says.
if (!document.querySelector('meta[name="klar-runtime-base"]')) {
  const meta = document.createElement('meta');
  meta.name = 'klar-runtime-base';
  meta.content = new URL('./', import.meta.url).href;
  document.head.append(meta);
}
`;
const entrySource = (imports) =>
  `${setupSource}\n${imports.map((i) => `import '${i}';`).join('\n')}\n`;

const entries = {
  klar: entrySource(['@klar/components/define']),
  ...Object.fromEntries(
    elementEntries.map((name) => [name, entrySource([`@klar/components/${name}.js`])]),
  ),
};

/**
 * `@klar/<package>[/<subpath>]` straight from packages/<package>/package.json `exports`, so the
 * build does not depend on workspace links in node_modules being current.
 */
function workspacePackages() {
  const pick = (target) =>
    typeof target === 'string'
      ? target
      : target && (target.source ?? target.development ?? target.import ?? target.default);
  return {
    name: 'klar-workspace-packages',
    enforce: 'pre',
    async resolveId(id) {
      const m = /^@klar\/([a-z-]+)(\/.*)?$/.exec(id);
      if (!m) return undefined;
      const dir = join(repo, 'packages', m[1]);
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8').catch(() => 'null'));
      const target = pick(pkg?.exports?.[`.${m[2] ?? ''}`]);
      return target ? join(dir, target) : undefined;
    },
  };
}

/** Entries are generated modules, so the bundle needs no source files of its own. */
function embedEntries() {
  return {
    name: 'klar-embed-entries',
    resolveId: (id) => (id.startsWith(VIRTUAL) ? id : undefined),
    load: (id) => (id.startsWith(VIRTUAL) ? entries[id.slice(VIRTUAL.length)] : undefined),
  };
}

await rm(outDir, { recursive: true, force: true });
const started = Date.now();
await build({
  configFile: false,
  root: repo,
  base: './',
  logLevel: 'warn',
  plugins: [embedEntries(), workspacePackages(), noSecondOrtCopy()],
  worker: {
    format: 'es',
    plugins: () => [workspacePackages(), noSecondOrtCopy()],
    rollupOptions: {
      output: {
        entryFileNames: 'klar-worker.js',
        chunkFileNames: 'chunks/worker-[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Never inline binaries as base64 (the .wasm would become 36 MB of JavaScript).
    assetsInlineLimit: 0,
    copyPublicDir: false,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: Object.fromEntries(Object.keys(entries).map((name) => [name, `${VIRTUAL}${name}`])),
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});

const ortDist = packageDir('onnxruntime-web');
for (const name of ORT_FILES) await copyFile(join(ortDist, 'dist', name), join(outDir, name));

// A manifest to start from: the real default models, no fixtures (those are for tests).
const manifest = JSON.parse(await readFile(join(repo, 'models/manifest.json'), 'utf8'));
manifest.models = manifest.models.filter((m) => m.role !== 'fixture');
await writeFile(join(outDir, 'manifest.template.json'), `${JSON.stringify(manifest, null, 2)}\n`);

await writeLicences();

// A stray .wasm anywhere but the shipped pair means a bundler emitted a second copy: fail loudly.
const files = await listFiles(outDir);
const strayWasm = files.filter((f) => f.endsWith('.wasm') && !ORT_FILES.includes(f));
if (strayWasm.length) {
  console.error(`build:embed: unexpected .wasm files in the bundle: ${strayWasm.join(', ')}`);
  process.exit(1);
}
let total = 0;
for (const f of files) total += (await stat(join(outDir, f))).size;
console.log(
  `build:embed: ${files.length} files, ${(total / 1e6).toFixed(1)} MB in ${relative(repo, outDir)}/ (${((Date.now() - started) / 1000).toFixed(1)} s); entries: ${Object.keys(
    entries,
  )
    .map((e) => `${e}.js`)
    .join(', ')}`,
);

/** A package's folder, found from its entry (many `exports` maps hide package.json). */
function packageDir(name) {
  const paths = [join(repo, 'packages/runtime'), join(repo, 'packages/components'), repo];
  let dir = dirname(require.resolve(name, { paths }));
  const named = (d) => {
    try {
      return JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name === name;
    } catch {
      return false;
    }
  };
  while (!named(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), path)));
    else out.push(path);
  }
  return out.sort();
}

/**
 * LICENSE.txt: Klar's own licence. THIRD-PARTY-LICENSES.txt: the licence text of every npm
 * package whose code is in the bundle (found from the source maps), plus ONNX Runtime's.
 */
async function writeLicences() {
  const packages = new Set(['onnxruntime-web']);
  for (const file of await listFiles(outDir)) {
    if (!file.endsWith('.js.map')) continue;
    const map = JSON.parse(await readFile(join(outDir, file), 'utf8'));
    for (const source of map.sources ?? []) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source.replaceAll('\\', '/'));
      if (m?.[1] && !m[1].startsWith('@klar/')) packages.add(m[1]);
    }
  }
  const sections = [];
  for (const name of [...packages].sort()) {
    const dir = packageDir(name);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const licenceFile = (await readdir(dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenceFile
      ? await readFile(join(dir, licenceFile), 'utf8')
      : `(no licence file in the package; package.json says: ${pkg.license ?? 'unknown'})`;
    sections.push(
      `${name}@${pkg.version} — ${pkg.license ?? 'see text'}\n${'='.repeat(72)}\n${text.trim()}\n`,
    );
  }
  await writeFile(
    join(outDir, 'THIRD-PARTY-LICENSES.txt'),
    `Third-party code bundled in this folder (Klar ${components.version}).\n\n${sections.join('\n\n')}`,
  );
  const own = join(repo, 'LICENSE');
  await writeFile(
    join(outDir, 'LICENSE.txt'),
    (await stat(own)
      .then(() => readFile(own, 'utf8'))
      .catch(() => null)) ??
      'Klar is licensed under the EUPL-1.2: https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12\n',
  );
  // Integrity list, so an agency can check its copy: sha256 of every shipped file.
  const sums = [];
  for (const f of await listFiles(outDir)) {
    if (f === 'SHA256SUMS') continue;
    sums.push(
      `${createHash('sha256')
        .update(await readFile(join(outDir, f)))
        .digest('hex')}  ${f}`,
    );
  }
  await writeFile(join(outDir, 'SHA256SUMS'), `${sums.join('\n')}\n`);
}
