// Builds what an agency deploys, in a temporary folder holding ONLY that: the no-build bundle
// at /klar/, the fixture models at /models/ with a manifest whose defaults are the fixtures, and
// plain HTML pages. Chromium itself: test/support/chromium.mjs.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs `npm run build:embed` into `<site>/klar` (or copies KLAR_EMBED_DIR when set, to iterate fast). */
export async function buildSite() {
  const site = await mkdtemp(join(tmpdir(), 'klar-agency-'));
  const klar = join(site, 'klar');
  if (process.env.KLAR_EMBED_DIR) {
    await cp(process.env.KLAR_EMBED_DIR, klar, { recursive: true });
  } else {
    const build = spawnSync(process.execPath, ['scripts/build-embed.mjs', '--out', klar], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (build.status !== 0)
      throw new Error(`build:embed failed:\n${build.stdout}\n${build.stderr}`.slice(-4000));
  }
  await mkdir(join(site, 'models'), { recursive: true });
  await cp(join(repo, 'models/fixtures'), join(site, 'models/fixtures'), { recursive: true });
  // The agency's manifest: the fixtures are the defaults (real models cannot be downloaded here).
  const manifest = JSON.parse(await readFile(join(repo, 'models/manifest.json'), 'utf8'));
  manifest.models = manifest.models
    .filter((m) => m.role === 'fixture')
    .map((m) => ({ ...m, role: 'default' }));
  await writeFile(join(site, 'models/manifest.json'), JSON.stringify(manifest, null, 2));
  // Chromium asks for /favicon.ico by itself; a site has one, so a 404 there means nothing.
  await writeFile(join(site, 'favicon.ico'), '');
  return site;
}

/** The decision letter page of the Quick Start: one script tag, plain elements, no inline script. */
export const DECISION_PAGE = `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <title>Beslut om bostadsbidrag</title>
    <script type="module" src="/klar/klar.js"></script>
  </head>
  <body>
    <main>
      <h1>Beslut om bostadsbidrag</h1>
      <article id="letter">
        <p>Försäkringskassan har beslutat att du får bostadsbidrag med 1 500 kronor i månaden från och med den 1 januari 2027.
        Beslutet gäller till och med den 31 december 2027. Du måste anmäla ändrade inkomster inom 14 dagar.
        Om du inte anmäler en ändring kan du bli återbetalningsskyldig. Du kan begära omprövning av beslutet inom två månader
        från den dag du fick beslutet. Skriv till oss och berätta vilket beslut du vill ändra och varför.</p>
      </article>
      <klar-summary for="letter"></klar-summary>
      <form>
        <klar-pii-guard>
          <label for="msg">Ditt meddelande</label>
          <textarea id="msg" name="msg"></textarea>
        </klar-pii-guard>
      </form>
    </main>
  </body>
</html>
`;

/** Console errors and uncaught errors from the page and every worker it starts. */
export function collectConsole(page) {
  const messages = [];
  const watch = (target, where) => {
    target.on('console', (m) => messages.push({ where, type: m.type(), text: m.text() }));
  };
  watch(page, 'page');
  page.on('pageerror', (e) => messages.push({ where: 'page', type: 'pageerror', text: String(e) }));
  page.on('workercreated', (worker) => watch(worker, `worker ${worker.url()}`));
  return messages;
}

/** Polls `fn` in the page until it returns a truthy value. */
export async function until(page, fn, arg, what, timeout = 240_000) {
  try {
    const handle = await page.waitForFunction(fn, { timeout, polling: 100 }, arg);
    return await handle.jsonValue();
  } catch (error) {
    throw new Error(`Timed out waiting for ${what}: ${error.message}`);
  }
}
