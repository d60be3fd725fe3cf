// One worker runs Klar's in-thread engine and bare transformers.js on the same model, in
// alternating rounds, so the ratio measures Klar's own overhead and nothing else.
import { AutoModelForCausalLM, AutoTokenizer, BaseStreamer, env } from '@huggingface/transformers';
import { LocalEngine } from '../../../packages/runtime/src/engine/local-engine.js';
import { resolveConfig } from '../../../packages/runtime/src/index.js';

class Clock extends BaseStreamer {
  times: number[] = [];
  #first = true;
  override put(): void {
    if (this.#first) this.#first = false;
    else this.times.push(performance.now());
  }
  override end(): void {}
}

const rate = (t: number[]) => (t.length - 1) / ((t.at(-1)! - t[0]!) / 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

self.onmessage = async (
  event: MessageEvent<{
    model: string;
    prompt: string;
    tokens: number;
    device: 'webgpu' | 'wasm';
    rounds: number;
  }>,
) => {
  const { model, prompt, tokens, device, rounds } = event.data;
  const klar = new LocalEngine(
    resolveConfig({ backend: device, modelBaseUrl: '/models/', manifest: '/models/manifest.json' }),
  );
  await klar.generate({ model, prompt, maxNewTokens: 4 });

  // Bare transformers.js reads the same files; Klar's engine already set env for this worker.
  env.allowLocalModels = true;
  const virtualRoot = env.localModelPath;
  env.localModelPath = '/models/';
  const platformFetch = env.fetch;
  env.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, init)) as typeof env.fetch;
  const tokenizer = await AutoTokenizer.from_pretrained(model);
  const lm = await AutoModelForCausalLM.from_pretrained(model, { dtype: 'fp32', device });
  env.localModelPath = virtualRoot;
  env.fetch = platformFetch;
  const inputs = tokenizer(prompt);
  await lm.generate({ ...inputs, max_new_tokens: 4, do_sample: false });

  const klarRates: number[] = [];
  const bareRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const times: number[] = [];
    await klar.generate(
      { model, prompt, maxNewTokens: tokens },
      { onToken: () => times.push(performance.now()) },
    );
    klarRates.push(rate(times));
    const clock = new Clock();
    await lm.generate({
      ...inputs,
      max_new_tokens: tokens,
      do_sample: false,
      streamer: clock,
    } as never);
    bareRates.push(rate(clock.times));
  }
  await klar.dispose();
  await lm.dispose();
  postMessage({
    klarTokensPerSecond: median(klarRates),
    bareTokensPerSecond: median(bareRates),
    // Every round, so the page can print the spread, not only the median.
    klarRates,
    bareRates,
    ratios: klarRates.map((k, i) => k / bareRates[i]!),
  });
};
