// transformers.js (Node) loads klar-tiny-marian-sv-en through its real Marian classes: the
// Unigram tokenizer as MarianTokenizer, MarianMTModel with encoder and merged decoder, and the
// translation pipeline; every KV-cached greedy step agrees with a full no-cache forward pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  pipeline,
  Tensor,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { CORPUS_SV } from '../fixtures/corpus.js';

const ID = 'klar-tiny-marian-sv-en';
const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const config = JSON.parse(readFileSync(`${fixturesDir}${ID}/config.json`, 'utf8'));
const SENTENCE = 'Du får ett svar från kommunen inom två veckor.';

let tokenizer: PreTrainedTokenizer;
let model: PreTrainedModel;

before(async () => {
  env.localModelPath = fixturesDir;
  env.allowRemoteModels = false;
  tokenizer = await AutoTokenizer.from_pretrained(ID, { local_files_only: true });
  model = await AutoModelForSeq2SeqLM.from_pretrained(ID, {
    local_files_only: true,
    dtype: 'fp32',
  });
});

const tensor = (ids: readonly number[]) =>
  new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
const ones = (n: number) => new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
const ids = (t: Tensor) => Array.from(t.data as BigInt64Array, Number);

function argmax(row: Float32Array): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

test('the tokenizer is a MarianTokenizer: Unigram pieces, </s> appended, no <unk> on Swedish', () => {
  assert.equal(tokenizer.constructor.name, 'MarianTokenizer');
  assert.equal(config.model_type, 'marian');
  for (const line of CORPUS_SV.split('\n')) {
    const encoded = tokenizer.encode(line);
    assert.equal(encoded.at(-1), config.eos_token_id, 'ends with </s>');
    assert.ok(!encoded.includes(tokenizer.unk_token_id!), `no <unk> in ${line}`);
    assert.equal(tokenizer.decode(encoded, { skip_special_tokens: true }), line);
  }
  assert.deepEqual(tokenizer.tokenize('Välkommen till e-tjänsten'), [
    '▁Välkommen',
    '▁till',
    '▁e-tjänsten',
  ]);
});

test('greedy translation runs to max_new_tokens (the last forced to </s>), never pad or unk', async () => {
  const inputs = tokenizer(SENTENCE);
  const out = ids((await model.generate({ ...inputs, max_new_tokens: 12 })) as Tensor);
  assert.equal(out[0], config.decoder_start_token_id, 'starts with the decoder start (pad)');
  // forced_eos_token_id (as in OPUS-MT) makes the last allowed token </s>; no earlier </s>.
  assert.equal(out.length, 1 + 12);
  assert.equal(out.at(-1), config.eos_token_id);
  const generated = out.slice(1, -1);
  assert.ok(!generated.includes(config.eos_token_id));
  assert.ok(!generated.includes(config.pad_token_id));
  assert.ok(!generated.includes(tokenizer.unk_token_id!));
  assert.ok(tokenizer.decode(generated, { skip_special_tokens: true }).trim().length > 0);
});

test('every KV-cached greedy step is the argmax of a full no-cache forward, logits within 1e-4', async () => {
  const inputs = tokenizer(SENTENCE);
  const sequence = ids((await model.generate({ ...inputs, max_new_tokens: 10 })) as Tensor);
  const decoderInput = sequence.slice(0, 11); // start token + 10 generated
  const full = await model({
    ...inputs,
    decoder_input_ids: tensor(decoderInput),
    decoder_attention_mask: ones(decoderInput.length),
  });
  const logits = full.logits as Tensor;
  const vocab = logits.dims[2]!;
  const data = logits.data as Float32Array;
  // The last token is </s>, forced by forced_eos_token_id rather than chosen by the logits.
  for (let t = 0; t < 9; t++) {
    assert.equal(argmax(data.subarray(t * vocab, (t + 1) * vocab)), sequence[t + 1], `step ${t}`);
  }

  // One cached step against the full pass's last row.
  const prefix = decoderInput.slice(0, -1);
  const first = await model({ ...inputs, decoder_input_ids: tensor(prefix) });
  const past = Object.fromEntries(
    Object.entries(first)
      .filter(([name]) => name.startsWith('present.'))
      .map(([name, value]) => [name.replace('present', 'past_key_values'), value]),
  );
  const step = await model({
    ...inputs,
    encoder_outputs: first.encoder_last_hidden_state ?? undefined,
    decoder_input_ids: tensor(decoderInput.slice(-1)),
    past_key_values: past,
  });
  const cachedRow = (step.logits as Tensor).data as Float32Array;
  const fullRow = data.subarray((decoderInput.length - 1) * vocab, decoderInput.length * vocab);
  const maxDiff = fullRow.reduce((m, v, i) => Math.max(m, Math.abs(v - cachedRow[i]!)), 0);
  assert.ok(maxDiff < 1e-4, `max |Δlogit| = ${maxDiff}`);
});

test('the translation pipeline translates with the fixture', async () => {
  const translate = (await pipeline('translation', ID, {
    local_files_only: true,
    dtype: 'fp32',
  })) as TranslationPipeline;
  const [result] = (await translate('Beslutet kan överklagas.', {
    max_new_tokens: 6,
  })) as { translation_text: string }[];
  assert.equal(typeof result?.translation_text, 'string');
  assert.ok(result!.translation_text.trim().length > 0);
});
