import { errorCode, inputTooLong, throwIfAborted } from '../shared/errors.js';
import { pageLanguage, promptLanguageOf } from '../shared/language.js';
import type { TaskEngine } from '../shared/types.js';
import { buildFormFillRequest, type FormFillRequest, parseFormFillAnswer } from './request.js';
import type { FormFillResult, ProposeFormValuesOptions } from './types.js';

/** The least room an answer needs; less than this and the request is refused as too long. */
const MIN_ANSWER_TOKENS = 32;

interface Sized {
  readonly request: FormFillRequest;
  readonly compact: boolean;
}

/**
 * Fits the request to the model's context with its real tokenizer: the full prompt if it fits,
 * else without the field list (the schema still constrains the answer), with the answer budget
 * cut to what is left. Rejects with `input-too-long` (`requested`, `quota`) when even that can't fit.
 * Where the engine cannot count, the full request goes and the runtime's own check decides.
 */
async function sizeRequest(
  build: (compact: boolean) => FormFillRequest,
  engine: TaskEngine,
  model: string | undefined,
  signal: AbortSignal | undefined,
): Promise<Sized> {
  let counted: { tokens: number; contextLength: number } | undefined;
  for (const compact of [false, true]) {
    const request = build(compact);
    try {
      counted = await engine.countTokens(
        { ...(model ? { model } : {}), messages: request.messages },
        signal ? { signal } : {},
      );
    } catch (error) {
      if (errorCode(error) === 'aborted') throw error;
      return { request, compact }; // no tokenizer to ask: let the runtime decide
    }
    const room = counted.contextLength - counted.tokens;
    if (room >= request.maxNewTokens) return { request, compact };
    if (compact && room >= MIN_ANSWER_TOKENS)
      return { request: { ...request, maxNewTokens: room }, compact };
  }
  throw inputTooLong(
    (counted?.tokens ?? 0) + MIN_ANSWER_TOKENS,
    counted?.contextLength ?? 0,
    'proposeFormValues',
  );
}

/**
 * Proposes values for a form's empty fields from the citizen's own description, with a model
 * on their device. The answer is constrained to the form's JSON schema; identifiers (personnummer,
 * e-mail, phone, …) reach the model only as placeholders and are put back afterwards; each value
 * is checked against its field. Nothing is filled in: the caller shows each value for acceptance.
 *
 * ```js
 * const { values } = await proposeFormValues({ form: describeForm(formElement), text, engine });
 * ```
 */
export async function proposeFormValues(
  options: ProposeFormValuesOptions,
): Promise<FormFillResult> {
  const { form, engine, model, signal, onProgress } = options;
  const text = options.text.trim();
  throwIfAborted(signal);
  if (!text || !form.fields.some((f) => !f.filled))
    return { values: {}, model: model ?? '', compact: false };
  const language = promptLanguageOf(options.outputLanguage) ?? pageLanguage();
  const build = (compact: boolean) => buildFormFillRequest(text, form, language, { compact });
  const ask = async ({ request, compact }: Sized): Promise<FormFillResult> => {
    const result = await engine.generate(
      {
        ...(model ? { model } : {}),
        messages: request.messages,
        maxNewTokens: request.maxNewTokens,
        sampling: { temperature: 0 },
        constraint: { type: 'json-schema', schema: request.schema },
      },
      { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) },
    );
    return {
      values: parseFormFillAnswer(result.text, form, request.restore),
      model: result.model,
      backend: result.backend,
      compact,
    };
  };
  const sized = await sizeRequest(build, engine, model, signal);
  try {
    return await ask(sized);
  } catch (error) {
    // The runtime counts too; if it says too long, the compact prompt is the one more try.
    if (errorCode(error) !== 'input-too-long' || sized.compact) throw error;
    return ask({ request: build(true), compact: true });
  }
}
