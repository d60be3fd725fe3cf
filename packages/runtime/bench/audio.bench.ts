// npm run bench: the audio path in Debian Chromium through Vite's dev server (WebGPU on
// SwiftShader here, a real GPU elsewhere): resampling, Silero VAD time per second of audio, and
// transcription and translation throughput on the fixtures per backend. Prints, never asserts.
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { createServer } from 'vite';
// @ts-expect-error: test/support is plain JavaScript without types.
import { launchBenchChromium } from '../../../test/support/chromium.mjs';

const root = resolve(import.meta.dirname, '../../..');
const server = await createServer({
  configFile: resolve(root, 'vite.config.ts'),
  root: resolve(import.meta.dirname, 'audio-page'),
  server: { port: 0, host: 'localhost' },
  logLevel: 'error',
});
await server.listen();
const url = server.resolvedUrls?.local[0];
// SwiftShader compiles every WebGPU kernel on first use, and this machine may be shared: be patient.
const TIMEOUT_MS = 2_400_000;

interface Results {
  error?: string;
  resample48To16MsPerMinute: number;
  vadFirstRequestMs: number;
  vadMsPerAudioSecond: number;
  vadRounds: number[];
  transcription: {
    backend: string;
    firstRequestMs: number;
    audioSecondsPerSecond: Record<string, number>;
  }[];
  translation: {
    backend: string;
    firstRequestMs: number;
    sentences: number;
    sentencesPerSecond: number[];
  }[];
}

const browser: Browser = await launchBenchChromium(TIMEOUT_MS);
try {
  if (!url) throw new Error('the dev server did not start');
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (e) => console.error('page error:', (e as Error).message));
  // Figures as they are measured, so a slow run still shows what it got.
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('bench:')) console.log(`  measured ${text.slice('bench:'.length)}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
  await page.waitForFunction('window.benchResults', { timeout: TIMEOUT_MS, polling: 1000 });
  const r = (await page.evaluate('window.benchResults')) as Results;
  if (r.error) throw new Error(r.error);
  const gpu = await page.evaluate(
    'navigator.gpu?.requestAdapter().then((a) => a ? a.info?.description || a.info?.vendor || "unnamed (SwiftShader here)" : "none") ?? "none"',
  );
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(`Klar audio path, ${await browser.version()}, WebGPU adapter: ${gpu}`);
  console.log(
    `Resampling 48 kHz → 16 kHz: ${f(r.resample48To16MsPerMinute)} ms per minute of audio`,
  );
  console.log(
    `Silero VAD (WASM): first request ${f(r.vadFirstRequestMs)} ms (load + 4.3 s of audio); ` +
      `${f(r.vadMsPerAudioSecond, 2)} ms per second of audio (median of ${r.vadRounds.length} × 60 s: ${r.vadRounds.map((x) => f(x, 2)).join(', ')})`,
  );
  console.log(
    'Transcription on the Whisper fixture (16 new tokens per window), audio s per wall s:',
  );
  console.log('backend   first request ms   30 s (1 window)   55 s (2 windows)');
  for (const t of r.transcription)
    console.log(
      `${t.backend.padEnd(8)}${f(t.firstRequestMs).padStart(18)}${f(t.audioSecondsPerSecond['30s'] ?? NaN).padStart(18)}${f(t.audioSecondsPerSecond['55s'] ?? NaN).padStart(19)}`,
    );
  console.log(
    `Translation on the Marian fixture (sv→en, a letter of ${r.translation[0]?.sentences ?? '?'} sentences, ≤ 16 new tokens each), sentences per wall s, 3 rounds:`,
  );
  console.log('backend   first request ms   median   min–max');
  for (const t of r.translation) {
    const sorted = [...t.sentencesPerSecond].sort((a, b) => a - b);
    console.log(
      `${t.backend.padEnd(8)}${f(t.firstRequestMs).padStart(18)}${f(sorted[1] ?? NaN).padStart(9)}   ${f(sorted[0] ?? NaN)}–${f(sorted.at(-1) ?? NaN)}`,
    );
  }
  console.log(
    'The fixtures are tiny (d_model 32): these figures measure the runtime path (features, windows, merge, streaming), not KB-Whisper.',
  );
} finally {
  await browser.close();
  await server.close();
}
