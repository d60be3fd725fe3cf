// transformers.js (Node, onnxruntime-node CPU) loads klar-tiny-llama like a Hub model; the
// KV-cache path agrees with full forward passes.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  env,
  ones,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  Tensor,
} from '@huggingface/transformers';

const ID = 'klar-tiny-llama';
const SWEDISH = 'Åsa äter ölandskaka på Öland i år. Försäkringskassan svarar inom två veckor!';

let tokenizer: PreTrainedTokenizer;
let model: PreTrainedModel;

before(async () => {
  env.localModelPath = fileURLToPath(new URL('../../fixtures/', import.meta.url));
  env.allowRemoteModels = false;
  tokenizer = await AutoTokenizer.from_pretrained(ID, { local_files_only: true });
  model = await AutoModelForCausalLM.from_pretrained(ID, { local_files_only: true, dtype: 'fp32' });
});

const ids = (t: Tensor, row = 0): number[] => (t.tolist() as bigint[][])[row]!.map(Number);
const tensor = (values: readonly number[]) =>
  new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);

function prompt(content: string): string {
  const messages = [{ role: 'user', content }];
  return tokenizer.apply_chat_template(messages, {
    tokenize: false,
    add_generation_prompt: true,
  }) as string;
}

// transformers.js v4 always uses the KV cache in generate() (`use_cache` is ignored), so the
// no-cache reference is a plain forward pass over the whole sequence.
async function generate(text: string, maxNewTokens: number): Promise<number[]> {
  const inputs = tokenizer(text);
  const out = (await model.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    do_sample: false,
  })) as Tensor;
  return ids(out);
}

/** Logits [seq, vocab] of a full forward pass with no cache. */
async function fullLogits(sequence: readonly number[]): Promise<Float32Array[]> {
  const out = await model({
    input_ids: tensor(sequence),
    attention_mask: ones([1, sequence.length]),
  });
  const logits = out.logits as Tensor;
  const vocab = logits.dims[2]!;
  const data = logits.data as Float32Array;
  return sequence.map((_, i) => data.subarray(i * vocab, (i + 1) * vocab));
}

/** Index of the largest logit and how far it is ahead of the runner-up. */
function top(row: Float32Array): { index: number; margin: number } {
  let index = 0;
  let second = -Infinity;
  for (let i = 1; i < row.length; i++) {
    if (row[i]! > row[index]!) {
      second = row[index]!;
      index = i;
    } else if (row[i]! > second) {
      second = row[i]!;
    }
  }
  return { index, margin: row[index]! - second };
}

test('byte-level BPE round-trips Swedish text exactly', () => {
  const encoded = tokenizer.encode(SWEDISH);
  assert.ok(encoded.length < new TextEncoder().encode(SWEDISH).length, 'merges apply');
  assert.equal(tokenizer.decode(encoded), SWEDISH);
});

test('ChatML template renders', () => {
  assert.equal(prompt('Hej!'), '<|im_start|>user\nHej!<|im_end|>\n<|im_start|>assistant\n');
  const encoded = tokenizer.encode(prompt('Hej!'));
  assert.equal(encoded[0], tokenizer.convert_tokens_to_ids('<|im_start|>'));
  assert.equal(tokenizer.eos_token, '<|im_end|>');
});

test('greedy generation runs 20 tokens without EOS', async () => {
  const text = prompt('Hur ansöker jag om bygglov i Göteborg?');
  const promptLength = tokenizer.encode(text).length;
  const cached = await generate(text, 20);
  assert.equal(cached.length, promptLength + 20);
  const generated = cached.slice(promptLength);
  const eos = tokenizer.convert_tokens_to_ids('<|im_end|>');
  assert.ok(!generated.includes(eos));
  assert.ok(!tokenizer.decode(generated).includes('\uFFFD'), 'decodes to clean UTF-8');
});

test('every cached greedy step is the clear argmax of a full no-cache forward', async () => {
  const text = prompt('Skriv en kort sammanfattning.');
  const promptLength = tokenizer.encode(text).length;
  const sequence = await generate(text, 20);
  const rows = await fullLogits(sequence);
  for (let t = promptLength - 1; t < sequence.length - 1; t++) {
    const { index, margin } = top(rows[t]!);
    assert.equal(index, sequence[t + 1], `step ${t}`);
    // Far above fp32 backend noise (~3e-5), so WebGPU and WASM pick the same token.
    assert.ok(margin > 0.01, `step ${t}: top-2 margin ${margin}`);
  }
});

test('a KV-cache step gives the same logits as the full forward (1e-4)', async () => {
  const sequence = tokenizer.encode(prompt('Vad heter du?')).concat([300, 301, 302]);
  const prefix = sequence.slice(0, -1);
  const first = await model({
    input_ids: tensor(prefix),
    attention_mask: ones([1, prefix.length]),
  });
  const past = Object.fromEntries(
    Object.entries(first)
      .filter(([name]) => name.startsWith('present.'))
      .map(([name, value]) => [name.replace('present', 'past_key_values'), value]),
  );
  const step = await model({
    input_ids: tensor(sequence.slice(-1)),
    attention_mask: ones([1, sequence.length]),
    past_key_values: past,
  });
  const cachedRow = (step.logits as Tensor).data as Float32Array;
  const fullRow = (await fullLogits(sequence)).at(-1)!;
  const maxDiff = fullRow.reduce((m, v, i) => Math.max(m, Math.abs(v - cachedRow[i]!)), 0);
  assert.ok(maxDiff < 1e-4, `max |Δlogit| = ${maxDiff}`);
});

test('left-padded batch generation equals one-by-one generation', async () => {
  const texts = ['Hej!', 'Hur ansöker jag om bygglov i Göteborg?'];
  const batch = tokenizer(texts, { padding: true });
  const out = (await model.generate({ ...batch, max_new_tokens: 8, do_sample: false })) as Tensor;
  for (const [row, text] of texts.entries()) {
    const single = await generate(text, 8);
    assert.deepEqual(ids(out, row).slice(-8), single.slice(-8), text);
  }
});
