// Runs generation on both backends under the page's strict CSP (and the worker script's own
// policy, sent by the server) and reports to the parent. `?backends=wasm` narrows the run.
type Runtime = typeof import('../../packages/runtime/src/index.js');

const params = new URLSearchParams(location.search);
// The runtime (and so its worker script) under this page's own URL prefix: see
// test/support/csp-policies.mjs. `?worker-csp=no-wasm` is the negative control's copy.
const prefix = params.get('worker-csp') === 'no-wasm' ? '/csp-runtime-nowasm/' : '/csp-runtime/';
const { createKlar }: Runtime = await import(`${prefix}packages/runtime/src/index.ts`);

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} ${e.blockedURI}`),
);

async function run(backend: 'webgpu' | 'wasm') {
  const klar = createKlar({ backend, modelBaseUrl: '/models/', manifest: '/models/manifest.json' });
  try {
    const result = await klar.generate({
      model: 'fixtures/klar-tiny-llama',
      prompt: 'Hej',
      maxNewTokens: 8,
    });
    return { backend: result.backend, tokens: result.tokenIds.length };
  } catch (error) {
    return {
      backend,
      error: `${(error as { code?: string }).code ?? ''} ${(error as Error).message}`,
    };
  } finally {
    await klar.dispose();
  }
}

/** What a worker started from this page may do: its policy comes from its script's response. */
function probeWorker(): Promise<unknown> {
  const worker = new Worker(new URL('./worker-probe.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (e) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => resolve({ error: e.message });
  });
}

// Proof that the CSP is in force: eval must be refused on this page.
let evalBlocked = false;
try {
  // biome-ignore lint/security/noGlobalEval: the point is to show the CSP blocks it
  eval('1');
} catch {
  evalBlocked = true;
}
// The violation report for that eval arrives as a task; let it land before counting afresh.
await new Promise((resolve) => setTimeout(resolve, 100));
violations.length = 0;
const backends = params.get('backends')?.split(',') ?? ['webgpu', 'wasm'];
const results: Record<string, unknown> = { evalBlocked, worker: await probeWorker() };
for (const backend of backends as ('webgpu' | 'wasm')[]) results[backend] = await run(backend);
results.violations = violations;
parent.postMessage({ klarCsp: results }, location.origin);
