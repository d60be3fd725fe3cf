import { executeServerCommand } from '@web/test-runner-commands';
import { assert, assertEqual } from '../../packages/runtime/test/browser/support/assert.js';

/** Loads a page under /test/csp/ in an iframe and waits for the report it posts under `key`. */
async function report<T>(src: string, key: string): Promise<T> {
  const frame = document.createElement('iframe');
  const done = new Promise<T>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data?.[key] === undefined) return;
      removeEventListener('message', onMessage);
      resolve(e.data[key]);
    };
    addEventListener('message', onMessage);
  });
  frame.src = src;
  document.body.append(frame);
  try {
    return await done;
  } finally {
    frame.remove();
  }
}

interface CspReport {
  evalBlocked: boolean;
  worker: {
    evalBlocked: boolean;
    crossOriginFetched: boolean;
    sameOriginFetched: boolean;
    violations: string[];
  };
  webgpu?: unknown;
  wasm?: { backend: string; tokens?: number; error?: string };
  violations: string[];
}

describe("strict CSP without 'unsafe-eval', on the page and on the worker script", () => {
  const servedWorkers = async () =>
    (await executeServerCommand<{ path: string; policy: string }[], undefined>('csp-worker-log')) ??
    [];

  it('both backends run with the documented policy on the page and on the worker', async function () {
    this.timeout(400_000); // WebGPU on SwiftShader, then WASM, on a loaded machine
    const results = await report<CspReport>('/test/csp/page.html', 'klarCsp');
    console.log(`CSP results: ${JSON.stringify(results)}`);
    assertEqual(results.evalBlocked, true, 'the page policy is in force (eval is refused)');
    assertEqual(
      results.worker,
      {
        evalBlocked: true,
        crossOriginFetched: false,
        sameOriginFetched: true,
        violations: ['script-src', 'connect-src'],
      },
      "a worker runs under its script's policy: no eval, connect-src limited to the origin",
    );
    assertEqual(results.webgpu, { backend: 'webgpu', tokens: 8 }, 'WebGPU runs under the CSP');
    assertEqual(results.wasm, { backend: 'wasm', tokens: 8 }, 'WASM runs under the CSP');
    assertEqual(results.violations, [], 'no CSP violation on the page');
    const klarWorker = (await servedWorkers()).filter(
      (s) => s.path === '/csp-runtime/packages/runtime/src/worker/worker.ts',
    );
    assert(klarWorker.length >= 1, "Klar's worker script was served with the worker policy");
    assert(
      klarWorker.every(
        (s) => /connect-src 'self'/.test(s.policy) && /'wasm-unsafe-eval'/.test(s.policy),
      ),
      'with connect-src limited to the origin',
    );
  });

  it("negative control: without 'wasm-unsafe-eval' in the worker's own policy the WASM backend cannot start", async () => {
    const results = await report<CspReport>(
      '/test/csp/page.html?backends=wasm&worker-csp=no-wasm',
      'klarCsp',
    );
    console.log(`CSP control: ${JSON.stringify(results.wasm)}`);
    assert(
      (await servedWorkers()).some(
        (s) => s.path === '/csp-runtime-nowasm/packages/runtime/src/worker/worker.ts',
      ),
      'the worker script was served with the stricter policy',
    );
    assert(
      /wasm|WebAssembly|Content Security/i.test(results.wasm?.error ?? ''),
      "the page's policy does not let the worker compile WASM: the worker's own policy governs it",
    );
  });
});

describe('Trusted Types', () => {
  it("elements and runtime run under require-trusted-types-for 'script'; trusted-types klar lit-html", async () => {
    const results = await report<{
      stringSinkBlocked: boolean;
      rendered: string;
      runtime: unknown;
      violations: string[];
    }>('/test/csp/trusted-types.html', 'klarTrustedTypes');
    console.log(`Trusted Types results: ${JSON.stringify(results)}`);
    assertEqual(results.stringSinkBlocked, true, 'Trusted Types are enforced on the page');
    assert(
      /LIX/i.test(results.rendered),
      `the element rendered through Lit's policy: ${results.rendered.slice(0, 80)}`,
    );
    assertEqual(
      results.runtime,
      { backend: 'wasm', tokens: 4 },
      'the runtime starts its worker through the klar policy',
    );
    assertEqual(results.violations, [], 'no violation');
  });
});
