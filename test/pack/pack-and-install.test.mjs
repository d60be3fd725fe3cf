// The packages as someone outside this repository gets them: built (npm run build:packages),
// `npm pack`ed, installed from the tarballs into a fresh project in a temporary folder, then
// used there from Vite (a production build, loaded in Chromium) and from a plain page with an
// import map. Also `npm publish --dry-run` on each built package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { collectConsole, repo, until } from '../embed/agency-site.mjs';
import { startStaticServer } from '../embed/static-server.mjs';
import { launchAuditedChromium } from '../support/chromium.mjs';
import { importMapFor } from './import-map.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Under `npm test`, npm hands the repo's own .npmrc keys to children as npm_config_* variables; the package's publish must not see them. */
function withoutOuterNpmConfig() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
  );
}
function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_fund: 'false' },
  });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`.slice(-4000),
    );
  return r.stdout;
}

describe('packed packages installed outside the monorepo', { timeout: 900_000 }, () => {
  let work;
  let app;
  const tarballs = [];
  let builtDirs = [];
  let chromium;
  let browser;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'klar-pack-'));
    run(
      process.execPath,
      [
        'scripts/build-packages.mjs',
        '--out',
        join(work, 'built'),
        // Only to try the packaging while the tree has someone's half-done change.
        ...(process.env.KLAR_ALLOW_TYPE_ERRORS ? ['--allow-type-errors'] : []),
      ],
      repo,
    );
    builtDirs = (await readdir(join(work, 'built'))).map((d) => join(work, 'built', d));
    await mkdir(join(work, 'tarballs'));
    for (const dir of builtDirs) {
      const out = run(npm, ['pack', '--json', '--pack-destination', join(work, 'tarballs')], dir);
      tarballs.push(join(work, 'tarballs', JSON.parse(out)[0].filename));
    }
    app = join(work, 'app');
    await mkdir(app);
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'agency-app', private: true, type: 'module' }, null, 2),
    );
    // As in the repo: onnxruntime-node (a transformers.js dependency for Node) downloads nothing.
    await writeFile(
      join(app, '.npmrc'),
      'onnxruntime-node-install=skip\nfund=false\naudit=false\n',
    );
    // The registry's packages come from npm's cache when it has them (CI ran `npm ci` just before).
    run(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', ...tarballs], app);
    chromium = await launchAuditedChromium();
    browser = chromium.browser;
  });

  after(async () => {
    await chromium?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('each tarball holds built ES modules, declarations and source maps, no TypeScript source', async () => {
    for (const dir of builtDirs) {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      const listing = JSON.parse(run(npm, ['pack', '--dry-run', '--json'], dir))[0].files.map(
        (f) => f.path,
      );
      assert.ok(listing.includes('dist/index.js'), `${pkg.name} has dist/index.js`);
      assert.ok(listing.includes('dist/index.d.ts'), `${pkg.name} has dist/index.d.ts`);
      assert.ok(listing.includes('dist/index.js.map'), `${pkg.name} has dist/index.js.map`);
      const source = listing.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
      assert.deepEqual(source, [], `${pkg.name} ships no .ts source`);
      const tests = listing.filter((f) => /\.test\.|\/testing\//.test(f));
      assert.deepEqual(tests, [], `${pkg.name} ships no tests`);
      for (const [key, value] of Object.entries(pkg.exports)) {
        const target = typeof value === 'string' ? value : value.default;
        assert.ok(
          listing.includes(target.slice(2)),
          `${pkg.name} export ${key} → ${target} exists`,
        );
      }
    }
    const worker = await readFile(
      join(app, 'node_modules/@klar/runtime/dist/worker/worker-engine.js'),
      'utf8',
    ).catch(() => '');
    const spawn = await readFile(
      join(app, 'node_modules/@klar/runtime/dist/worker/spawn-worker.js'),
      'utf8',
    ).catch(() => '');
    assert.match(`${worker}${spawn}`, /new URL\('\.\/worker\.js', import\.meta\.url\)/);
  });

  it('npm publish --dry-run is clean for every package', () => {
    for (const dir of builtDirs) {
      const r = spawnSync(npm, ['publish', '--dry-run', '--access', 'public'], {
        cwd: dir,
        encoding: 'utf8',
        env: withoutOuterNpmConfig(),
      });
      assert.equal(r.status, 0, `${dir}: ${r.stderr}`);
      const warnings = r.stderr
        .split('\n')
        .filter(
          (l) =>
            /npm warn/i.test(l) && !/Unknown (project|user) config|dry-run|publishConfig/i.test(l),
        );
      assert.deepEqual(warnings, [], `no warnings from npm publish --dry-run in ${dir}`);
    }
  });

  it('a Vite app builds with them and its page defines the elements', async () => {
    await writeFile(
      join(app, 'index.html'),
      '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>App</title>' +
        '<script type="module" src="./main.js"></script></head><body>' +
        '<article id="t"><p>Ett kort brev.</p></article><klar-summary for="t"></klar-summary></body></html>',
    );
    await writeFile(
      join(app, 'main.js'),
      "import '@klar/components/define';\nimport { provideKlar } from '@klar/components';\nprovideKlar({});\n",
    );
    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: join(app, 'dist'), assetsInlineLimit: 0 },
      worker: { format: 'es' },
    });
    const assets = await readdir(join(app, 'dist/assets'));
    assert.ok(
      assets.some((f) => /^worker-.*\.js$/.test(f)),
      `Vite found and bundled the Klar worker (${assets.join(', ')})`,
    );
    await writeFile(join(app, 'dist/favicon.ico'), ''); // Chromium asks for one by itself
    const server = await startStaticServer(join(app, 'dist'));
    try {
      const page = await browser.newPage();
      const messages = collectConsole(page);
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await until(page, () => customElements.get('klar-summary'), undefined, 'klar-summary');
      const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('a plain page with an import map (no bundler) defines the elements', async () => {
    const map = await importMapFor(app, join(app, 'node_modules/@klar/components/dist/define.js'));
    map.imports['@klar/components/define'] = '/node_modules/@klar/components/dist/define.js';
    await writeFile(
      join(app, 'import-map.html'),
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Import map</title>
<script type="importmap">${JSON.stringify(map)}</script>
<script type="module">import '@klar/components/define';</script></head>
<body><klar-readability for="t"></klar-readability><article id="t"><p>Ett kort brev till dig.</p></article></body></html>`,
    );
    await writeFile(join(app, 'favicon.ico'), '');
    const server = await startStaticServer(app, { csp: null });
    try {
      const page = await browser.newPage();
      const messages = collectConsole(page);
      await page.goto(`${server.origin}/import-map.html`, { waitUntil: 'load' });
      await until(
        page,
        () => customElements.get('klar-summary') && customElements.get('klar-readability'),
        undefined,
        'the elements from the import map',
      );
      const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await server.close();
    }
    const leaks = chromium.audit.attempts.filter((a) => !a.browserService);
    assert.deepEqual(leaks, [], 'no request left the machine');
  });
});
