import { assertEqual } from '../support/assert.js';

describe('Trusted Types', () => {
  it("the worker starts on a page with require-trusted-types-for 'script'; trusted-types klar", async () => {
    const frame = document.createElement('iframe');
    const done = new Promise<Record<string, unknown>>((resolve) => {
      addEventListener(
        'message',
        (e) => e.data?.klarTrustedTypes && resolve(e.data.klarTrustedTypes),
      );
    });
    frame.src = new URL('../pages/trusted-types.html', import.meta.url).href;
    document.body.append(frame);
    const result = await done;
    frame.remove();
    assertEqual(
      result.sinkEnforced,
      true,
      'a plain URL is refused on that page (the policy is in force)',
    );
    assertEqual(result.error, undefined, 'no error');
    assertEqual(result.tokens, 4, 'generation ran in the worker');
  });
});
