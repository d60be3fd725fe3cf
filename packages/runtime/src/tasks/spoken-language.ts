import { Tensor } from '@huggingface/transformers';
import type { LoadedModel } from '../engine/loaded-model.js';
import { KlarError } from '../errors.js';

/** The spoken language Whisper hears in one window, and how sure it is (softmax over candidates). */
export interface SpokenLanguage {
  readonly language: string;
  readonly confidence: number;
}

interface WhisperGenerationConfig {
  readonly lang_to_id?: Record<string, number>;
  readonly decoder_start_token_id?: number;
}

/** The languages a Whisper model knows, as codes (`sv`, `en`, …), from its generation config. */
export function knownLanguages(loaded: LoadedModel): string[] {
  const config = loaded.model.generation_config as WhisperGenerationConfig;
  return Object.keys(config.lang_to_id ?? {}).map((token) => token.slice(2, -2));
}

/**
 * Whisper's own language identification, which transformers.js does not implement: one decoder
 * step after <|startoftranscript|>, and the most likely language token among `candidates`
 * (default: every language the model knows). Runs on the window's log-mel features.
 */
export async function detectSpokenLanguage(
  loaded: LoadedModel,
  inputFeatures: Tensor,
  candidates: readonly string[] = knownLanguages(loaded),
): Promise<SpokenLanguage> {
  const config = loaded.model.generation_config as WhisperGenerationConfig;
  const ids = config.lang_to_id ?? {};
  const start = config.decoder_start_token_id;
  const scored = candidates
    .map((language) => ({ language, id: ids[`<|${language}|>`] }))
    .filter((c): c is { language: string; id: number } => c.id !== undefined);
  if (start === undefined || scored.length === 0)
    throw new KlarError(
      'invalid-input',
      `${loaded.entry.name} cannot tell the spoken language (it has no language tokens${candidates.length ? ` for ${candidates.join(', ')}` : ''}); name the language instead.`,
    );
  const decoderInputIds = new Tensor('int64', BigInt64Array.from([BigInt(start)]), [1, 1]);
  const output = (await (loaded.model as unknown as (inputs: object) => Promise<object>)({
    input_features: inputFeatures,
    decoder_input_ids: decoderInputIds,
  })) as { logits: Tensor };
  const logits = output.logits;
  const vocabulary = logits.dims.at(-1) ?? 0;
  const values = logits.data as Float32Array;
  // The logits of the last (only) position.
  const offset = values.length - vocabulary;
  const chosen = scored.map((c) => ({ ...c, logit: values[offset + c.id] ?? -Infinity }));
  const top = Math.max(...chosen.map((c) => c.logit));
  const weights = chosen.map((c) => Math.exp(c.logit - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const best = chosen.findIndex((c) => c.logit === top);
  return {
    language: chosen[best]?.language ?? scored[0]!.language,
    confidence: (weights[best] ?? 0) / total,
  };
}
