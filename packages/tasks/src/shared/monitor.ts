import type { CreateMonitorCallback, ProgressEvent } from './types.js';

/** The W3C `downloadprogress` event: `loaded` and `total` are fractions (total is 1). */
export class DownloadProgressEvent extends Event {
  readonly loaded: number;
  readonly total: number;
  constructor(loaded: number) {
    super('downloadprogress');
    this.loaded = loaded;
    this.total = 1;
  }
}

/**
 * Hands the integrator's `monitor` callback an EventTarget and returns a runtime progress
 * handler that feeds it: `downloadprogress` from 0 to 1, as the spec says (0 first, 1 last).
 */
export function createMonitor(
  callback: CreateMonitorCallback | undefined,
  forward?: (event: ProgressEvent) => void,
): { onProgress: (event: ProgressEvent) => void; finish: () => void } {
  const target = new EventTarget();
  callback?.(target);
  let last = -1;
  const emit = (fraction: number) => {
    const loaded = Math.min(1, Math.max(0, fraction));
    if (loaded <= last) return;
    last = loaded;
    target.dispatchEvent(new DownloadProgressEvent(loaded));
  };
  return {
    onProgress: (event) => {
      forward?.(event);
      if (event.status === 'initiate') emit(0);
      else if (event.status === 'download' && event.modelTotal > 0) {
        // 1 is kept for "ready", so the last event means the model can be used.
        emit(Math.min(0.999, event.modelLoaded / event.modelTotal));
      }
    },
    finish: () => {
      if (last < 0) emit(0);
      emit(1);
    },
  };
}
