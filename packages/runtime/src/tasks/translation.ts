import { AutoModelForSeq2SeqLM, AutoTokenizer, Tensor } from '@huggingface/transformers';
import { segmentSentences } from '@klar/text';
import type { LoadedModel } from '../engine/loaded-model.js';
import { yieldToEventLoop } from '../engine/yield.js';
import { KlarError } from '../errors.js';
import { defaultModelFor, resolveModel } from '../manifest/resolve.js';
import type { LanguagePair, ModelEntry, ModelManifest } from '../manifest/types.js';
import type { Backend, CountTokensResult } from '../types.js';
import { type TranslationPair, translationPairs } from './translation-pairs.js';
import type { TaskContext, TaskDefinition } from './types.js';

export type { TranslationPair } from './translation-pairs.js';

export interface TranslateRequest {
  readonly text: string;
  /** BCP 47 primary language of `text`, e.g. `sv`. */
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** A manifest id; absent: the manifest's model for this direction. */
  readonly model?: string;
  /** Cap on generated tokens per sentence; absent: twice the sentence's tokens plus 16. */
  readonly maxNewTokensPerSentence?: number;
}

/** Input of 'translation-pairs': nothing to say; the manifest decides. */
export type TranslationPairsRequest = Record<string, never>;

export interface TranslationPairsResult {
  /** Every direction the manifest serves, with the model the runtime would pick for it. */
  readonly pairs: readonly TranslationPair[];
}

/** Input of 'translation-count-tokens': a text measured with the tokenizer of the pair's model. */
export interface TranslationCountTokensRequest {
  readonly text: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** A manifest id; absent: the manifest's model for this direction. */
  readonly model?: string;
}

/** One translated sentence, streamed as soon as it is done. */
export interface TranslateChunk {
  /** Position among the sentences of the input. */
  readonly index: number;
  /** UTF-16 offsets of the source sentence in `text`. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** The whitespace between the previous source sentence and this one (keeps paragraphs). */
  readonly separator: string;
  readonly text: string;
}

export interface TranslateResult {
  /** Sentences joined with the source's own separators. */
  readonly text: string;
  readonly sentences: readonly TranslateChunk[];
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly model: string;
  readonly backend: Backend;
}

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

function pairsIn(manifest: ModelManifest): string[] {
  return manifest.models
    .filter((m) => m.task === 'translation')
    .map((m) =>
      m.translation ? `${m.translation.source}→${m.translation.target}` : m.languages.join('↔'),
    );
}

/**
 * The model for the direction asked for, checked against the manifest before anything is
 * fetched: Marian models translate one way, so an explicit model must match the pair.
 */
async function modelFor(
  manifest: ModelManifest,
  pair: LanguagePair,
  model: string | undefined,
): Promise<ModelEntry> {
  const wanted = `${pair.source}→${pair.target}`;
  if (model !== undefined) {
    const { entry } = resolveModel(manifest, { id: model, task: 'translation', backend: 'wasm' });
    const fits = entry.translation
      ? entry.translation.source === pair.source && entry.translation.target === pair.target
      : entry.languages.includes(pair.source) && entry.languages.includes(pair.target);
    if (fits) return entry;
    throw new KlarError(
      'model-not-found',
      `Model "${entry.id}" does not translate ${wanted}. Leave out \`model\` to use the manifest's model for ${wanted}, or add one.`,
      { model: entry.id, sourceLanguage: pair.source, targetLanguage: pair.target },
    );
  }
  const entry = defaultModelFor(manifest, 'translation', {
    includeFixtures: true,
    translation: pair,
  });
  if (entry) return entry;
  const known = pairsIn(manifest);
  throw new KlarError(
    'model-not-found',
    `No translation model for ${wanted} in the manifest (it has ${known.join(', ') || 'none'}). Nothing was downloaded. Add a model for that direction (npm run models:mirror).`,
    { sourceLanguage: pair.source, targetLanguage: pair.target, available: known },
  );
}

function checkRequest(request: TranslateRequest): LanguagePair {
  if (typeof request?.text !== 'string')
    throw new KlarError('invalid-input', 'translate needs `text` as a string.');
  return checkPair(request);
}

function checkPair(request: {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly maxNewTokensPerSentence?: number;
}): LanguagePair {
  const source = primary(String(request.sourceLanguage ?? ''));
  const target = primary(String(request.targetLanguage ?? ''));
  if (!source || !target)
    throw new KlarError(
      'invalid-input',
      'translate needs `sourceLanguage` and `targetLanguage` (BCP 47 tags such as "sv" and "en").',
    );
  const max = request.maxNewTokensPerSentence;
  if (max !== undefined && !(Number.isInteger(max) && max > 0))
    throw new KlarError('invalid-input', '`maxNewTokensPerSentence` must be a positive integer.');
  return { source, target };
}

