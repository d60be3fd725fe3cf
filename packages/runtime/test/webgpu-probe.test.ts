import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeWebGpu } from '../src/backend/webgpu.js';

function adapter(info: Record<string, unknown>, features: string[] = []): GPUAdapter {
  return { info, features: new Set(features) } as unknown as GPUAdapter;
}

const probe = (value: GPUAdapter | null | Error) =>
  probeWebGpu({
    requestAdapter: async () => {
      if (value instanceof Error) throw value;
      return value;
    },
  });

describe('probeWebGpu: a software adapter is not a GPU', () => {
  it('a hardware adapter is available and not a fallback', async () => {
    const result = await probe(
      adapter({ vendor: 'nvidia', architecture: 'ampere' }, ['shader-f16']),
    );
    assert.equal(result.available, true);
    assert.equal(result.fallbackAdapter, false);
    assert.equal(result.fp16, true);
  });

  it('info.isFallbackAdapter marks a software adapter', async () => {
    const result = await probe(adapter({ isFallbackAdapter: true, vendor: 'google' }));
    assert.equal(result.available, true);
    assert.equal(result.fallbackAdapter, true);
  });

  it('known software renderers count as fallback even without the flag', async () => {
    for (const info of [
      { vendor: 'google', architecture: 'swiftshader' },
      { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' },
      { vendor: 'microsoft', description: 'Microsoft Basic Render Driver' },
    ]) {
      assert.equal((await probe(adapter(info))).fallbackAdapter, true, JSON.stringify(info));
    }
  });

  it('no adapter, or a failing request, is unavailable with a reason', async () => {
    const none = await probe(null);
    assert.equal(none.available, false);
    assert.match(none.reason ?? '', /no WebGPU adapter/);
    const failing = await probe(new Error('boom'));
    assert.equal(failing.available, false);
    assert.match(failing.reason ?? '', /boom/);
  });

  it('without navigator.gpu and no platform hook: unavailable', async () => {
    const result = await probeWebGpu({});
    assert.equal(result.available, false);
  });
});
