// One worker runs Klar's in-thread engine and bare transformers.js on the same model, in
// alternating rounds, so the ratio measures Klar's own overhead and nothing else. Like with
// like: the same prompt ids, greedy decoding, the same number of new tokens, four untimed
// full-length rounds each first (JIT tier-up, ORT buffers), and the order flips every round.
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  BaseStreamer,
  env,
  Tensor,
} from '@huggingface/transformers';
import { LocalEngine } from '../../../packages/runtime/src/engine/local-engine.js';
import { resolveConfig } from '../../../packages/runtime/src/index.js';

/** Token arrival times, the way a page would see them: one call per new token. */
class Clock extends BaseStreamer {
  times: number[] = [];
  #first = true;
  override put(): void {
    if (this.#first) this.#first = false;
    else this.times.push(performance.now());
  }
  override end(): void {}
}

/** Tokens per second between the first and the last token (TTFT excluded on both sides). */
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
  // A second, identical bare model: bare against bare shows what this measurement reads for
  // no difference at all (its noise floor on this machine).
  const lmAgain = await AutoModelForCausalLM.from_pretrained(model, { dtype: 'fp32', device });
  env.localModelPath = virtualRoot;
  env.fetch = platformFetch;
  // The ids Klar's engine feeds the model for a plain prompt (tokenizer's special tokens on).
  const ids = Array.from(tokenizer.encode(prompt, { add_special_tokens: true }), Number);
  const inputs = () => ({
    input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
  });

  const runKlar = async () => {
    const times: number[] = [];
    const result = await klar.generate(
      { model, prompt, maxNewTokens: tokens },
      { onToken: () => times.push(performance.now()) },
    );
    return { times, count: result.tokenIds.length };
  };
  const bareRun = (bareModel: typeof lm) => async () => {
    const clock = new Clock();
    await bareModel.generate({
      ...inputs(),
      max_new_tokens: tokens,
      do_sample: false,
      streamer: clock,
    } as never);
    return { times: clock.times, count: clock.times.length };
  };
  const runBare = bareRun(lm);
  const runBareAgain = bareRun(lmAgain);
  // Untimed rounds until ORT's hot wasm code is optimised (tier-up goes on for a while:
  // rates still rose over the first ten timed rounds with one warm-up round each).
  for (let i = 0; i < 4; i++) {
    await runKlar();
    await runBare();
    await runBareAgain();
  }

  /** Rates of `first` and `second` in alternating rounds, the order flipped every round. */
  const alternate = async (first: typeof runBare, second: typeof runBare) => {
    const a = { rates: [] as number[], tokens: [] as number[] };
    const b = { rates: [] as number[], tokens: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [first, second] : [second, first];
      for (const run of order) {
        const { times, count } = await run();
        const into = run === first ? a : b;
        into.rates.push(rate(times));
        into.tokens.push(count);
      }
    }
    return { a, b };
  };
  const { a: klarRun, b: bareRun1 } = await alternate(runKlar, runBare);
  const { a: calibrationA, b: calibrationB } = await alternate(runBareAgain, runBare);
  await klar.dispose();
  await lm.dispose();
  await lmAgain.dispose();
  const klarRates = klarRun.rates;
  const bareRates = bareRun1.rates;
  postMessage({
    klarTokensPerSecond: median(klarRates),
    bareTokensPerSecond: median(bareRates),
    // Every round, so the page can print the spread, not only the median.
    klarRates,
    bareRates,
    ratios: klarRates.map((k, i) => k / bareRates[i]!),
    // Both must generate the same number of tokens for the rates to compare.
    klarTokens: klarRun.tokens,
    bareTokens: bareRun1.tokens,
    calibrationRatios: calibrationA.rates.map((x, i) => x / calibrationB.rates[i]!),
  });
};
