// The elements and the runtime under Trusted Types: Lit renders through its 'lit-html'
// policy, the runtime starts its worker through 'klar'. Reports to the parent.
import '../../packages/components/src/klar-readability/klar-readability.js';

type Runtime = typeof import('../../packages/runtime/src/index.js');
// The runtime under the CSP pages' own URL prefix (see test/support/csp-policies.mjs).
const runtimeUrl = '/csp-runtime/packages/runtime/src/index.ts';
const { createKlar }: Runtime = await import(runtimeUrl);

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()),
);

// Proof that Trusted Types are enforced: a plain string into an HTML sink is refused.
let stringSinkBlocked = false;
try {
  document.createElement('div').innerHTML = '<b>x</b>';
} catch {
  stringSinkBlocked = true;
}
await new Promise((resolve) => setTimeout(resolve, 100));
violations.length = 0;

const element = document.querySelector('klar-readability') as HTMLElement & {
  updateComplete?: Promise<unknown>;
};
await customElements.whenDefined('klar-readability');
await element.updateComplete;
await new Promise((resolve) => setTimeout(resolve, 200));
const rendered = (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

let runtime: unknown;
const klar = createKlar({
  backend: 'wasm',
  modelBaseUrl: '/models/',
  manifest: '/models/manifest.json',
});
try {
  const result = await klar.generate({
    model: 'fixtures/klar-tiny-llama',
    prompt: 'Hej',
    maxNewTokens: 4,
  });
  runtime = { backend: result.backend, tokens: result.tokenIds.length };
} catch (error) {
  runtime = { error: `${(error as { code?: string }).code ?? ''} ${(error as Error).message}` };
} finally {
  await klar.dispose();
}
parent.postMessage(
  { klarTrustedTypes: { stringSinkBlocked, rendered, runtime, violations } },
  location.origin,
);
