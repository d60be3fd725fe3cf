// transformers.js (Node) loads klar-tiny-whisper through its real Whisper classes: the
// feature extractor (80 log-mel bins, 16 kHz, 30 s), WhisperTokenizer with <|sv|> <|en|>,
// task and timestamp tokens, WhisperForConditionalGeneration with forced language and task,
// and the automatic-speech-recognition pipeline with and without timestamps.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AutoModelForSpeechSeq2Seq,
  type AutomaticSpeechRecognitionPipeline,
  AutoProcessor,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Processor,
  pipeline,
  type Tensor,
} from '@huggingface/transformers';

const ID = 'klar-tiny-whisper';
const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const generation = JSON.parse(readFileSync(`${fixturesDir}${ID}/generation_config.json`, 'utf8'));

let tokenizer: PreTrainedTokenizer;
let processor: Processor;
let model: PreTrainedModel;

/** Two seconds of a 16 kHz tone with a little seeded noise. */
const audio = Float32Array.from(
  { length: 32000 },
  (_, i) => 0.3 * Math.sin(i / 10) + ((i * 7919) % 13) / 1000,
);

before(async () => {
  env.localModelPath = fixturesDir;
  env.allowRemoteModels = false;
  tokenizer = await AutoTokenizer.from_pretrained(ID, { local_files_only: true });
  processor = await AutoProcessor.from_pretrained(ID, { local_files_only: true });
  model = await AutoModelForSpeechSeq2Seq.from_pretrained(ID, {
    local_files_only: true,
    dtype: 'fp32',
  });
});

const ids = (t: Tensor) => Array.from(t.data as BigInt64Array, Number);

test('the tokenizer has the language, task and timestamp tokens where Whisper has them', () => {
  assert.equal(tokenizer.constructor.name, 'WhisperTokenizer');
  const id = (t: string) => tokenizer.convert_tokens_to_ids(t) as number;
  assert.equal(generation.lang_to_id['<|sv|>'], id('<|sv|>'));
  assert.equal(generation.lang_to_id['<|en|>'], id('<|en|>'));
  assert.equal(generation.task_to_id.transcribe, id('<|transcribe|>'));
  assert.equal(generation.task_to_id.translate, id('<|translate|>'));
  assert.equal(generation.no_timestamps_token_id, id('<|notimestamps|>'));
  // Timestamps follow <|notimestamps|>, the last special token, in 0.02 s steps.
  assert.equal(id('<|0.00|>'), generation.no_timestamps_token_id + 1);
  assert.equal(id('<|30.00|>'), generation.no_timestamps_token_id + 1501);
  assert.equal((tokenizer.all_special_ids as number[]).at(-1), id('<|notimestamps|>'));
  const text = 'Åsa äter ölandskaka på Öland.';
  assert.equal(tokenizer.decode(tokenizer.encode(text), { skip_special_tokens: true }), text);
});

test('the feature extractor gives 80 log-mel bins over 3000 frames at 16 kHz', async () => {
  const { input_features } = (await processor(audio)) as { input_features: Tensor };
  assert.deepEqual(input_features.dims, [1, 80, 3000]);
  const data = input_features.data as Float32Array;
  assert.ok(data.every(Number.isFinite));
  assert.ok(Math.max(...data.subarray(0, 3000)) > Math.min(...data.subarray(0, 3000)), 'not flat');
});

test('forced language and task: <|startoftranscript|> <|sv|> <|transcribe|> <|notimestamps|>', async () => {
  const inputs = await processor(audio);
  for (const [language, task] of [
    ['sv', 'transcribe'],
    ['en', 'translate'],
  ] as const) {
    const out = ids(
      (await model.generate({ ...inputs, language, task, max_new_tokens: 8 } as never)) as Tensor,
    );
    const [sot, lang, taskId, noTs, ...rest] = out;
    assert.equal(sot, tokenizer.convert_tokens_to_ids('<|startoftranscript|>'));
    assert.equal(lang, generation.lang_to_id[`<|${language}|>`], language);
    assert.equal(taskId, generation.task_to_id[task], task);
    assert.equal(noTs, generation.no_timestamps_token_id);
    assert.equal(rest.length, 8, 'runs to max_new_tokens (no early end of text)');
    const endOfText = tokenizer.convert_tokens_to_ids('<|endoftext|>') as number;
    assert.ok(
      rest.every((t) => t < endOfText),
      'text tokens only (specials sit after the BPE tokens)',
    );
  }
});

test('the speech-recognition pipeline transcribes, with and without timestamps', async () => {
  const asr = (await pipeline('automatic-speech-recognition', ID, {
    local_files_only: true,
    dtype: 'fp32',
  })) as AutomaticSpeechRecognitionPipeline;
  const plain = (await asr(audio, {
    language: 'swedish',
    task: 'transcribe',
    max_new_tokens: 6,
  } as never)) as { text: string };
  assert.ok(plain.text.trim().length > 0);
  assert.ok(!plain.text.includes('\uFFFD'));
  const timed = (await asr(audio, {
    language: 'sv',
    return_timestamps: true,
    max_new_tokens: 12,
  } as never)) as { chunks?: { timestamp: [number, number | null]; text: string }[] };
  assert.ok(timed.chunks && timed.chunks.length > 0, 'segments with timestamps');
  assert.equal(typeof timed.chunks[0]!.timestamp[0], 'number');
});
