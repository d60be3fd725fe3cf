// Runs generation on both backends under the page's strict CSP and reports to the parent.
import { createKlar } from '../../packages/runtime/src/index.js';

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
const results = { evalBlocked, webgpu: await run('webgpu'), wasm: await run('wasm'), violations };
parent.postMessage({ klarCsp: results }, location.origin);
