// Browser tests in real Debian Chromium, against source (esbuild strips TypeScript).
// Groups: `wasm` (no WebGPU adapter), `webgpu` (WebGPU on SwiftShader), `components`.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './test/support/chromium.mjs';
import { cspMiddleware, workerPolicyLog } from './test/support/csp-policies.mjs';
import { createFaultServer } from './test/support/fault-server.mjs';
import { startNetworkAudit } from './test/support/network-audit.mjs';

const audit = startNetworkAudit();
await audit.ready;

// Everything not on loopback goes to the recording proxy (see test/support/network-audit.mjs).
const commonArgs = chromiumArgs(audit.port);
const webgpuArgs = [
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
];

const browser = (extraArgs) =>
  chromeLauncher({
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      args: [...commonArgs, ...extraArgs],
    },
  });

/**
 * Serves onnxruntime-web's .wasm/.mjs from our own origin at /ort/, as production does, and
 * untouched: the dev server's import rewriting must not run on Emscripten output.
 */
const ortDir = fileURLToPath(new URL('./node_modules/onnxruntime-web/dist/', import.meta.url));
const ortFromOwnOrigin = async (context, next) => {
  // /ort-logged/: the same files, never cached, each request told to the fault server.
  const logged = context.path.startsWith('/ort-logged/');
  if (!context.path.startsWith('/ort/') && !logged) return next();
  const name = basename(context.path);
  if (!/^ort-wasm[\w.-]*\.(wasm|mjs)$/.test(name)) return next();
  if (logged) faults.runtimeFileRequested(context.path, context.get('sec-fetch-dest'));
  context.type = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
  context.set('Cache-Control', logged ? 'no-store' : 'public, max-age=3600');
  context.body = createReadStream(join(ortDir, name));
};

/** Every model-file request the server saw, so tests can prove a load came from the cache. */
const modelRequests = [];
const countModelRequests = async (context, next) => {
  const isModelFile = /^\/([a-z-]*models)\/fixtures\//.test(context.path);
  if (isModelFile) modelRequests.push(context.path);
  await next();
  // The browser's HTTP cache must not hide requests from this count: Klar's own cache is tested.
  if (isModelFile) context.set('Cache-Control', 'no-store');
};

/** /tampered-models/ serves the fixtures with one byte of each .onnx file flipped. */
const tamperedModels = async (context, next) => {
  if (!context.path.startsWith('/tampered-models/')) return next();
  const bytes = await readFile(
    join(process.cwd(), 'models', context.path.slice('/tampered-models/'.length)),
  );
  if (context.path.endsWith('.onnx')) bytes[bytes.length - 1] ^= 0xff;
  context.type = 'application/octet-stream';
  context.body = bytes;
};

/** Deliberately faulty model hosts under their own prefixes (see test/support/fault-server.mjs). */
const faults = createFaultServer();

const networkAuditPlugin = {
  name: 'klar-network-audit',
  executeCommand({ command, payload }) {
    if (command === 'network-audit') return audit.attempts.filter((a) => !a.browserService);
    if (command === 'model-requests') return modelRequests.slice();
    if (command === 'csp-worker-log') return workerPolicyLog.slice();
    return faults.command(command, payload);
  },
  async serverStop() {
    const internal = audit.attempts.filter((a) => a.browserService);
    const leaks = audit.attempts.filter((a) => !a.browserService);
    if (internal.length > 0) {
      console.log(
        `Network audit: ${internal.length} Chromium service request(s) (updater, sign-in, clock) were refused; no page or worker made them.`,
      );
    }
    if (leaks.length > 0) {
      console.error(
        `\nNetwork audit FAILED: ${leaks.length} request(s) from the pages under test tried to leave the machine:`,
      );
      for (const a of leaks) console.error(`  ${a.request}`);
      process.exitCode = 1;
    } else {
      console.log('Network audit: no request from any page or worker left the machine.');
    }
    await audit.close();
  },
};

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 180000,
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 120000 } },
  middleware: [
    countModelRequests,
    ortFromOwnOrigin,
    tamperedModels,
    faults.middleware,
    cspMiddleware,
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // cld3-asm's emscripten glue (LanguageDetector's identifier) is CommonJS/UMD; bundlers
    // convert it, the test server needs this. Limited to those files; the Node build's
    // require('fs'/'path') stays as it is (never runs in a page).
    fromRollup(rollupCommonjs)({
      include: ['**/node_modules/cld3-asm/dist/esm/lib/**'],
      ignore: ['fs', 'path'],
    }),
    networkAuditPlugin,
  ],
  groups: [
    {
      name: 'wasm',
      files: process.env.KLAR_FILES ?? [
        'packages/runtime/test/browser/wasm/**/*.test.ts',
        'packages/tasks/test/browser/**/*.test.ts',
      ],
      browsers: [browser([])],
    },
    {
      name: 'webgpu',
      files: process.env.KLAR_FILES ?? [
        'packages/runtime/test/browser/webgpu/**/*.test.ts',
        'packages/tasks/test/browser/**/*.test.ts',
        'test/browser/**/*.test.ts',
      ],
      browsers: [browser(webgpuArgs)],
    },
    {
      name: 'components',
      files: process.env.KLAR_FILES ?? [
        'packages/components/src/**/*.test.ts',
        'demos/**/*.test.ts',
        // Node tests (puppeteer-core, JavaScript off) live there; `npm run test:node` runs them.
        '!demos/test/**',
      ],
      // A fake microphone that answers getUserMedia without a prompt and plays recorded Swedish
      // speech (klar-dictate's tests; no page asks for the microphone unless a test makes it).
      browsers: [
        browser([
          ...webgpuArgs,
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          '--use-file-for-fake-audio-capture=test/audio/speech-pause-speech.wav',
        ]),
      ],
    },
  ],
};
