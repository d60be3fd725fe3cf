/**
 * 16-bit PCM WAV, mono, the one format the test speech uses. Pure (DataView only), so Node
 * tools and browser tests share it.
 */

export interface PcmAudio {
  readonly sampleRate: number;
  /** Mono samples in [-1, 1]. */
  readonly samples: Float32Array;
}

/** Reads a 16-bit PCM WAV; several channels are averaged. Tolerates streamed headers (size 0x7fffffff). */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let at = 12;
  let channels = 0;
  let sampleRate = 0;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (view.getUint16(body, true) !== 1 || view.getUint16(body + 14, true) !== 16)
        throw new Error('only 16-bit PCM WAV is supported');
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === 'data') {
      if (!channels) throw new Error('WAV data before its fmt chunk');
      const end = Math.min(bytes.length, body + size);
      const frames = Math.floor((end - body) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++)
          sum += view.getInt16(body + 2 * (f * channels + c), true);
        samples[f] = sum / channels / 32768;
      }
      return { sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV without a data chunk');
}

/** Mono 16-bit PCM WAV bytes (samples rounded to the nearest step of 1/32768, clipped). */
export function encodeWav({ sampleRate, samples }: PcmAudio): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const step = Math.round((samples[i] as number) * 32768);
    view.setInt16(44 + 2 * i, Math.max(-32768, Math.min(32767, step)), true);
  }
  return bytes;
}
