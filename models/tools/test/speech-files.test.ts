import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeWav, encodeWav } from '../speech/wav.js';

const audioDir = resolve(fileURLToPath(new URL('../../../test/audio', import.meta.url)));
const described = JSON.parse(readFileSync(join(audioDir, 'speech.json'), 'utf8')) as {
  sampleRate: number;
  files: { file: string; seconds: number; speech: { start: number; end: number }[] }[];
};

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / (x.length || 1));

describe('test speech (test/audio)', () => {
  it('is small, 16 kHz mono, and as long as speech.json says', () => {
    let total = 0;
    for (const { file, seconds } of described.files) {
      total += statSync(join(audioDir, file)).size;
      const { sampleRate, samples } = decodeWav(readFileSync(join(audioDir, file)));
      assert.equal(sampleRate, 16_000, file);
      assert.equal(samples.length, Math.round(seconds * 16_000), file);
    }
    assert.ok(total < 350_000, `all test speech together is ${total} bytes`);
  });

  it('has sound exactly where speech.json puts speech, and none elsewhere', () => {
    for (const { file, speech } of described.files) {
      const { samples } = decodeWav(readFileSync(join(audioDir, file)));
      const at = (s: number) => Math.round(s * 16_000);
      for (const { start, end } of speech)
        assert.ok(rms(samples.subarray(at(start), at(end))) > 0.02, `${file} ${start}-${end}`);
      if (file === 'silence.wav') assert.equal(rms(samples), 0);
      if (file === 'speech-pause-speech.wav') {
        const [first, second] = speech;
        assert.ok(first && second && second.start - first.end > 1, 'a pause of over a second');
        assert.ok(rms(samples.subarray(at(first.end), at(second.start))) < 0.005, 'a quiet pause');
        assert.equal(rms(samples.subarray(at(first.end + 0.1), at(second.start - 0.1))), 0);
      }
    }
  });

  it('WAV encoding round-trips within half a 16-bit step', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.9);
    const back = decodeWav(encodeWav({ sampleRate: 22_050, samples }));
    assert.equal(back.sampleRate, 22_050);
    const worst = samples.reduce(
      (m, v, i) => Math.max(m, Math.abs(v - (back.samples[i] as number))),
      0,
    );
    assert.ok(worst <= 0.5 / 32_768, `largest error ${worst}`);
  });
});
