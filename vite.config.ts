import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { receiptPost } from './demos/server/receipt-post.js';
import { noSecondOrtCopy } from './scripts/no-second-ort-copy.mjs';

const root = resolve(import.meta.dirname, 'demos');
const modelsDir = resolve(import.meta.dirname, 'models');
const ortDir = resolve(import.meta.dirname, 'node_modules/onnxruntime-web/dist');
const ORT_FILE = /^ort-wasm[\w.-]*\.(wasm|mjs)$/;

const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.mjs': 'text/javascript',
  '.txt': 'text/plain',
};

/**
 * Serves the model folder at /models/ and onnxruntime-web's .wasm/.mjs at /ort/ from this
 * origin (never a CDN), in dev and in the built site, the way an agency hosts them.
 */
function selfHostedModelsAndRuntime(): Plugin {
  return {
    name: 'klar-self-hosted-models-and-runtime',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (!path.startsWith('/models/') && !path.startsWith('/ort/')) return next();
        let file: string | null = null;
        if (path.startsWith('/models/')) file = join(modelsDir, path.slice('/models/'.length));
        else if (path.startsWith('/ort/') && ORT_FILE.test(basename(path)))
          file = join(ortDir, basename(path));
        if (
          !file ||
          (!file.startsWith(modelsDir) && !file.startsWith(ortDir)) ||
          !existsSync(file) ||
          !statSync(file).isFile()
        ) {
          // A 404, never the demo's index.html: HTML where a model or .wasm belongs hides the
          // real problem (the runtime would report a corrupt file instead of a missing one).
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(`Not found: ${path}`);
          return;
        }
        res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
    async writeBundle(options) {
      const out = options.dir ?? resolve(root, 'dist');
      await cp(modelsDir, join(out, 'models'), {
        recursive: true,
        filter: (src) => !src.includes(`${join('models', 'tools')}`),
      });
      await mkdir(join(out, 'ort'), { recursive: true });
      // The two builds the runtime loads (packages/runtime/src/backend/ort-build.ts).
      for (const name of readdirSync(ortDir).filter((n) =>
        /^ort-wasm-simd-threaded(\.asyncify)?\.(wasm|mjs)$/.test(n),
      )) {
        await cp(join(ortDir, name), join(out, 'ort', name));
      }
    },
  };
}

/** Every .html file under demos/ is a page of the built site. */
function demoPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'dist') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html'))
        pages[path.slice(root.length + 1).replace(/\.html$/, '')] = path;
    }
  };
  walk(root);
  return pages;
}

export default defineConfig({
  root,
  plugins: [selfHostedModelsAndRuntime(), receiptPost(), noSecondOrtCopy()],
  server: { port: 5173, host: 'localhost' },
  preview: { port: 4173, host: 'localhost' },
  // transformers.js and onnxruntime-web ship their own bundles; pre-bundling them breaks the wasm glue.
  optimizeDeps: { exclude: ['@huggingface/transformers', 'onnxruntime-web'] },
  worker: { format: 'es', plugins: () => [noSecondOrtCopy()] },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: demoPages() },
  },
});
