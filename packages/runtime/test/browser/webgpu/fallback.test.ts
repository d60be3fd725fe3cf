import type { KlarPlatform, ProgressEvent } from '../../../src/types.js';
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

/**
 * The test browser's only adapter is SwiftShader, which `auto` rightly passes over. To test
 * what happens on a real GPU, the test platform presents it as a hardware adapter.
 */
async function hardwareAdapter(): Promise<GPUAdapter | null> {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) return null;
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'info') return { isFallbackAdapter: false, vendor: 'test', architecture: 'gpu' };
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** An in-thread client on the fixtures with a test platform (functions can't reach a worker). */
function withPlatform(platform: KlarPlatform) {
  return fixtureClient({ backend: 'auto', worker: false, platform });
}

describe('WebGPU failures end on WASM', () => {
  let expected: readonly number[];
  before(async () => {
    expected = await reference();
  });

  it('no adapter: completes on WASM and reports the change', async () => {
    const events: ProgressEvent[] = [];
    const klar = withPlatform({ requestAdapter: async () => null });
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
    const klar = withPlatform({
      requestAdapter: hardwareAdapter,
      beforeWebGpuSession: () => {
        throw new Error('session creation failed (simulated)');
      },
    });
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
    const klar = withPlatform({
      requestAdapter: hardwareAdapter,
      // Pass 0 reads the prompt; before pass 8, eight tokens exist.
      beforeWebGpuStep: ({ device, step }) => {
        if (step === 8) device.destroy();
      },
    });
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

describe('a software adapter is not a GPU', () => {
  it('auto runs on WASM when the only adapter is SwiftShader, and says so', async () => {
    const adapter = await navigator.gpu.requestAdapter();
    assert(adapter, 'the webgpu group has a (software) adapter');
    const events: ProgressEvent[] = [];
    const klar = fixtureClient({ backend: 'auto' });
    const described = await klar.describe('text-generation', LM);
    assertEqual(described.backend, 'wasm', 'describe: would run on WASM');
    const result = await klar.generate(
      { ...request, maxNewTokens: 4 },
      { onProgress: (e) => events.push(e) },
    );
    assertEqual(result.backend, 'wasm', 'result: ran on WASM');
    const ready = events.find((e) => e.status === 'ready') as { backend?: string } | undefined;
    assertEqual(ready?.backend, 'wasm', 'progress: ready on WASM');
    const [change] = backendChanges(events);
    assertEqual(
      [change?.reason.code, change?.reason.details?.fallbackAdapter],
      ['webgpu-unavailable', true],
      'the change says why',
    );
    assertEqual(await klar.backends(), { [LM]: 'wasm' }, 'backends()');
    assertEqual((await klar.describe('text-generation', LM)).loadedBackend, 'wasm', 'loaded');
    await klar.dispose();
  });

  it("backend: 'webgpu' still uses the software adapter (tests force it)", async function () {
    // WebGPU on SwiftShader is slow to start and to run: minutes on a loaded machine.
    this.timeout(360_000);
    const klar = fixtureClient({ backend: 'webgpu' });
    assertEqual((await klar.describe('text-generation', LM)).backend, 'webgpu', 'describe');
    const result = await klar.generate({ ...request, maxNewTokens: 4 });
    assertEqual(result.backend, 'webgpu', 'ran on WebGPU');
    assertEqual(await klar.backends(), { [LM]: 'webgpu' }, 'backends()');
    await klar.dispose();
  });
});
