import type { TaskChunk, TaskInput, TaskName, TaskOutput } from '../tasks/types.js';
import type {
  CountTokensRequest,
  CountTokensResult,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  RequestOptions,
  TokenClassifyRequest,
  TokenClassifyResult,
} from '../types.js';

export interface TaskRunOptions<Chunk = unknown> extends RequestOptions {
  /** Streamed output of the task, in order. */
  readonly onChunk?: (chunk: Chunk) => void;
}

/** The one generic call every task goes through, in-thread or across the worker. */
export interface TaskEngine {
  runTask<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options?: TaskRunOptions<TaskChunk<N>>,
  ): Promise<TaskOutput<N>>;
}

// biome-ignore lint/suspicious/noExplicitAny: TypeScript requires `any[]` in a mixin's base constructor.
type AnyConstructor = abstract new (...args: any[]) => object;

/**
 * Adds the typed task methods of `KlarEngine` (thin wrappers over `runTask`) to `Base`: the
 * engines extend `TaskMethods`, the client (an EventTarget) extends `withTaskMethods(EventTarget)`.
 */
export function withTaskMethods<Base extends AnyConstructor>(base: Base) {
  abstract class WithTaskMethods extends base implements TaskEngine {
    abstract runTask<N extends TaskName>(
      name: N,
      input: TaskInput<N>,
      options?: TaskRunOptions<TaskChunk<N>>,
    ): Promise<TaskOutput<N>>;

    generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
      const { onToken, ...rest } = options;
      return this.runTask('text-generation', request, { ...rest, onChunk: onToken });
    }

    classifyTokens(
      request: TokenClassifyRequest,
      options?: RequestOptions,
    ): Promise<TokenClassifyResult> {
      return this.runTask('token-classification', request, options);
    }

    countTokens(request: CountTokensRequest, options?: RequestOptions): Promise<CountTokensResult> {
      return this.runTask('count-tokens', request, options);
    }
  }
  return WithTaskMethods;
}

/** The typed task methods of `KlarEngine`, as thin wrappers over `runTask`. */
export abstract class TaskMethods extends withTaskMethods(Object) {}
