import { forwardNativeStream } from '../shared/native-stream.js';
import type { CondenseSource } from './hierarchy.js';

/** The instance side of the browser's built-in Summarizer (W3C shape). */
export interface NativeSummarizerInstance {
  summarize(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  summarizeStreaming(
    input: string,
    options?: { context?: string; signal?: AbortSignal },
  ): ReadableStream<string>;
  measureInputUsage?(
    input: string,
    options?: { context?: string; signal?: AbortSignal },
  ): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

const PART_CONTEXT = (index: number, count: number) =>
  `Part ${index} of ${count} of a longer text; keep amounts, dates, deadlines and what the reader must do.`;

/** A summary written by the browser's own model. Long texts go the same hierarchical path. */
export class NativeSummary {
  constructor(readonly instance: NativeSummarizerInstance) {}

  get inputQuota(): number {
    const quota = this.instance.inputQuota;
    return typeof quota === 'number' && Number.isFinite(quota) ? quota : Number.POSITIVE_INFINITY;
  }

  async measureInputUsage(text: string, context: string | undefined, signal?: AbortSignal) {
    if (!this.instance.measureInputUsage) return 0;
    return this.instance.measureInputUsage(text, {
      ...(context ? { context } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  condenseSource(context: string | undefined): CondenseSource {
    return {
      measureFinal: async (text, signal) => ({
        requested: await this.measureInputUsage(text, context, signal),
        quota: this.inputQuota,
      }),
      partTextBudget: async (signal) => {
        const overhead = await this.measureInputUsage('', PART_CONTEXT(99, 99), signal);
        return Math.floor((this.inputQuota - overhead) * 0.9);
      },
      measureText: (text, signal) => this.measureInputUsage(text, undefined, signal),
      summarizePart: (text, part, signal) =>
        this.instance.summarize(text, { context: PART_CONTEXT(part.index, part.count), signal }),
    };
  }

  streamFinal(
    text: string,
    context: string | undefined,
    emit: (text: string) => void,
    signal: AbortSignal,
  ): Promise<string> {
    const stream = this.instance.summarizeStreaming(text, {
      ...(context ? { context } : {}),
      signal,
    });
    return forwardNativeStream(stream, emit, signal);
  }
}
