// Measures the runtime on the fixture LM; runtime.bench.mjs drives this page (built, on a static
// server with the documented cache headers) and prints the figures. Query:
// ?phase=cold|cached&rounds=5&tokens=128&backends=webgpu,wasm&speed=1 (speed=0: the load only).
// cold: a first visit (the browser's caches are empty), a load and one use. cached: a later
// visit, then generation speed and Klar's overhead against bare transformers.js.
import { createKlar, type ProgressEvent } from '../../../packages/runtime/src/index.js';

const MODEL = 'fixtures/klar-tiny-llama';
const PROMPT = 'Skriv en kort sammanfattning av beslutet om bostadsbidrag.';
const query = new URLSearchParams(location.search);
const PHASE = query.get('phase') === 'cold' ? 'cold' : 'cached';
const TOKENS = Number(query.get('tokens') ?? 128);
const ROUNDS = Number(query.get('rounds') ?? 5);
const BACKENDS = (query.get('backends') ?? 'webgpu,wasm').split(',') as ('webgpu' | 'wasm')[];

let longest = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
}).observe({ type: 'longtask', buffered: false });

/**
 * Where a load's time goes, from the page, with the progress events every page gets: until
 * the first file event (worker start, script imports, manifest, ONNX Runtime file check),
 * the model files (cache or network, checks), then tokenizer and session (ONNX Runtime's
 * start-up: .wasm fetch and compile, its first session).
 */
async function timedLoad(backend: 'webgpu' | 'wasm') {
  const klar = createKlar({ backend, modelBaseUrl: '/models/', manifest: '/models/manifest.json' });
  const start = performance.now();
  let firstFile = 0;
  let filesDone = 0;
  await klar.load(MODEL, {
    onProgress: (event: ProgressEvent) => {
      const now = performance.now() - start;
      if (event.status === 'initiate' && !firstFile) firstFile = now;
      if (event.status === 'download' && event.modelLoaded >= event.modelTotal) filesDone = now;
    },
  });
  const total = performance.now() - start;
  return {
    klar,
    phases: {
      totalMs: total,
      startMs: firstFile,
      filesMs: filesDone - firstFile,
      sessionMs: total - filesDone,
    },
  };
}

/** A citizen's first visit: nothing cached, the model loaded and used once. */
async function firstVisit(backend: 'webgpu' | 'wasm') {
  await caches.delete('klar-models-v1');
  const cold = await timedLoad(backend);
  await cold.klar.generate({ model: MODEL, prompt: PROMPT, maxNewTokens: TOKENS });
  // Chromium keeps compiled WebAssembly for the next visit once the hot code is optimised.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await cold.klar.dispose();
  return { backend, coldPhases: cold.phases };
}

/** A later visit: the model from the Cache API, the scripts and ORT from the HTTP cache. */
async function laterVisit(backend: 'webgpu' | 'wasm') {
  longest = 0;
  const warm = await timedLoad(backend);
  if (query.get('speed') === '0') {
    await warm.klar.dispose();
    return { backend, cachedPhases: warm.phases };
  }
  const options = { model: MODEL, prompt: PROMPT };
  await warm.klar.generate({ ...options, maxNewTokens: TOKENS }); // warm-up, as for the baseline
  const times: number[] = [];
  const t = performance.now();
  const result = await warm.klar.generate(
    { ...options, maxNewTokens: TOKENS },
    { onToken: () => times.push(performance.now()) },
  );
  const ttftMs = times[0]! - t;
  const tokensPerSecond = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
  await warm.klar.dispose();
  const longestMainThreadTaskMs = longest;

  const bare = new Worker(new URL('./bare-worker.ts', import.meta.url), { type: 'module' });
  const sameWorker = await new Promise<{
    klarTokensPerSecond: number;
    bareTokensPerSecond: number;
    klarRates: number[];
    bareRates: number[];
    ratios: number[];
    klarTokens: number[];
    bareTokens: number[];
    calibrationRatios: number[];
  }>((resolve, reject) => {
    bare.onmessage = (e) => resolve(e.data);
    bare.onerror = (e) => reject(new Error(`bare worker: ${e.message}`));
    bare.postMessage({
      model: MODEL,
      prompt: PROMPT,
      tokens: TOKENS,
      device: backend,
      rounds: ROUNDS,
    });
  });
  bare.terminate();
  return {
    backend: result.backend,
    tokens: result.tokenIds.length,
    cachedPhases: warm.phases,
    ttftMs,
    tokensPerSecond,
    klarInWorkerTokensPerSecond: sameWorker.klarTokensPerSecond,
    bareTokensPerSecond: sameWorker.bareTokensPerSecond,
    ratio: sameWorker.klarTokensPerSecond / sameWorker.bareTokensPerSecond,
    klarRates: sameWorker.klarRates,
    bareRates: sameWorker.bareRates,
    ratios: sameWorker.ratios,
    klarTokens: sameWorker.klarTokens,
    bareTokens: sameWorker.bareTokens,
    calibrationRatios: sameWorker.calibrationRatios,
    longestMainThreadTaskMs,
  };
}

const results = [];
for (const backend of BACKENDS)
  results.push(PHASE === 'cold' ? await firstVisit(backend) : await laterVisit(backend));
(window as unknown as { benchResults: unknown }).benchResults = results;
document.getElementById('state')!.textContent = 'done';
