import type { ProgressEvent } from '../../../src/types.js';
import { assert, assertEqual } from '../support/assert.js';
import { fixtureClient, LM, PROMPT } from '../support/fixtures.js';

const request = { model: LM, prompt: PROMPT, maxNewTokens: 24 };

async function reference(): Promise<readonly number[]> {
  const klar = fixtureClient({ backend: 'wasm' });
  const result = await klar.generate(request);
  await klar.dispose();
  return result.tokenIds;
}

function backendChanges(events: ProgressEvent[]) {
  return events.filter(
    (e): e is Extract<ProgressEvent, { status: 'backend-change' }> => e.status === 'backend-change',
  );
}

describe('WebGPU failures end on WASM', () => {
  let expected: readonly number[];
  before(async () => {
    expected = await reference();
  });

  it('no adapter: completes on WASM and reports the change', async () => {
    const events: ProgressEvent[] = [];
    const klar = fixtureClient({ backend: 'auto', faults: { noWebGpuAdapter: true } });
    const result = await klar.generate(request, { onProgress: (e) => events.push(e) });
    assertEqual(result.backend, 'wasm', 'finished on WASM');
    assertEqual(result.tokenIds, expected, 'complete, correct result');
    const [change] = backendChanges(events);
    assertEqual(
      [change?.from, change?.to, change?.reason.code],
      ['webgpu', 'wasm', 'webgpu-unavailable'],
      'backend change reported',
    );
    await klar.dispose();
  });

  it('failed WebGPU session: completes on WASM and reports the change', async () => {
    const events: ProgressEvent[] = [];
    const klar = fixtureClient({ backend: 'auto', faults: { failWebGpuSession: true } });
    const result = await klar.generate(request, { onProgress: (e) => events.push(e) });
    assertEqual(result.backend, 'wasm', 'finished on WASM');
    assertEqual(result.tokenIds, expected, 'complete, correct result');
    assertEqual(
      backendChanges(events).map((c) => c.reason.code),
      ['session-failed'],
      'backend change reported',
    );
    await klar.dispose();
  });

  it('device destroyed mid-generation: the same request completes on WASM', async () => {
    const events: ProgressEvent[] = [];
    const tokens: number[] = [];
    const klar = fixtureClient({ backend: 'auto', faults: { loseDeviceAfterTokens: 8 } });
    const result = await klar.generate(request, {
      onProgress: (e) => events.push(e),
      onToken: (c) => tokens.push(c.tokenId),
    });
    const ready = events
      .filter((e) => e.status === 'ready')
      .map((e) => (e as { backend: string }).backend);
    assertEqual(ready[0], 'webgpu', 'started on WebGPU');
    assertEqual(result.backend, 'wasm', 'finished on WASM');
    const changes = backendChanges(events);
    assertEqual(
      changes.map((c) => [c.from, c.to, c.reason.code]),
      [['webgpu', 'wasm', 'device-lost']],
      'one reported change',
    );
    assertEqual(result.tokenIds, expected, 'all 24 tokens, equal to a WASM-only run');
    assertEqual(tokens, [...expected], 'each token streamed exactly once');
    assertEqual(await klar.backends(), { [LM]: 'wasm' }, 'the model now lives on WASM');
    const next = await klar.generate(request);
    assert(next.backend === 'wasm', 'later requests keep working, on WASM');
    await klar.dispose();
  });
});
