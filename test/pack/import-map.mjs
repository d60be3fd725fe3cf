// Writes the import map a page without a bundler needs for an installed package: crawls the
// module graph from an entry file and maps every bare specifier it meets to its file under
// /node_modules/, resolving `exports` with the browser's conditions. (In a real site one would
// use a generator such as JSPM's; this keeps the test free of extra dependencies.)
import { readFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { init, parse } from 'es-module-lexer';

const CONDITIONS = ['browser', 'import', 'module', 'default'];

function pickTarget(value) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(pickTarget).find(Boolean);
  if (value && typeof value === 'object') {
    for (const condition of CONDITIONS) {
      const target = condition in value ? pickTarget(value[condition]) : undefined;
      if (target) return target;
    }
  }
  return undefined;
}

function resolveExports(pkg, subpath) {
  const exports = pkg.exports;
  if (!exports) return subpath === '.' ? (pkg.module ?? pkg.main ?? 'index.js') : subpath;
  const map =
    typeof exports === 'string' ||
    Array.isArray(exports) ||
    !Object.keys(exports)[0]?.startsWith('.')
      ? { '.': exports }
      : exports;
  if (subpath in map) return pickTarget(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after)) {
      const middle = subpath.slice(before.length, subpath.length - after.length);
      return pickTarget(value)?.replaceAll('*', middle);
    }
  }
  return undefined;
}

/** `{ imports }` for every bare specifier reachable from `entry` (a file under `root`). */
export async function importMapFor(root, entry) {
  await init;
  const imports = {};
  const seen = new Set();
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    const [found] = parse(code);
    for (const { n: specifier } of found) {
      if (!specifier || specifier.startsWith('data:')) continue;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        await visit(join(dirname(file), specifier));
        continue;
      }
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      const subpath = `.${specifier.slice(name.length)}`;
      const dir = join(root, 'node_modules', name);
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      const target = resolveExports(pkg, subpath);
      if (!target) throw new Error(`cannot resolve ${specifier} for the browser`);
      const path = join(dir, target);
      imports[specifier] = `/${relative(root, path).split(sep).join(posix.sep)}`;
      await visit(path);
    }
  };
  await visit(entry);
  return { imports };
}
