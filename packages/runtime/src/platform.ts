/**
 * What the runtime asks of the browser, replaceable by tests. Production code never sets it:
 * each hook defaults to the real platform. Tests use it to simulate a device without WebGPU,
 * a WebGPU session that fails, a GPU device lost mid-request, or full storage, so production
 * code carries no fault flags. Functions can't cross to a worker: pass it with `worker: false`.
 */
export interface KlarPlatform {
  /** Instead of `navigator.gpu.requestAdapter()`; resolve `null` to simulate no adapter. */
  readonly requestAdapter?: () => Promise<GPUAdapter | null>;
  /** Runs before a WebGPU session is created; throw to simulate a failing session. */
  readonly beforeWebGpuSession?: () => void | Promise<void>;
  /**
   * Runs before every forward pass on WebGPU; `step` counts the request's passes so far.
   * Tests destroy `device` here to simulate a lost device mid-request.
   */
  readonly beforeWebGpuStep?: (context: {
    readonly device: GPUDevice;
    readonly step: number;
  }) => void | Promise<void>;
  /** Simulates full storage: every cache write fails with `QuotaExceededError`. */
  readonly failCacheWrites?: boolean;
}
