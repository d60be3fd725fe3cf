import { assert, assertEqual } from '../support/assert.js';
import {
  clearModelCache,
  collectProgress,
  fixtureClient,
  LM,
  PROMPT,
} from '../support/fixtures.js';

describe('generate in the worker (wasm)', () => {
  before(clearModelCache);

  it('streams tokens one by one and reports the backend', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const chunks: { text: string; tokenId: number; at: number }[] = [];
    const progress = collectProgress();
    const result = await klar.generate(
      { model: LM, prompt: PROMPT, maxNewTokens: 24 },
      {
        onToken: (c) => chunks.push({ ...c, at: performance.now() }),
        onProgress: progress.onProgress,
      },
    );
    assertEqual(result.backend, 'wasm', 'backend');
    assertEqual(result.tokenIds.length, 24, 'runs to max tokens');
    assertEqual(
      chunks.map((c) => c.tokenId),
      [...result.tokenIds],
      'every token streamed, in order',
    );
    assertEqual(
      chunks.map((c) => c.text).join(''),
      result.text,
      'streamed text adds up to the result',
    );
    assert(chunks.at(-1)!.at > chunks[0]!.at, 'tokens arrive over time, not all at once');
    const statuses = new Set(progress.events.map((e) => e.status));
    assert(
      statuses.has('initiate') && statuses.has('download') && statuses.has('ready'),
      `progress events: ${[...statuses]}`,
    );
    await klar.dispose();
  });
});
