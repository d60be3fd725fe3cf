import type { ChatMessage } from '@klar/runtime';
import type { TaskEngine } from './types.js';

/**
 * Token counts from the model's real tokenizer (through the runtime; only the tokenizer files
 * load, never the weights). Texts already counted are remembered, so chunking a long text and
 * checking its parts does not ask twice.
 */
export class ModelTokens {
  readonly #engine: TaskEngine;
  readonly #model: string | undefined;
  readonly #texts = new Map<string, number>();
  #contextLength: number | undefined;

  constructor(engine: TaskEngine, model: string | undefined) {
    this.#engine = engine;
    this.#model = model;
  }

  /** Tokens of plain text, as the tokenizer encodes it (no chat template). */
  async text(text: string, signal?: AbortSignal): Promise<number> {
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    const result = await this.#engine.countTokens(
      { ...(this.#model ? { model: this.#model } : {}), text },
      signal ? { signal } : {},
    );
    this.#contextLength = result.contextLength;
    this.#texts.set(text, result.tokens);
    return result.tokens;
  }

  /** Tokens of a whole request: the messages rendered with the model's chat template. */
  async messages(messages: readonly ChatMessage[], signal?: AbortSignal): Promise<number> {
    const result = await this.#engine.countTokens(
      { ...(this.#model ? { model: this.#model } : {}), messages },
      signal ? { signal } : {},
    );
    this.#contextLength = result.contextLength;
    return result.tokens;
  }

  /** Tokens the model attends to, prompt and output together. */
  async contextLength(signal?: AbortSignal): Promise<number> {
    if (this.#contextLength === undefined) await this.text('', signal);
    return this.#contextLength!;
  }
}