/** Splits a sentence at a space into parts that each fit `limit` tokens (very long sentences). */
function fitting(loaded: LoadedModel, text: string, limit: number): string[] {
  const length = (loaded.tokenizer.encode(text) as number[]).length;
  if (length <= limit) return [text];
  const middle = text.lastIndexOf(' ', Math.floor(text.length / 2));
  const at = middle > 0 ? middle : Math.floor(text.length / 2);
  if (at <= 0) return [text.slice(0, limit)];
  return [
    ...fitting(loaded, text.slice(0, at).trim(), limit),
    ...fitting(loaded, text.slice(at).trim(), limit),
  ];
}

async function translateOne(
  loaded: LoadedModel,
  text: string,
  maxNewTokens: number | undefined,
  contextLength: number,
): Promise<string> {
  const outputs: string[] = [];
  for (const part of fitting(loaded, text, contextLength)) {
    const ids = loaded.tokenizer.encode(part) as number[];
    const limit = Math.min(maxNewTokens ?? ids.length * 2 + 16, contextLength - 1);
    const tensor = (values: readonly number[]) =>
      new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
    const out = (await loaded.model.generate({
      input_ids: tensor(ids),
      attention_mask: tensor(ids.map(() => 1)),
      max_new_tokens: limit,
      do_sample: false,
    } as unknown as Parameters<typeof loaded.model.generate>[0])) as Tensor;
    const generated = Array.from(out.data as BigInt64Array, Number);
    outputs.push(String(loaded.tokenizer.decode(generated, { skip_special_tokens: true })).trim());
  }
  return outputs.join(' ');
}

/** Sentence by sentence, each streamed when done; a WebGPU failure moves the rest to WASM. */
async function translate(
  request: TranslateRequest,
  context: TaskContext<TranslateChunk>,
): Promise<TranslateResult> {
  const pair = checkRequest(request);
  const { host, requestId, signal } = context;
  const entry = await modelFor(await host.source.manifest(), pair, request.model);
  const first = await host.acquire({
    task: 'translation',
    model: entry.id,
    requestId,
    signal,
    onProgress: context.onProgress,
  });
  const stopped = (done: readonly TranslateChunk[]) =>
    new KlarError('aborted', 'The translation was stopped.', {
      sentencesTranslated: done.length,
      partialText: done.map((s) => s.separator + s.text).join(''),
    });

  return host.queue(first.entry.id).run(async () => {
    let loaded = first;
    const config = loaded.model.config as unknown as { max_position_embeddings?: number };
    const contextLength = entry.contextLength ?? config.max_position_embeddings ?? 512;
    const done: TranslateChunk[] = [];
    let previousEnd = 0;
    try {
      for (const [index, sentence] of segmentSentences(request.text).entries()) {
        if (signal?.aborted) throw stopped(done);
        let text = '';
        loaded = await host.withFallback(loaded, context, async (model) => {
          // Runs before every decoder step: an abort stops within one step.
          model.stepHook = async () => {
            await yieldToEventLoop();
            if (signal?.aborted) throw stopped(done);
          };
          try {
            text = await translateOne(
              model,
              sentence.text,
              request.maxNewTokensPerSentence,
              contextLength,
            );
          } finally {
            model.stepHook = null;
          }
          return model;
        });
        const chunk: TranslateChunk = {
          index,
          sourceStart: sentence.start,
          sourceEnd: sentence.end,
          separator: request.text.slice(previousEnd, sentence.start),
          text,
        };
        previousEnd = sentence.end;
        done.push(chunk);
        context.onChunk?.(chunk);
      }
    } catch (error) {
      if (signal?.aborted) throw stopped(done);
      throw error;
    }
    return {
      text: done.map((s) => s.separator + s.text).join(''),
      sentences: done,
      sourceLanguage: pair.source,
      targetLanguage: pair.target,
      model: loaded.entry.id,
      backend: loaded.backend,
    };
  });
}

/** Translation with an encoder–decoder model (Marian / OPUS-MT: one direction per model). */
export const translation: TaskDefinition = {
  task: 'translation',
  checkEntry: (entry) =>
    entry.translation || entry.languages.length >= 2
      ? []
      : ['a translation model needs `translation: { source, target }` or two languages'],
  loadProcessor: (id) => AutoTokenizer.from_pretrained(id),
  createModel: (id, options) => AutoModelForSeq2SeqLM.from_pretrained(id, options),
  operations: {
    translation: { run: translate },
    // Reads the manifest only: elements list the languages they can offer without any download.
    'translation-pairs': {
      async run(_request, context): Promise<TranslationPairsResult> {
        return { pairs: translationPairs(await context.host.source.manifest()) };
      },
    },
    // Loads the tokenizer files of the pair's model only, never its weights.
    'translation-count-tokens': {
      async run(request, context): Promise<CountTokensResult> {
        if (typeof request?.text !== 'string')
          throw new KlarError(
            'invalid-input',
            'translation-count-tokens needs `text` as a string.',
          );
        const pair = checkPair(request);
        const entry = await modelFor(await context.host.source.manifest(), pair, request.model);
        const { tokenizer, contextLength } = await context.host.processor({
          task: 'translation',
          model: entry.id,
          requestId: context.requestId,
          signal: context.signal,
          onProgress: context.onProgress,
        });
        const tokens = (tokenizer.encode(request.text) as number[]).length;
        return { tokens, contextLength, model: entry.id };
      },
    },
  },
};
