// Measures the runtime on the fixture LM; bench.mjs drives this page and prints the figures.
import { createKlar } from '../../../packages/runtime/src/index.js';

const MODEL = 'fixtures/klar-tiny-llama';
const PROMPT = 'Skriv en kort sammanfattning av beslutet om bostadsbidrag.';
const TOKENS = 128;

let longest = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
}).observe({ type: 'longtask', buffered: false });

async function measure(backend: 'webgpu' | 'wasm') {
  await caches.delete('klar-models-v1');
  longest = 0;
  const options = { backend, modelBaseUrl: '/models/', manifest: '/models/manifest.json' } as const;
  const cold = createKlar(options);
  let t = performance.now();
  const loaded = await cold.load(MODEL);
  const coldLoadMs = performance.now() - t;
  await cold.dispose();

  const warm = createKlar(options);
  t = performance.now();
  await warm.load(MODEL);
  const cachedLoadMs = performance.now() - t;
  await warm.generate({ model: MODEL, prompt: PROMPT, maxNewTokens: 4 }); // warm-up, as for the baseline
  const times: number[] = [];
  t = performance.now();
  await warm.generate(
    { model: MODEL, prompt: PROMPT, maxNewTokens: TOKENS },
    { onToken: () => times.push(performance.now()) },
  );
  const ttftMs = times[0]! - t;
  const tokensPerSecond = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
  await warm.dispose();
  const longestMainThreadTaskMs = longest;

  const bare = new Worker(new URL('./bare-worker.ts', import.meta.url), { type: 'module' });
  const sameWorker = await new Promise<{
    klarTokensPerSecond: number;
    bareTokensPerSecond: number;
    klarRates: number[];
    bareRates: number[];
    ratios: number[];
  }>((resolve) => {
    bare.onmessage = (e) => resolve(e.data);
    bare.postMessage({ model: MODEL, prompt: PROMPT, tokens: TOKENS, device: backend, rounds: 5 });
  });
  bare.terminate();
  return {
    backend: loaded.backend,
    coldLoadMs,
    cachedLoadMs,
    ttftMs,
    tokensPerSecond,
    klarInWorkerTokensPerSecond: sameWorker.klarTokensPerSecond,
    bareTokensPerSecond: sameWorker.bareTokensPerSecond,
    ratio: sameWorker.klarTokensPerSecond / sameWorker.bareTokensPerSecond,
    klarRates: sameWorker.klarRates,
    bareRates: sameWorker.bareRates,
    ratios: sameWorker.ratios,
    longestMainThreadTaskMs,
  };
}

const results = [await measure('webgpu'), await measure('wasm')];
(window as unknown as { benchResults: unknown }).benchResults = results;
document.getElementById('state')!.textContent = 'done';
