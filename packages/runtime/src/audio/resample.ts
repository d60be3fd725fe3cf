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

/** Above this many phases (16 kHz from an odd rate like 44,101 Hz) the table is too big to pay. */
const MAX_PHASES = 2048;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The kernel at |x| input samples from the centre, scaled: 0 outside its zero crossings. */
function kernelAt(table: Float32Array, x: number, tablePerSample: number): number {
  const position = Math.abs(x) * tablePerSample;
  if (position >= ZERO_CROSSINGS * POINTS_PER_CROSSING) return 0;
  const i = position | 0;
  const a = table[i] as number;
  return a + ((table[i + 1] as number) - a) * (position - i);
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
  const tablePerSample = 2 * cutoff * POINTS_PER_CROSSING;
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff);
  const gain = 2 * cutoff;
  const output = new Float32Array(Math.round(input.length * ratio));
  if (Number.isInteger(fromRate) && Number.isInteger(toRate)) {
    const g = gcd(fromRate, toRate);
    const phases = toRate / g;
    if (phases <= MAX_PHASES) {
      polyphase(
        input,
        output,
        fromRate / g,
        phases,
        halfWidth,
        (x) => gain * kernelAt(table, x, tablePerSample),
      );
      return output;
    }
  }
  const last = input.length - 1;
  for (let n = 0; n < output.length; n++) {
    const t = n / ratio;
    const first = Math.max(0, Math.ceil(t - halfWidth));
    const end = Math.min(last, Math.floor(t + halfWidth));
    let sum = 0;
    for (let k = first; k <= end; k++)
      sum += (input[k] as number) * kernelAt(table, t - k, tablePerSample);
    output[n] = sum * gain;
  }
  return output;
}

/**
 * The same filter for a rational ratio `up/down` (16 kHz from 48 kHz is 1/3, from 44.1 kHz
 * 160/441): output n sits at input time n·down/up, whose fractional part takes only `up`
 * values, so each phase's coefficients are computed once and the inner loop is a dot product.
 */
function polyphase(
  input: Float32Array,
  output: Float32Array,
  down: number,
  up: number,
  halfWidth: number,
  h: (x: number) => number,
): void {
  const taps = 2 * Math.ceil(halfWidth) + 1;
  const before = Math.ceil(halfWidth);
  const coefficients = new Float32Array(up * taps);
  for (let phase = 0; phase < up; phase++) {
    const fraction = phase / up;
    for (let j = 0; j < taps; j++) coefficients[phase * taps + j] = h(fraction + before - j);
  }
  const length = input.length;
  for (let n = 0; n < output.length; n++) {
    const position = n * down;
    const centre = Math.floor(position / up);
    const phase = position - centre * up;
    const first = centre - before;
    const jStart = Math.max(0, -first);
    const jEnd = Math.min(taps, length - first);
    const row = phase * taps;
    let sum = 0;
    for (let j = jStart; j < jEnd; j++)
      sum += (input[first + j] as number) * (coefficients[row + j] as number);
    output[n] = sum;
  }
}
