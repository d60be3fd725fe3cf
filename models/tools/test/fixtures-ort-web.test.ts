// The browser backend (onnxruntime-web, WASM kernels, here in Node) accepts both fixture graphs,
// keeps the numeric KV-cache dims in the input metadata, and agrees with onnxruntime-node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';

type Ort = typeof ortWeb | typeof ortNode;
type Feeds = Record<string, ortWeb.Tensor>;

ortWeb.env.wasm.numThreads = 1;

const onnxPath = (folder: string) =>
  new URL(`../../fixtures/${folder}/onnx/model.onnx`, import.meta.url);

const int64 = (ort: Ort, values: number[], dims: number[]) =>
  new ort.Tensor('int64', BigInt64Array.from(values, BigInt), dims) as ortWeb.Tensor;

function llamaFeeds(ort: Ort): Feeds {
  const ids = [510, 72, 101, 106, 33, 511, 10];
  const feeds: Feeds = {
    input_ids: int64(ort, ids, [1, ids.length]),
    attention_mask: int64(
      ort,
      ids.map(() => 1),
      [1, ids.length],
    ),
    position_ids: int64(
      ort,
      ids.map((_, i) => i),
      [1, ids.length],
    ),
  };
  for (let i = 0; i < 2; i++) {
    for (const kind of ['key', 'value']) {
      const empty = new ort.Tensor('float32', new Float32Array(0), [1, 2, 0, 16]);
      feeds[`past_key_values.${i}.${kind}`] = empty as ortWeb.Tensor;
    }
  }
  return feeds;
}

function bertFeeds(ort: Ort): Feeds {
  const ids = [2, 40, 300, 41, 3, 0];
  return {
    input_ids: int64(ort, ids, [1, ids.length]),
    attention_mask: int64(ort, [1, 1, 1, 1, 1, 0], [1, ids.length]),
    token_type_ids: int64(
      ort,
      ids.map(() => 0),
      [1, ids.length],
    ),
  };
}

async function compare(
  folder: string,
  feeds: (ort: Ort) => Feeds,
): Promise<ortWeb.InferenceSession> {
  const bytes = readFileSync(onnxPath(folder));
  const web = await ortWeb.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const node = await ortNode.InferenceSession.create(bytes);
  const a = (await web.run(feeds(ortWeb))).logits!.data as Float32Array;
  const b = (await node.run(feeds(ortNode) as never)).logits!.data as Float32Array;
  assert.equal(a.length, b.length);
  const maxDiff = a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
  assert.ok(maxDiff < 1e-4, `${folder}: max |Δlogit| = ${maxDiff}`);
  return web;
}

test('klar-tiny-llama runs on onnxruntime-web (wasm) like on onnxruntime-node', async () => {
  const web = await compare('klar-tiny-llama', llamaFeeds);
  const past = web.inputMetadata.find((m) => m.name === 'past_key_values.0.key');
  assert.ok(past?.isTensor);
  assert.deepEqual(past.shape, ['batch_size', 2, 'past_sequence_length', 16]);
});

test('klar-tiny-bert-ner runs on onnxruntime-web (wasm) like on onnxruntime-node', async () => {
  await compare('klar-tiny-bert-ner', bertFeeds);
});
