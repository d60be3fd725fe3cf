import type { KlarPlatform } from '../platform.js';

export interface WebGpuProbe {
  readonly available: boolean;
  /** The adapter can run f16 shaders, so f16 weights are worth choosing. */
  readonly fp16: boolean;
  /** A software adapter (SwiftShader, WARP): WebGPU in name, a CPU in fact. */
  readonly fallbackAdapter: boolean;
  readonly reason?: string;
  readonly adapter?: GPUAdapter;
}

/** Software rasterisers that present themselves as WebGPU adapters. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i;

/**
 * `adapter.info.isFallbackAdapter` (Chrome 131+) or the older `adapter.isFallbackAdapter`;
 * a browser started with `--enable-unsafe-swiftshader` may not set either, so the adapter's
 * vendor, architecture and description are checked for known software renderers too.
 */
function isFallbackAdapter(adapter: GPUAdapter): boolean {
  const info = (adapter as { info?: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean } })
    .info;
  const legacy = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  if (info?.isFallbackAdapter === true || legacy === true) return true;
  const described = [info?.vendor, info?.architecture, info?.device, info?.description].join(' ');
  return SOFTWARE_ADAPTER.test(described);
}

/** Asks the browser (or the test platform) for a WebGPU adapter; never throws. */
export async function probeWebGpu(platform: KlarPlatform = {}): Promise<WebGpuProbe> {
  const none = (reason: string): WebGpuProbe => ({
    available: false,
    fp16: false,
    fallbackAdapter: false,
    reason,
  });
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  const requestAdapter = platform.requestAdapter ?? (gpu ? () => gpu.requestAdapter() : null);
  if (!requestAdapter) return none('this browser has no WebGPU');
  try {
    const adapter = await requestAdapter();
    if (!adapter) return none('no WebGPU adapter');
    return {
      available: true,
      fp16: adapter.features.has('shader-f16'),
      fallbackAdapter: isFallbackAdapter(adapter),
      adapter,
    };
  } catch (error) {
    return none(`requestAdapter failed: ${String(error)}`);
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
