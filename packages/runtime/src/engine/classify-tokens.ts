import { KlarError } from '../errors.js';
import type { TaskContext } from '../tasks/types.js';
import type { TokenClassifyRequest, TokenClassifyResult, TokenEntity } from '../types.js';
import type { LoadedModel } from './loaded-model.js';

/** Token classification (e.g. names and places): one label per word piece, offsets into the text. */
export async function classifyTokens(
  request: TokenClassifyRequest,
  context: TaskContext,
): Promise<TokenClassifyResult> {
  if (typeof request.text !== 'string')
    throw new KlarError('invalid-input', 'classifyTokens needs `text` as a string.');
  const { host, requestId, signal } = context;
  const loaded = await host.acquire({
    model: request.model,
    task: 'token-classification',
    requestId,
    signal,
    onProgress: context.onProgress,
  });
  return host.queue(loaded.entry.id).run(async () => {
    if (signal?.aborted) throw new KlarError('aborted', 'The request was stopped.');
    return host.withFallback(loaded, context, (model) => classifyOn(model, request.text));
  });
}

async function classifyOn(loaded: LoadedModel, text: string): Promise<TokenClassifyResult> {
  const { tokenizer, model, entry } = loaded;
  const context = entry.contextLength;
  const inputs = tokenizer(text, { truncation: true, max_length: context }) as Record<
    string,
    { dims: number[]; data: ArrayLike<bigint> }
  >;
  const output = (await model(inputs)) as { logits: { dims: number[]; data: Float32Array } };
  const [, sequence = 0, labels = 0] = output.logits.dims;
  const id2label = (model.config as { id2label?: Record<string, string> }).id2label ?? {};
  const ids = Array.from(inputs.input_ids!.data, Number);
  const pieces = tokenizer.tokenize(text) as string[];
  const offsets = alignPieces(text, pieces);
  const special = new Set<number>((tokenizer.all_special_ids as number[] | undefined) ?? []);

  const entities: TokenEntity[] = [];
  let piece = 0;
  for (let i = 0; i < sequence; i++) {
    const id = ids[i]!;
    if (special.has(id)) continue;
    const row = output.logits.data.subarray(i * labels, (i + 1) * labels);
    let best = 0;
    for (let l = 1; l < labels; l++) if (row[l]! > row[best]!) best = l;
    let sum = 0;
    for (let l = 0; l < labels; l++) sum += Math.exp(row[l]! - row[best]!);
    const label = id2label[String(best)] ?? String(best);
    const span = offsets[piece];
    const word = pieces[piece] ?? tokenizer.decode([id]);
    piece += 1;
    if (label === 'O') continue;
    entities.push({
      entity: label,
      score: 1 / sum,
      word,
      index: i,
      ...(span ? { start: span[0], end: span[1] } : {}),
    });
  }
  return { entities, backend: loaded.backend, model: entry.id };
}

/** Finds each word piece in the text, left to right; pieces that can't be found get no offsets. */
function alignPieces(text: string, pieces: readonly string[]): ([number, number] | undefined)[] {
  const lower = text.toLowerCase();
  let cursor = 0;
  return pieces.map((piece) => {
    const bare = piece.replace(/^##|^Ġ|^▁/, '').toLowerCase();
    if (!bare) return undefined;
    const at = lower.indexOf(bare, cursor);
    if (at < 0) return undefined;
    cursor = at + bare.length;
    return [at, at + bare.length];
  });
}
