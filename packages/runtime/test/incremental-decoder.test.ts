import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { IncrementalDecoder } from '../src/engine/incremental-decoder.js';

env.localModelPath = `${process.cwd()}/models/`;
env.allowRemoteModels = false;

test('incremental decoding equals a full decode at every step', async () => {
  const tokenizer = await AutoTokenizer.from_pretrained('fixtures/klar-tiny-llama');
  const decode = (ids: readonly number[]) =>
    tokenizer.decode(ids as number[], { skip_special_tokens: true });
  const texts = [
    'Försäkringskassan beslutar att du får bostadsbidrag från och med den 1 maj 2026.',
    'Åsa och Örjan bor på Ängsvägen 12 i Malmö — tel. 070-123 45 67 😀.',
  ];
  for (const text of texts) {
    const ids = Array.from(tokenizer.encode(text), Number);
    const decoder = new IncrementalDecoder(decode);
    for (let n = 1; n <= ids.length; n++) {
      assert.equal(
        decoder.text(ids.slice(0, n)),
        decode(ids.slice(0, n)),
        `step ${n} of "${text}"`,
      );
    }
  }
  // A random token stream, including byte tokens that split multi-byte characters.
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const ids = Array.from({ length: 300 }, () => Math.floor(random() * 509));
  const decoder = new IncrementalDecoder(decode);
  for (let n = 1; n <= ids.length; n++)
    assert.equal(decoder.text(ids.slice(0, n)), decode(ids.slice(0, n)), `random step ${n}`);
});
