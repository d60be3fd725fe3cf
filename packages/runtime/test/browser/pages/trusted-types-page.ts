// Starts the Klar worker on a page that enforces Trusted Types and reports to the parent.
import { createKlar } from '../../../src/index.js';

const violations: string[] = [];
addEventListener('securitypolicyviolation', (e) =>
  violations.push((e as SecurityPolicyViolationEvent).violatedDirective),
);

async function run() {
  let sinkEnforced = false;
  try {
    new Worker('data:text/javascript,', { type: 'module' });
  } catch {
    sinkEnforced = true;
  }
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
    return { sinkEnforced, tokens: result.tokenIds.length, violations };
  } catch (error) {
    return { sinkEnforced, error: String(error), violations };
  } finally {
    await klar.dispose();
  }
}

run().then((klarTrustedTypes) => parent.postMessage({ klarTrustedTypes }, '*'));
