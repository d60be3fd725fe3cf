// AudioWorklet module of <klar-dictate>: runs on the audio rendering thread, copies the
// microphone's samples (mono, at the device's own rate) into ~100 ms chunks and posts each one,
// with its loudness, to the element. Nothing is resampled or stored here: the recogniser's worker
// resamples, and the chunks live only in the element's memory until the citizen stops.
// Plain JavaScript (not TypeScript) because the browser loads it as it is, from our own origin,
// with `audioWorklet.addModule()`: every build copies it unchanged next to the module that loads it.

const CHUNK_SECONDS = 0.1;

class KlarCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    // `sampleRate` is the AudioWorkletGlobalScope's: the context's (the device's) rate.
    this.size = Math.max(128, Math.round(sampleRate * CHUNK_SECONDS));
    this.buffer = new Float32Array(this.size);
    this.filled = 0;
    this.open = true;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') this.open = false;
    };
  }

  process(inputs) {
    if (!this.open) return false;
    const channels = inputs[0];
    const first = channels?.[0];
    if (!first) return true;
    for (let i = 0; i < first.length; i++) {
      // Down-mix to mono: a stereo microphone gives the average of its channels.
      let sum = 0;
      for (const channel of channels) sum += channel[i] ?? 0;
      this.buffer[this.filled++] = sum / channels.length;
      if (this.filled === this.size) this.flush();
    }
    return true;
  }

  flush() {
    const samples = this.buffer;
    let squares = 0;
    for (let i = 0; i < samples.length; i++) squares += samples[i] * samples[i];
    const rms = Math.sqrt(squares / samples.length);
    // The buffer is transferred, not copied: a fresh one takes its place.
    this.port.postMessage({ samples, rms }, [samples.buffer]);
    this.buffer = new Float32Array(this.size);
    this.filled = 0;
  }
}

registerProcessor('klar-capture', KlarCaptureProcessor);
