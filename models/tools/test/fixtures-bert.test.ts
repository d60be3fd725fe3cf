// transformers.js (Node) runs klar-tiny-bert-ner through the token-classification pipeline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AutoTokenizer,
  env,
  type PreTrainedTokenizer,
  pipeline,
  type TokenClassificationPipeline,
} from '@huggingface/transformers';

const ID = 'klar-tiny-bert-ner';
const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const config = JSON.parse(readFileSync(`${fixturesDir}${ID}/config.json`, 'utf8'));
const SENTENCE = 'Anna Lindqvist bor i Göteborg och arbetar på Försäkringskassan i Västerås.';

let tokenizer: PreTrainedTokenizer;
let ner: TokenClassificationPipeline;

before(async () => {
  env.localModelPath = fixturesDir;
  env.allowRemoteModels = false;
  tokenizer = await AutoTokenizer.from_pretrained(ID, { local_files_only: true });
  ner = (await pipeline('token-classification', ID, {
    local_files_only: true,
    dtype: 'fp32',
  })) as TokenClassificationPipeline;
});

test('config has the BIO labels', () => {
  assert.deepEqual(Object.values(config.id2label), [
    'O',
    'B-PER',
    'I-PER',
    'B-LOC',
    'I-LOC',
    'B-ORG',
    'I-ORG',
    'B-MISC',
    'I-MISC',
  ]);
});

test('WordPiece keeps å ä ö, splits unknown compounds with ## and adds [CLS]/[SEP]', () => {
  const encoded = tokenizer(SENTENCE);
  const inputIds = (encoded.input_ids.tolist() as bigint[][])[0]!.map(Number);
  assert.equal(inputIds[0], tokenizer.convert_tokens_to_ids('[CLS]'));
  assert.equal(inputIds.at(-1), tokenizer.convert_tokens_to_ids('[SEP]'));
  assert.ok(!inputIds.includes(tokenizer.convert_tokens_to_ids('[UNK]')));
  assert.equal(tokenizer.decode(inputIds, { skip_special_tokens: true }), SENTENCE);
  assert.ok('token_type_ids' in encoded);
  const pieces = tokenizer.tokenize('Skolverkets förskolor i Östersund');
  assert.ok(
    pieces.some((p) => p.startsWith('##')),
    pieces.join(' '),
  );
  assert.ok(!pieces.includes('[UNK]'), pieces.join(' '));
});

test('token-classification pipeline returns labels from id2label', async () => {
  const entities = (await ner(SENTENCE)) as { entity: string; word: string; score: number }[];
  assert.ok(entities.length > 0);
  const labels = new Set(Object.values(config.id2label));
  for (const e of entities) {
    assert.ok(labels.has(e.entity), e.entity);
    assert.ok(e.score > 0 && e.score <= 1);
  }
  const words = entities.map((e) => e.word).join(' ');
  assert.match(words, /Göteborg/);
});

test('padded batches give the same labels as single sentences', async () => {
  const short = 'Hej Erik!';
  const batch = (await ner([SENTENCE, short])) as unknown[];
  assert.deepEqual(batch[0], await ner(SENTENCE));
  assert.deepEqual(batch[1], await ner(short));
});
