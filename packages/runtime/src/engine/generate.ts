import { Tensor } from '@huggingface/transformers';
import { KlarError } from '../errors.js';
import type { TaskContext } from '../tasks/types.js';
import type {
  FinishReason,
  GenerateChunk,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
} from '../types.js';
import { type ConstraintPolicy, createConstraintPolicy } from './constraint-policy.js';
import {
  CallbackStoppingCriteria,
  KlarLogitsProcessor,
  type StepPolicy,
  TokenStreamer,
} from './decoding-hooks.js';
import { IncrementalDecoder } from './incremental-decoder.js';
import type { LoadedModel } from './loaded-model.js';
import { encodeInput } from './prompt.js';
import { isSampling, seededRandom } from './sampling.js';
import { StopStrings } from './stop-strings.js';
import { STEP_YIELD_BUDGET_MS, stepYielder } from './yield.js';

const DEFAULT_MAX_NEW_TOKENS = 256;

interface Progress {
  readonly tokens: number[];
  /** The text of the first `decoded` tokens. */
  text: string;
  decoded: number;
  shown: string;
  stopAt: number;
}

/** Text generation, streamed token by token, surviving a WebGPU loss mid-request. */
export async function generateText(
  request: GenerateRequest,
  context: TaskContext<GenerateChunk>,
): Promise<GenerateResult> {
  const { host, signal, requestId } = context;
  const options: GenerateOptions & { readonly requestId: string } = {
    requestId,
    ...(signal ? { signal } : {}),
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    ...(context.onChunk ? { onToken: context.onChunk } : {}),
  };
  const first = await host.acquire({
    model: request.model,
    task: 'text-generation',
    requestId,
    signal,
    onProgress: context.onProgress,
  });
  return host.queue(first.entry.id).run(async () => {
    let loaded = first;
    const promptIds = encodePrompt(loaded, request);
    const maxNewTokens = request.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS;
    const contextLength = loaded.entry.contextLength;
    if (contextLength && promptIds.length + maxNewTokens > contextLength) {
      const quota = Math.max(0, contextLength - maxNewTokens);
      throw new KlarError(
        'input-too-long',
        `The text is too long for ${loaded.entry.name}: ${promptIds.length} prompt tokens + ${maxNewTokens} new tokens exceed its ${contextLength}-token context. Shorten the text to at most ${quota} tokens or split it into parts.`,
        {
          requested: promptIds.length,
          quota,
          promptTokens: promptIds.length,
          maxNewTokens,
          contextLength,
        },
      );
    }
    const constraint = request.constraint
      ? createConstraintPolicy(loaded.tokenizer, request.constraint, [...eosIds(loaded)])
      : null;
    for (const warning of constraint?.warnings ?? []) {
      options.onProgress?.({
        status: 'warning',
        requestId,
        model: loaded.entry.id,
        warning: new KlarError(
          'invalid-input',
          `The output format cannot enforce: ${warning}`,
        ).toJSON(),
      });
    }
    const random = seededRandom(request.sampling?.seed ?? (Math.random() * 2 ** 32) >>> 0);
    const stops = new StopStrings(request.stop);
    const progress: Progress = { tokens: [], text: '', decoded: 0, shown: '', stopAt: -1 };
    // How many tokens existed when the abort arrived here: the worker must stop within one.
    let tokensAtAbort = -1;
    signal?.addEventListener('abort', () => (tokensAtAbort = progress.tokens.length), {
      once: true,
    });
    const aborted = () =>
      new KlarError('aborted', 'The request was stopped.', {
        partialText: progress.shown,
        tokensGenerated: progress.tokens.length,
        tokensAfterAbort: tokensAtAbort < 0 ? 0 : progress.tokens.length - tokensAtAbort,
      });

    try {
      // On WebGPU failure the fallback reruns this on WASM, from where WebGPU stopped: the
      // tokens so far become part of the input.
      loaded = await host.withFallback(loaded, context, async (model) => {
        await runOnce(model, request, promptIds, maxNewTokens, progress, {
          constraint,
          random,
          stops,
          options,
        });
        return model;
      });
    } catch (error) {
      if (signal?.aborted) throw aborted();
      throw error;
    }

    const eos = eosIds(loaded);
    const last = progress.tokens.at(-1);
    const finishReason: FinishReason =
      progress.stopAt >= 0
        ? 'stop'
        : constraint?.isComplete()
          ? 'constraint'
          : last !== undefined && eos.has(last)
            ? 'eos'
            : 'length';
    const text = progress.stopAt >= 0 ? progress.text.slice(0, progress.stopAt) : progress.text;
    return {
      text,
      tokenIds: progress.tokens,
      promptTokens: promptIds.length,
      finishReason,
      backend: loaded.backend,
      model: loaded.entry.id,
    };
  });
}

interface RunContext {
  readonly constraint: ConstraintPolicy | null;
  readonly random: () => number;
  readonly stops: StopStrings;
  readonly options: GenerateOptions & { readonly requestId: string };
}

