import { assert, assertEqual, assertRejects } from '../support/assert.js';
import { fixtureClient, LM, PROMPT } from '../support/fixtures.js';

describe('abort', () => {
  it('stops within one token, and the next request works', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const controller = new AbortController();
    let seen = 0;
    let seenAtAbort = -1;
    const run = klar.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 400 },
      {
        signal: controller.signal,
        onToken: () => {
          seen += 1;
          if (seen === 5) {
            seenAtAbort = seen;
            controller.abort();
          }
        },
      },
    );
    const error = await assertRejects(run, 'aborted', 'aborted request');
    assert(error.name === 'KlarError', 'a KlarError reaches the page');
    assertEqual(seen, seenAtAbort, 'no token reaches the page after abort');
    const details = (error as { details?: { tokensAfterAbort?: number; tokensGenerated?: number } })
      .details;
    assert(
      details?.tokensAfterAbort !== undefined && details.tokensAfterAbort <= 1,
      `the worker stopped within one token of the cancel (after: ${details?.tokensAfterAbort})`,
    );
    assert(details.tokensGenerated! < 400, 'generation did not run to the end');

    const next = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 8 });
    assertEqual(next.tokenIds.length, 8, 'the next request completes');
    await klar.dispose();
  });

  it('an already-aborted signal never starts work', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    await assertRejects(
      klar.generate({ model: LM, prompt: PROMPT }, { signal: AbortSignal.abort() }),
      'aborted',
      'pre-aborted',
    );
    await klar.dispose();
  });
});
