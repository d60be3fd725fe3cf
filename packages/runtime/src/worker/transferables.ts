import * as Comlink from 'comlink';

/**
 * A task input whose typed arrays (e.g. audio samples) move to the worker instead of being
 * copied: their buffers are transferred, so the caller's arrays are empty afterwards.
 * Only top-level fields are looked at; that is where tasks put bulk data.
 */
export function withTransfers<T>(input: T): T {
  if (!input || typeof input !== 'object') return input;
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(input)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return buffers.size ? Comlink.transfer(input, [...buffers]) : input;
}
