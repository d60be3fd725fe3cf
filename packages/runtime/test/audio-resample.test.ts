import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resample } from '../src/audio/resample.js';
import { KlarError } from '../src/errors.js';

function sine(rate: number, frequency: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / rate),
  );
}

/** The middle of the signal, away from the edges where the filter sees silence. */
const middle = (x: Float32Array) =>
  x.subarray(Math.floor(x.length * 0.2), Math.floor(x.length * 0.8));

/** Amplitude of the `frequency` component (Hann-windowed DFT bin). */
function amplitudeAt(x: Float32Array, rate: number, frequency: number): number {
  let re = 0;
  let im = 0;
  let windowSum = 0;
  for (let n = 0; n < x.length; n++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (x.length - 1));
    const phase = (2 * Math.PI * frequency * n) / rate;
    re += w * (x[n] as number) * Math.cos(phase);
    im -= w * (x[n] as number) * Math.sin(phase);
    windowSum += w;
  }
  return (2 * Math.hypot(re, im)) / windowSum;
}

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

/** The strongest frequency on a 10 Hz grid up to Nyquist. */
function peakFrequency(x: Float32Array, rate: number): number {
  let best = 0;
  let bestAmplitude = -1;
  for (let f = 10; f < rate / 2; f += 10) {
    const a = amplitudeAt(x, rate, f);
    if (a > bestAmplitude) {
      bestAmplitude = a;
      best = f;
    }
  }
  return best;
}

describe('resample', () => {
  it('48 kHz → 16 kHz keeps a 1 kHz tone: frequency, amplitude and waveform', () => {
    const out = resample(sine(48_000, 1000, 0.5), 48_000, 16_000);
    assert.equal(out.length, 8000);
    assert.equal(peakFrequency(middle(out), 16_000), 1000);
    const amplitude = amplitudeAt(middle(out), 16_000, 1000);
    assert.ok(Math.abs(amplitude - 0.5) < 0.005, `amplitude ${amplitude}`);
    const ideal = sine(16_000, 1000, 0.5);
    const worst = middle(out).reduce(
      (m, v, i) => Math.max(m, Math.abs(v - (ideal[i + Math.floor(out.length * 0.2)] as number))),
      0,
    );
    assert.ok(worst < 2e-3, `largest difference from the ideal 16 kHz sine: ${worst}`);
  });

  it('a tone above the new Nyquist frequency is removed, not folded back (no aliasing)', () => {
    for (const [rate, tone, alias] of [
      [48_000, 12_000, 4_000],
      [48_000, 9_000, 7_000],
      [44_100, 10_000, 6_000],
      [22_050, 8_600, 7_400],
    ] as const) {
      const out = middle(resample(sine(rate, tone, 0.5), rate, 16_000));
      const folded = amplitudeAt(out, 16_000, alias);
      assert.ok(folded < 1e-3, `${tone} Hz at ${rate} Hz folded to ${alias} Hz: ${folded}`);
      assert.ok(rms(out) < 1e-3, `${tone} Hz at ${rate} Hz leaves rms ${rms(out)}`);
    }
  });

  it('44.1 kHz (a non-integer ratio) → 16 kHz keeps speech-band tones', () => {
    for (const tone of [200, 3000, 6000]) {
      const out = middle(resample(sine(44_100, tone, 0.5), 44_100, 16_000));
      assert.equal(peakFrequency(out, 16_000), tone);
      const amplitude = amplitudeAt(out, 16_000, tone);
      assert.ok(Math.abs(amplitude - 0.5) < 0.01, `${tone} Hz amplitude ${amplitude}`);
    }
  });

  it('odd and non-integer rates (no small ratio: the direct path) behave the same', () => {
    for (const rate of [44_101, 47_999.5]) {
      const out = middle(resample(sine(rate, 1000, 0.5), rate, 16_000));
      assert.equal(peakFrequency(out, 16_000), 1000, `${rate}`);
      assert.ok(Math.abs(amplitudeAt(out, 16_000, 1000) - 0.5) < 0.005, `${rate}`);
      const folded = amplitudeAt(
        middle(resample(sine(rate, 12_000, 0.5), rate, 16_000)),
        16_000,
        4_000,
      );
      assert.ok(folded < 1e-3, `${rate}: 12 kHz folded to 4 kHz: ${folded}`);
    }
  });

  it('8 kHz → 16 kHz upsamples without an image above the old Nyquist frequency', () => {
    const out = middle(resample(sine(8_000, 1000, 0.5), 8_000, 16_000));
    assert.equal(peakFrequency(out, 16_000), 1000);
    assert.ok(Math.abs(amplitudeAt(out, 16_000, 1000) - 0.5) < 0.005);
    assert.ok(amplitudeAt(out, 16_000, 7000) < 1e-3, 'no mirror image at 7 kHz');
  });

  it('keeps a constant level (unity gain) and the expected length for any pair of rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8_000, max: 96_000 }),
        fc.integer({ min: 8_000, max: 48_000 }),
        (from, to) => {
          const input = new Float32Array(Math.round(from * 0.05)).fill(0.3);
          const out = resample(input, from, to);
          assert.equal(out.length, Math.round((input.length * to) / from));
          for (const v of middle(middle(out)))
            assert.ok(Math.abs(v - 0.3) < 3e-3, `${from}→${to}: ${v}`);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('returns the same array when the rates match, and refuses rates it cannot serve', () => {
    const x = sine(16_000, 440, 0.1);
    assert.equal(resample(x, 16_000, 16_000), x);
    for (const rate of [0, 4000, 200_000, Number.NaN, '16000']) {
      assert.throws(
        () => resample(x, rate as number, 16_000),
        (e: unknown) => e instanceof KlarError && e.code === 'invalid-input',
      );
    }
  });
});
