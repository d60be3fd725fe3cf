import { KlarError } from '../errors.js';

/**
 * Band-limited resampling (J. O. Smith's windowed-sinc interpolation): every output sample is
 * the input convolved with a Kaiser-windowed sinc whose cut-off sits below the lower of the two
 * Nyquist frequencies, so downsampling (48 kHz microphone → 16 kHz Whisper) cannot alias and
 * any rate, even a non-integer ratio like 44.1 → 16 kHz, works.
 *
 * Written here rather than taken from npm: the maintained packages are libsamplerate or Speex
 * compiled to WebAssembly (≈ 2 MB inline for libsamplerate-js, more for the worker to load), and
 * the small pure-JS one (wave-resampler, last released 2020) filters at exactly Nyquist and
 * rewrites its input in place.
 */

/** Zero crossings of the sinc on each side: with the Kaiser β below, ≈ 70 dB of stop band. */
const ZERO_CROSSINGS = 20;
/** Table points per zero crossing; between them the kernel is linearly interpolated. */
const POINTS_PER_CROSSING = 512;
const KAISER_BETA = 7;
/** Cut-off as a share of the lower Nyquist frequency; the transition band ends just below it. */
const CUTOFF = 0.88;

export const MIN_SAMPLE_RATE = 8_000;
export const MAX_SAMPLE_RATE = 96_000;

/** I0, the modified Bessel function of the first kind, order 0 (for the Kaiser window). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const half = x / 2;
  for (let k = 1; k < 50; k++) {
    term *= (half / k) * (half / k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

let kernelTable: Float32Array | null = null;

/** sinc(u)·kaiser(u / ZERO_CROSSINGS) for u in [0, ZERO_CROSSINGS], sampled finely; built once. */
function kernel(): Float32Array {
  if (kernelTable) return kernelTable;
  const size = ZERO_CROSSINGS * POINTS_PER_CROSSING + 1;
  const table = new Float32Array(size + 1);
  const norm = besselI0(KAISER_BETA);
  for (let i = 0; i < size; i++) {
    const u = i / POINTS_PER_CROSSING;
    const sinc = i === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
    const r = u / ZERO_CROSSINGS;
    table[i] = (sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r)))) / norm;
  }
  kernelTable = table;
  return table;
}

/** Throws `invalid-input` unless `rate` is a sample rate Klar resamples from. */
export function checkSampleRate(rate: unknown): number {
  if (
    typeof rate !== 'number' ||
    !Number.isFinite(rate) ||
    rate < MIN_SAMPLE_RATE ||
    rate > MAX_SAMPLE_RATE
  )
    throw new KlarError(
      'invalid-input',
      `\`sampleRate\` must be a number of samples per second from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} (an AudioContext's sampleRate), got ${String(rate)}.`,
      { sampleRate: rate },
    );
  return rate;
}

/**
 * `input` (mono, at `fromRate`) at `toRate`. The same array comes back when the rates are equal.
 * The output has round(length · toRate / fromRate) samples; the signal's edges are treated as
 * silence beyond the ends.
 */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  checkSampleRate(fromRate);
  checkSampleRate(toRate);
  if (fromRate === toRate) return input;
  const table = kernel();
  const ratio = toRate / fromRate;
  // Cut-off in cycles per input sample, below both Nyquist frequencies.
  const cutoff = (CUTOFF * Math.min(fromRate, toRate)) / 2 / fromRate;
  // The kernel in input samples: u = 2·cutoff·|x| zero crossings from the centre.
  const uPerSample = 2 * cutoff;
  const halfWidth = ZERO_CROSSINGS / uPerSample;
  const gain = 2 * cutoff;
  const length = Math.round(input.length * ratio);
  const output = new Float32Array(length);
  const last = input.length - 1;
  const tablePerSample = uPerSample * POINTS_PER_CROSSING;
  const tableEnd = ZERO_CROSSINGS * POINTS_PER_CROSSING;
  for (let n = 0; n < length; n++) {
    const t = n / ratio;
    const first = Math.max(0, Math.ceil(t - halfWidth));
    const end = Math.min(last, Math.floor(t + halfWidth));
    let sum = 0;
    for (let k = first; k <= end; k++) {
      const position = Math.abs(t - k) * tablePerSample;
      if (position >= tableEnd) continue;
      const i = position | 0;
      const fraction = position - i;
      const a = table[i] as number;
      sum += (input[k] as number) * (a + ((table[i + 1] as number) - a) * fraction);
    }
    output[n] = sum * gain;
  }
  return output;
}
