import type { Backend, Dtype, ModelEntry } from './types.js';

/** Dtypes whose kernels need the WebGPU `shader-f16` feature. */
export function isF16Dtype(dtype: Dtype): boolean {
  return dtype === 'fp16' || dtype === 'q4f16';
}

/** True when the entry lists weights for `dtype`. */
export function hasDtypeFiles(entry: ModelEntry, dtype: Dtype): boolean {
  return entry.files.some((f) => f.dtype === dtype);
}

/* Without shader-f16 an f16 graph cannot run on WebGPU; these keep the GPU path, in order. */
const F32_FALLBACKS: readonly Dtype[] = ['q4', 'fp32'];

/**
 * The dtype to load on `backend`. `supportsFp16: false` (adapter lacks `shader-f16`) turns an
 * f16 WebGPU choice into q4/fp32 when the model has those weights, else into the WASM dtype.
 */
export function pickDtype(entry: ModelEntry, backend: Backend, supportsFp16?: boolean): Dtype {
  const preferred = entry.dtypes[backend];
  if (backend !== 'webgpu' || supportsFp16 !== false || !isF16Dtype(preferred)) return preferred;
  return F32_FALLBACKS.find((d) => hasDtypeFiles(entry, d)) ?? entry.dtypes.wasm;
}
