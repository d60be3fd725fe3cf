import type { ChatMessage, GenerateResult } from '@klar/runtime';
import { abortedError, errorCode } from './errors.js';
import type { LengthGuard } from './length-guard.js';
import type { ProgressEvent, TaskEngine } from './types.js';

export interface GenerateTextOptions {
  readonly model: string | undefined;
  readonly messages: readonly ChatMessage[];
  readonly maxNewTokens: number;
  readonly signal: AbortSignal;
  /** New text as it arrives (after the guard). */
  readonly onText?: (text: string) => void;
  /** Ends generation once the text reaches its length budget. */
  readonly guard?: LengthGuard;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface GeneratedText {
  readonly text: string;
  readonly model: string;
  readonly backend?: GenerateResult['backend'];
}

/**
 * One greedy generation, streamed. The guard's stop is not an error: the text so far is the
 * result. A stop from the caller's signal rejects with 'aborted'.
 */
export async function generateText(
  engine: TaskEngine,
  options: GenerateTextOptions,
): Promise<GeneratedText> {
  const { guard, signal } = options;
  if (signal.aborted) throw abortedError();
  const own = new AbortController();
  const stop = () => own.abort();
  signal.addEventListener('abort', stop, { once: true });
  let streamed = '';
  try {
    const result = await engine.generate(
      {
        ...(options.model ? { model: options.model } : {}),
        messages: options.messages,
        maxNewTokens: options.maxNewTokens,
        sampling: { temperature: 0 },
      },
      {
        signal: own.signal,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        onToken: (token) => {
          if (own.signal.aborted) return;
          const text = guard ? guard.push(token.text) : token.text;
          streamed += text;
          if (text) options.onText?.(text);
          if (guard?.done) own.abort();
        },
      },
    );
    if (signal.aborted) throw abortedError();
    const text = guard ? guard.text : result.text || streamed;
    return { text, model: result.model, backend: result.backend };
  } catch (error) {
    if (signal.aborted) throw abortedError();
    if (guard?.done && errorCode(error) === 'aborted') {
      return { text: guard.text, model: options.model ?? '' };
    }
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
