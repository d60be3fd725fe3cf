import type { FaultInjection } from '../types.js';

export interface WebGpuProbe {
  readonly available: boolean;
  /** The adapter can run f16 shaders, so f16 weights are worth choosing. */
  readonly fp16: boolean;
  readonly reason?: string;
  readonly adapter?: GPUAdapter;
}

/** Asks the browser for a WebGPU adapter; never throws. */
export async function probeWebGpu(faults: FaultInjection | undefined): Promise<WebGpuProbe> {
  if (faults?.noWebGpuAdapter)
    return { available: false, fp16: false, reason: 'no adapter (forced by test)' };
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return { available: false, fp16: false, reason: 'this browser has no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, fp16: false, reason: 'no WebGPU adapter' };
    return { available: true, fp16: adapter.features.has('shader-f16'), adapter };
  } catch (error) {
    return { available: false, fp16: false, reason: `requestAdapter failed: ${String(error)}` };
  }
}

/**
 * Creates the GPU device that onnxruntime-web will use. Owning it lets us notice loss
 * (`device.lost`) and, in tests, destroy it mid-request.
 */
export async function createGpuDevice(adapter: GPUAdapter): Promise<GPUDevice> {
  const wanted: GPUFeatureName[] = ['shader-f16', 'timestamp-query', 'subgroups' as GPUFeatureName];
  const requiredFeatures = wanted.filter((f) => adapter.features.has(f));
  const limits = adapter.limits;
  return adapter.requestDevice({
    requiredFeatures,
    requiredLimits: {
      maxBufferSize: limits.maxBufferSize,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeWorkgroupSizeY: limits.maxComputeWorkgroupSizeY,
      maxComputeWorkgroupSizeZ: limits.maxComputeWorkgroupSizeZ,
    },
  });
}
