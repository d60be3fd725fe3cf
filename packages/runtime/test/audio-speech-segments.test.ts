import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { speechSegments } from '../src/audio/speech-segments.js';

const RATE = 16_000;
const FRAME = 512; // 32 ms
/** Probabilities from a pattern: '#' speech (0.9), '-' silence (0.05), '~' unsure (0.4). */
const frames = (pattern: string) =>
  [...pattern].map((c) => (c === '#' ? 0.9 : c === '~' ? 0.4 : 0.05));
const seconds = (spans: { start: number; end: number }[]) =>
  spans.map(({ start, end }) => [start / RATE, end / RATE]);
const segments = (pattern: string, options = {}) =>
  speechSegments(frames(pattern), FRAME, pattern.length * FRAME, RATE, options);

describe('speech segments from frame probabilities (Silero hysteresis)', () => {
  it('finds speech, pads it by 30 ms, and finds nothing in silence', () => {
    assert.deepEqual(seconds(segments('-----##########-----')), [[0.16 - 0.03, 0.48 + 0.03]]);
    assert.deepEqual(segments('-'.repeat(50)), []);
  });

  it('a pause shorter than minSilenceMs, or an unsure dip, does not split speech', () => {
    assert.equal(segments('----##########--##########----').length, 1, '64 ms pause');
    assert.equal(segments('----##########~~~~~~~~##########----').length, 1, 'unsure');
    assert.equal(segments('----##########-----##########----').length, 2, '160 ms pause');
    assert.equal(
      segments('----##########-----##########----', { minSilenceMs: 200 }).length,
      1,
      'a longer minSilenceMs joins them',
    );
  });

  it('drops speech shorter than minSpeechMs; speech running to the end is closed there', () => {
    assert.deepEqual(segments('-----#######-----'), [], '224 ms < 250 ms');
    assert.equal(segments('-----#######-----', { minSpeechMs: 200 }).length, 1);
    const toEnd = segments('-----##########');
    assert.equal(toEnd.at(-1)?.end, 15 * FRAME);
  });

  it('a higher threshold ignores weaker speech', () => {
    assert.equal(segments('----##########----', { threshold: 0.95 }).length, 0);
  });

  it('property: segments are ordered, inside the audio, and never overlap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { maxLength: 300 }),
        fc.nat({ max: 300 }),
        fc.nat({ max: 100 }),
        (probabilities, minSilenceMs, speechPadMs) => {
          const length = probabilities.length * FRAME;
          const found = speechSegments(probabilities, FRAME, length, RATE, {
            minSilenceMs,
            speechPadMs,
          });
          let previousEnd = 0;
          for (const { start, end } of found) {
            assert.ok(start >= previousEnd && start < end && end <= length);
            previousEnd = end;
          }
        },
      ),
    );
  });
});
