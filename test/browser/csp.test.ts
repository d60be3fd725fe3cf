import { assertEqual } from '../../packages/runtime/test/browser/support/assert.js';

describe("strict CSP without 'unsafe-eval'", () => {
  it('both backends run under script-src self wasm-unsafe-eval; worker-src self', async () => {
    const frame = document.createElement('iframe');
    const done = new Promise<{
      evalBlocked: boolean;
      webgpu: unknown;
      wasm: unknown;
      violations: string[];
    }>((resolve) => {
      addEventListener('message', (e) => e.data?.klarCsp && resolve(e.data.klarCsp));
    });
    frame.src = '/test/csp/page.html';
    document.body.append(frame);
    const results = await done;
    console.log(`CSP results: ${JSON.stringify(results)}`);
    assertEqual(results.evalBlocked, true, 'the CSP is in force (eval is refused)');
    assertEqual(results.webgpu, { backend: 'webgpu', tokens: 8 }, 'WebGPU runs under the CSP');
    assertEqual(results.wasm, { backend: 'wasm', tokens: 8 }, 'WASM runs under the CSP');
    assertEqual(results.violations, [], 'no CSP violation on the page');
    frame.remove();
  });
});