async function runOnce(
  loaded: LoadedModel,
  request: GenerateRequest,
  promptIds: readonly number[],
  maxNewTokens: number,
  progress: Progress,
  ctx: RunContext,
): Promise<void> {
  const remaining = maxNewTokens - progress.tokens.length;
  if (remaining <= 0 || progress.stopAt >= 0 || ctx.constraint?.isComplete()) return;
  const { signal, onToken } = ctx.options;
  const eos = eosIds(loaded);
  const policy: StepPolicy = {
    allowed: ctx.constraint?.allowed,
    vocabularySize: ctx.constraint?.vocabularySize,
    sampling: isSampling(request.sampling)
      ? { options: request.sampling!, random: ctx.random }
      : undefined,
  };
  const decoder = new IncrementalDecoder((ids) =>
    loaded.tokenizer.decode(ids as number[], { skip_special_tokens: true }),
  );

  const yieldIfDue = stepYielder();
  const stopIfAborted = () => {
    if (signal?.aborted) throw new KlarError('aborted', 'The request was stopped.');
  };
  loaded.stepHook = () => {
    const pending = yieldIfDue();
    if (pending) return pending.then(stopIfAborted);
    stopIfAborted();
    return undefined;
  };

  // Text is decoded when it can be shown (at most once per frame, like the worker's batches)
  // and on the last token; on every token only when stop strings must be checked. Decoding
  // was most of Klar's own time per token on a fast model.
  const lastCount = progress.tokens.length + remaining;
  let decodedAt = Number.NEGATIVE_INFINITY;
  const settle = () => {
    settleText(progress, decoder, eos);
    decodedAt = performance.now();
  };
  const onTokenId = (tokenId: number) => {
    progress.tokens.push(tokenId);
    ctx.constraint?.advance(tokenId);
    const last =
      eos.has(tokenId) ||
      progress.tokens.length >= lastCount ||
      signal?.aborted === true ||
      ctx.constraint?.isComplete() === true;
    if (!last && !ctx.stops.active && performance.now() - decodedAt < STEP_YIELD_BUDGET_MS) {
      onToken?.({ text: '', tokenId });
      return;
    }
    settle();
    progress.stopAt = ctx.stops.find(progress.text);
    const visible = ctx.stops.visible(progress.text);
    // A trailing U+FFFD is half a multi-byte character; wait for the rest.
    const settled = visible.endsWith('\uFFFD') ? visible.slice(0, -1) : visible;
    if (settled.length > progress.shown.length && settled.startsWith(progress.shown)) {
      const delta = settled.slice(progress.shown.length);
      progress.shown = settled;
      onToken?.({ text: delta, tokenId });
    } else {
      onToken?.({ text: '', tokenId });
    }
  };

  const ids = [...promptIds, ...progress.tokens];
  const inputIds = new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
  const attentionMask = new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [
    1,
    ids.length,
  ]);
  try {
    await loaded.model.generate({
      input_ids: inputIds,
      attention_mask: attentionMask,
      max_new_tokens: remaining,
      do_sample: false,
      logits_processor: [new KlarLogitsProcessor(policy)],
      stopping_criteria: [
        new CallbackStoppingCriteria(
          () =>
            signal?.aborted === true ||
            progress.stopAt >= 0 ||
            ctx.constraint?.isComplete() === true,
        ),
      ],
      streamer: new TokenStreamer(onTokenId),
    } as unknown as Parameters<typeof loaded.model.generate>[0]);
  } finally {
    loaded.stepHook = null;
    // Generation ended where no token was marked last (an error, a WebGPU loss): the text of
    // every token so far, for the result, the retry on WASM and the aborted error.
    settleText(progress, decoder, eos);
  }
  if (signal?.aborted) throw new KlarError('aborted', 'The request was stopped.');
}

/** Decodes the tokens not decoded yet (an end-of-sequence token adds no text). */
function settleText(progress: Progress, decoder: IncrementalDecoder, eos: Set<number>): void {
  const { tokens } = progress;
  if (progress.decoded === tokens.length) return;
  const text = eos.has(tokens.at(-1)!) ? tokens.slice(0, -1) : tokens;
  if (text.length > 0) progress.text = decoder.text(text);
  progress.decoded = tokens.length;
}

function encodePrompt(loaded: LoadedModel, request: GenerateRequest): number[] {
  if (!request.messages?.length && !(typeof request.prompt === 'string' && request.prompt))
    throw new KlarError('invalid-input', 'Give a prompt or chat messages to generate from.');
  return encodeInput(loaded.tokenizer, request);
}

function eosIds(loaded: LoadedModel): Set<number> {
  const config = loaded.model.generation_config as { eos_token_id?: number | number[] } | undefined;
  const raw =
    config?.eos_token_id ??
    (loaded.model.config as { eos_token_id?: number | number[] }).eos_token_id;
  return new Set(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
}
