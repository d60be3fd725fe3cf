import type { ModelDescription } from '@klar/runtime';
import { generateText } from '../shared/generate.js';
import { LengthGuard } from '../shared/length-guard.js';
import type { ModelSession } from '../shared/model-session.js';
import type { CondenseSource } from './hierarchy.js';
import { type LengthBudget, partBudget } from './options.js';
import { partMessages, type SummaryPromptInput, summaryMessages } from './prompts.js';

/** Tokens kept free for the few a tokenizer may merge differently when texts are joined. */
const MARGIN = 8;

export type SummaryPromptSettings = Omit<SummaryPromptInput, 'text' | 'context'>;

/** A summary written by a Klar model through the runtime. */
export class ModelSummary {
  constructor(
    readonly session: ModelSession,
    readonly prompt: SummaryPromptSettings,
    /** The integrator's cap on every generation's tokens, if any. */
    readonly maxNewTokensCap?: number,
  ) {}

  get description(): ModelDescription {
    return this.session.description;
  }

  get budget(): LengthBudget {
    return this.prompt.budget;
  }

  /** Tokens of one whole request (prompt and text) the model takes, leaving room for the summary. */
  get inputQuota(): number {
    return this.session.contextLength - this.prompt.budget.maxNewTokens;
  }

  /** Tokens the whole request for `text` needs: the messages rendered with the chat template. */
  measureInputUsage(text: string, context: string | undefined, signal?: AbortSignal) {
    return this.session.tokens.messages(
      summaryMessages({ ...this.prompt, text, ...(context ? { context } : {}) }),
      signal,
    );
  }

  /** The hierarchical path's view of this model. */
  condenseSource(context: string | undefined): CondenseSource {
    const session = this.session;
    const settings = { ...this.prompt, ...(context ? { context } : {}) };
    const partMax = Math.min(
      this.maxNewTokensCap ?? Number.POSITIVE_INFINITY,
      Math.max(16, Math.min(200, Math.floor(session.contextLength / 4))),
    );
    return {
      measureFinal: async (text, signal) => ({
        requested: await this.measureInputUsage(text, context, signal),
        quota: this.inputQuota,
      }),
      partTextBudget: async (signal) => {
        const overhead = await session.tokens.messages(
          partMessages({ ...settings, text: '' }, { index: 99, count: 99 }),
          signal,
        );
        return session.contextLength - partMax - overhead - MARGIN;
      },
      measureText: (text, signal) => session.tokens.text(text, signal),
      summarizePart: async (text, part, signal) => {
        const tokens = await session.tokens.text(text, signal);
        const budget = partBudget(Math.min(tokens, partMax * 2));
        const maxNewTokens = Math.min(budget.maxNewTokens, partMax);
        const result = await generateText(session.engine, {
          model: session.model,
          messages: partMessages({ ...settings, text }, part),
          maxNewTokens,
          guard: new LengthGuard(budget.unit, budget.units),
          signal,
          ...session.progressOption,
        });
        return result.text;
      },
    };
  }

  /** Streams the final summary of `text` (which fits one pass), held to the length budget. */
  async streamFinal(
    text: string,
    context: string | undefined,
    emit: (text: string) => void,
    signal: AbortSignal,
  ): Promise<string> {
    const result = await generateText(this.session.engine, {
      model: this.session.model,
      messages: summaryMessages({ ...this.prompt, text, ...(context ? { context } : {}) }),
      maxNewTokens: this.prompt.budget.maxNewTokens,
      guard: new LengthGuard(this.prompt.budget.unit, this.prompt.budget.units),
      onText: emit,
      signal,
      ...this.session.progressOption,
    });
    return result.text;
  }
}
