/**
 * The microphone path under the CSP docs/security.md recommends plus Trusted Types
 * (test/csp/dictate-trusted-types.html, served with those headers by the test server).
 */
import { assert, deepEqual, equal } from '../testing/assert.js';

interface Report {
  stringSinkBlocked: boolean;
  microphone: { started?: boolean; stopped?: boolean; error?: string; code?: string };
  rendered: string;
  violations: string[];
}

async function report(src: string): Promise<Report> {
  const frame = document.createElement('iframe');
  const done = new Promise<Report>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data?.klarDictateCsp === undefined) return;
      removeEventListener('message', onMessage);
      resolve(e.data.klarDictateCsp);
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

describe('klar-dictate under CSP and Trusted Types', () => {
  it("loads its AudioWorklet from our own origin under script-src 'self' and require-trusted-types-for 'script'", async () => {
    const result = await report('/test/csp/dictate-trusted-types.html');
    equal(result.stringSinkBlocked, true, 'Trusted Types are enforced on the page');
    deepEqual(result.microphone, { started: true, stopped: false }, 'capture started');
    assert(result.rendered.includes('Diktera'), `the element rendered: ${result.rendered}`);
    deepEqual(result.violations, [], 'no violation');
  });
});
