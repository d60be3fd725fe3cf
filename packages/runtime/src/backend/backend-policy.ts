import { KlarError } from '../errors.js';
import type { KlarPlatform } from '../platform.js';
import type { Backend, BackendPreference } from '../types.js';
import { useGpuDevice } from './transformers-env.js';
import { createGpuDevice, probeWebGpu, type WebGpuProbe } from './webgpu.js';

/** Where a model would run now, and why WebGPU was passed over under `auto`. */
export type BackendChoice =
  | { readonly backend: Backend; readonly fp16: boolean; readonly skipped?: KlarError }
  | { readonly backend: null; readonly reason: KlarError };

/**
 * The backend policy of one engine: `auto` takes a hardware WebGPU adapter, else WASM (a
 * software adapter such as SwiftShader counts as none: it is far slower than WASM);
 * `webgpu` insists on WebGPU, software or not (tests); `wasm` never probes. Owns the GPU
 * device so it can notice loss, after which WebGPU is broken for this engine.
 */
export class BackendPolicy {
  readonly #preference: BackendPreference;
  readonly #platform: KlarPlatform;
  #probe: Promise<WebGpuProbe> | null = null;
  #device: Promise<GPUDevice> | null = null;
  #broken: KlarError | null = null;

  constructor(preference: BackendPreference, platform: KlarPlatform) {
    this.#preference = preference;
    this.#platform = platform;
  }

  get preference(): BackendPreference {
    return this.#preference;
  }

  probe(): Promise<WebGpuProbe> {
    this.#probe ??= probeWebGpu(this.#platform);
    return this.#probe;
  }

  async choose(): Promise<BackendChoice> {
    if (this.#preference === 'wasm') return { backend: 'wasm', fp16: false };
    const probe = await this.probe();
    if (this.#preference === 'webgpu') {
      const reason = this.#broken ?? (probe.available ? null : unavailable(probe));
      return reason ? { backend: null, reason } : { backend: 'webgpu', fp16: probe.fp16 };
    }
    const skipped =
      this.#broken ??
      (!probe.available
        ? unavailable(probe)
        : probe.fallbackAdapter
          ? new KlarError(
              'webgpu-unavailable',
              'The only WebGPU adapter here is a software (fallback) adapter, which is slower than WASM; using WASM.',
              { fallbackAdapter: true },
            )
          : null);
    return skipped
      ? { backend: 'wasm', fp16: false, skipped }
      : { backend: 'webgpu', fp16: probe.fp16 };
  }

  /** The GPU device onnxruntime-web will use; created once, then watched for loss. */
  async prepareGpu(): Promise<GPUDevice> {
    await this.#platform.beforeWebGpuSession?.();
    if (!this.#device) {
      const probe = await this.probe();
      if (!probe.adapter) throw unavailable(probe);
      this.#device = createGpuDevice(probe.adapter);
      const device = await this.#device;
      useGpuDevice(device);
      device.lost.then((info) => {
        this.#broken ??= new KlarError(
          'device-lost',
          `The GPU device was lost (${info.reason}): ${info.message}`,
        );
      });
    }
    return this.#device;
  }

  /** Runs before every forward pass on WebGPU: the test platform's hook, then the loss check. */
  async beforeGpuStep(step: number): Promise<void> {
    const hook = this.#platform.beforeWebGpuStep;
    if (hook && this.#device && !this.#broken) {
      const device = await this.#device;
      await hook({ device, step });
      // A device the hook destroyed reports its loss a moment later; let this step see it.
      await Promise.race([device.lost, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
    if (this.#broken) throw this.#broken;
  }

  /** From now on this engine runs on WASM (e.g. the device was lost mid-request). */
  markBroken(reason: KlarError): void {
    this.#broken ??= reason;
  }

  broken(): KlarError | null {
    return this.#broken;
  }
}

function unavailable(probe: WebGpuProbe): KlarError {
  return new KlarError('webgpu-unavailable', `WebGPU can't be used here: ${probe.reason}.`);
}
