import { AutoModelForCausalLM, AutoTokenizer, env, Tensor } from '@huggingface/transformers';
import { assert, assertEqual } from '../support/assert.js';
import { fixtureClient, LM, PROMPT } from '../support/fixtures.js';

describe('WebGPU and WASM agree', () => {
  it('gives identical greedy token ids on WebGPU and WASM in the worker', async () => {
    const gpu = fixtureClient({ backend: 'webgpu' });
    const cpu = fixtureClient({ backend: 'wasm' });
    const request = { model: LM, prompt: PROMPT, maxNewTokens: 32 };
    const onGpu = await gpu.generate(request);
    const onCpu = await cpu.generate(request);
    assertEqual(onGpu.backend, 'webgpu', 'WebGPU result comes from WebGPU');
    assertEqual(onCpu.backend, 'wasm', 'WASM result comes from WASM');
    assertEqual(onGpu.tokenIds, onCpu.tokenIds, 'same token ids on both backends');
    await Promise.all([gpu.dispose(), cpu.dispose()]);
  });

  it('the KV-cached path Klar generates with equals a full forward pass', async () => {
    const klar = fixtureClient({ backend: 'wasm' });
    const generated = await klar.generate({ model: LM, prompt: PROMPT, maxNewTokens: 16 });
    await klar.dispose();

    // One forward pass over prompt + generated tokens, no cache, straight through transformers.js.
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = '/models/';
    env.useBrowserCache = false;
    const onnx = env.backends.onnx as { wasm: { wasmPaths: unknown } };
    onnx.wasm.wasmPaths = {
      mjs: '/ort/ort-wasm-simd-threaded.asyncify.mjs',
      wasm: '/ort/ort-wasm-simd-threaded.asyncify.wasm',
    };
    const tokenizer = await AutoTokenizer.from_pretrained(LM);
    const model = await AutoModelForCausalLM.from_pretrained(LM, { dtype: 'fp32', device: 'wasm' });
    const prompt = Array.from(tokenizer.encode(PROMPT), Number);
    const ids = [...prompt, ...generated.tokenIds.slice(0, -1)];
    const { config } = model as unknown as {
      config: {
        num_hidden_layers: number;
        num_key_value_heads: number;
        hidden_size: number;
        num_attention_heads: number;
      };
    };
    const headDim = config.hidden_size / config.num_attention_heads;
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
      position_ids: new Tensor('int64', BigInt64Array.from(ids.keys(), BigInt), [1, ids.length]),
    };
    for (let layer = 0; layer < config.num_hidden_layers; layer++) {
      for (const kind of ['key', 'value']) {
        feeds[`past_key_values.${layer}.${kind}`] = new Tensor('float32', new Float32Array(0), [
          1,
          config.num_key_value_heads,
          0,
          headDim,
        ]);
      }
    }
    const out = await (
      model as unknown as {
        sessions: {
          model: {
            run(f: unknown): Promise<Record<string, { data: Float32Array; dims: number[] }>>;
          };
        };
      }
    ).sessions.model.run(
      Object.fromEntries(
        Object.entries(feeds).map(([k, v]) => [
          k,
          (v as unknown as { ort_tensor: unknown }).ort_tensor,
        ]),
      ),
    );
    const logits = out.logits!;
    const vocab = logits.dims[2]!;
    const argmaxAt = (position: number) => {
      const row = logits.data.subarray(position * vocab, (position + 1) * vocab);
      let best = 0;
      for (let i = 1; i < vocab; i++) if (row[i]! > row[best]!) best = i;
      return best;
    };
    const fullPass = generated.tokenIds.map((_, k) => argmaxAt(prompt.length - 1 + k));
    assertEqual([...generated.tokenIds], fullPass, 'each cached step picks the full pass argmax');
    assert(generated.tokenIds.length === 16, 'generated 16 tokens');
    await model.dispose();
  });
});
