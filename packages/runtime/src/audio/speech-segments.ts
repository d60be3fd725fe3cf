/**
 * Speech segments from per-frame speech probabilities, with Silero VAD's own hysteresis
 * (`get_speech_timestamps` in silero-vad's utils_vad.py): speech starts when a frame reaches
 * `threshold`, and ends only after `minSilenceMs` below `threshold − 0.15`; segments shorter
 * than `minSpeechMs` are dropped, and each is padded by `speechPadMs` (half the gap when two
 * are closer than twice that).
 */

export interface SpeechSegmentOptions {
  /** Speech probability that starts speech. Default 0.5. */
  readonly threshold?: number;
  /** Silence that ends a segment. Default 100 ms. */
  readonly minSilenceMs?: number;
  /** Shorter speech is ignored. Default 250 ms. */
  readonly minSpeechMs?: number;
  /** Added before and after each segment. Default 30 ms. */
  readonly speechPadMs?: number;
}

export const SPEECH_DEFAULTS = {
  threshold: 0.5,
  minSilenceMs: 100,
  minSpeechMs: 250,
  speechPadMs: 30,
} as const satisfies Required<SpeechSegmentOptions>;

/** A segment in samples. */
export interface SampleSpan {
  start: number;
  end: number;
}

/**
 * `probabilities[i]` is the speech probability of samples `[i·frame, (i+1)·frame)` of audio
 * `length` samples long at `sampleRate`. Returns speech segments in samples.
 */
export function speechSegments(
  probabilities: ArrayLike<number>,
  frame: number,
  length: number,
  sampleRate: number,
  options: SpeechSegmentOptions = {},
): SampleSpan[] {
  const { threshold, minSilenceMs, minSpeechMs, speechPadMs } = { ...SPEECH_DEFAULTS, ...options };
  const negativeThreshold = Math.max(threshold - 0.15, 0.01);
  const minSilence = (sampleRate * minSilenceMs) / 1000;
  const minSpeech = (sampleRate * minSpeechMs) / 1000;
  const pad = Math.round((sampleRate * speechPadMs) / 1000);

  const segments: SampleSpan[] = [];
  let start = -1;
  let silenceFrom = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    const at = i * frame;
    if (p >= threshold) {
      silenceFrom = 0;
      if (start < 0) start = at;
      continue;
    }
    if (start < 0 || p >= negativeThreshold) continue;
    if (!silenceFrom) silenceFrom = at;
    if (at - silenceFrom < minSilence) continue;
    if (silenceFrom - start > minSpeech) segments.push({ start, end: silenceFrom });
    start = -1;
    silenceFrom = 0;
  }
  if (start >= 0 && length - start > minSpeech) segments.push({ start, end: length });

  segments.forEach((segment, i) => {
    if (i === 0) segment.start = Math.max(0, segment.start - pad);
    const next = segments[i + 1];
    if (!next) {
      segment.end = Math.min(length, segment.end + pad);
      return;
    }
    const gap = next.start - segment.end;
    if (gap < 2 * pad) {
      segment.end += Math.floor(gap / 2);
      next.start = Math.max(0, next.start - Math.floor(gap / 2));
    } else {
      segment.end = Math.min(length, segment.end + pad);
      next.start = Math.max(0, next.start - pad);
    }
  });
  return segments;
}
