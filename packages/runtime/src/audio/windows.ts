/** Where one window of audio lies, in samples. */
export interface AudioWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Windows of `size` samples that overlap by `overlap`, covering `length` samples. Audio that
 * fits one window is one window (also when empty).
 */
export function planWindows(length: number, size: number, overlap: number): AudioWindow[] {
  if (!(overlap >= 0 && overlap < size)) throw new RangeError('overlap must be in [0, size)');
  const windows: AudioWindow[] = [];
  let start = 0;
  for (;;) {
    const end = Math.min(start + size, length);
    windows.push({ start, end });
    if (end >= length) return windows;
    start = end - overlap;
  }
}

/**
 * Non-overlapping spans for reporting: window i owns its audio up to the middle of its
 * overlap with the next one.
 */
export function ownedSpans(windows: readonly AudioWindow[]): AudioWindow[] {
  return windows.map((w, i) => {
    const before = windows[i - 1];
    const after = windows[i + 1];
    return {
      start: before ? (w.start + before.end) / 2 : w.start,
      end: after ? (w.end + after.start) / 2 : w.end,
    };
  });
}
