import { Tensor } from '@huggingface/transformers';
import { KlarError, toKlarError } from '../errors.js';
import type { FinishReason, GenerateOptions, GenerateRequest, GenerateResult } from '../types.js';
import { type ConstraintPolicy, createConstraintPolicy } from './constraint-policy.js';
import {
  CallbackStoppingCriteria,
  KlarLogitsProcessor,
  type StepPolicy,
  TokenStreamer,
} from './decoding-hooks.js';
import { IncrementalDecoder } from './incremental-decoder.js';
import type { LoadedModel } from './loaded-model.js';
import type { ModelHost } from './model-host.js';
import { isSampling, seededRandom } from './sampling.js';
import { StopStrings } from './stop-strings.js';
import { yieldToEventLoop } from './yield.js';

const DEFAULT_MAX_NEW_TOKENS = 256;

interface Progress {
  readonly tokens: number[];
  text: string;
  shown: string;
  stopAt: number;
}

/** Text generation, streamed token by token, surviving a WebGPU loss mid-request. */
export async function generateText(
  host: ModelHost,
  request: GenerateRequest,
  options: GenerateOptions & { readonly requestId: string },
): Promise<GenerateResult> {
  const { signal, requestId } = options;
  let loaded = await host.acquire({
    model: request.model,
    task: 'text-generation',
    requestId,
    signal,
    onProgress: options.onProgress,
  });
  return host.queue(loaded.entry.id).run(async () => {
    const promptIds = await encodePrompt(loaded, request);
    const maxNewTokens = request.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS;
    const context = loaded.entry.contextLength;
    if (context && promptIds.length + maxNewTokens > context) {
      throw new KlarError(
        'input-too-long',
        `The text is too long for ${loaded.entry.name}: ${promptIds.length} prompt tokens + ${maxNewTokens} new tokens exceed its ${context}-token context. Shorten the text or split it into parts.`,
        { promptTokens: promptIds.length, maxNewTokens, contextLength: context },
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
    const progress: Progress = { tokens: [], text: '', shown: '', stopAt: -1 };
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

    for (;;) {
      try {
        await runOnce(host, loaded, request, promptIds, maxNewTokens, progress, {
          constraint,
          random,
          stops,
          options,
        });
        break;
      } catch (error) {
        if (signal?.aborted) throw aborted();
        const reason = toKlarError(error, 'device-lost', 'WebGPU failed during generation');
        if (
          loaded.backend !== 'webgpu' ||
          reason.code === 'aborted' ||
          reason.code === 'invalid-input'
        )
          throw reason;
        // Finish on WASM from where WebGPU stopped: the tokens so far become part of the input.
        loaded = await host.replaceWithWasm(loaded, reason, requestId, options.onProgress);
      }
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
  host: ModelHost,
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
  const loseAfter = host.faults?.loseDeviceAfterTokens;
  const decoder = new IncrementalDecoder((ids) =>
    loaded.tokenizer.decode(ids as number[], { skip_special_tokens: true }),
  );

  loaded.stepHook = async () => {
    await yieldToEventLoop();
    if (signal?.aborted) throw new KlarError('aborted', 'The request was stopped.');
    if (loaded.backend !== 'webgpu') return;
    if (loseAfter !== undefined && progress.tokens.length >= loseAfter && !host.webgpuBroken()) {
      const device = await host.gpuDevice();
      device?.destroy();
      await device?.lost;
    }
    const broken = host.webgpuBroken();
    if (broken) throw broken;
  };

  const onTokenId = (tokenId: number) => {
    progress.tokens.push(tokenId);
    ctx.constraint?.advance(tokenId);
    const special = eos.has(tokenId);
    progress.text = special ? progress.text : decoder.text(progress.tokens);
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
  }
  if (signal?.aborted) throw new KlarError('aborted', 'The request was stopped.');
}

async function encodePrompt(loaded: LoadedModel, request: GenerateRequest): Promise<number[]> {
  const { tokenizer } = loaded;
  let text: string;
  let addSpecial = true;
  if (request.messages?.length) {
    text = tokenizer.apply_chat_template(request.messages as { role: string; content: string }[], {
      add_generation_prompt: true,
      tokenize: false,
    }) as string;
    addSpecial = false;
  } else if (typeof request.prompt === 'string' && request.prompt.length > 0) {
    text = request.prompt;
  } else {
    throw new KlarError('invalid-input', 'Give a prompt or chat messages to generate from.');
  }
  const encoded = tokenizer.encode(text, { add_special_tokens: addSpecial });
  return Array.from(encoded, Number);
}

function eosIds(loaded: LoadedModel): Set<number> {
  const config = loaded.model.generation_config as { eos_token_id?: number | number[] } | undefined;
  const raw =
    config?.eos_token_id ??
    (loaded.model.config as { eos_token_id?: number | number[] }).eos_token_id;
  return new Set(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
}
