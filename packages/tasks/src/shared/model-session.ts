import type { ModelDescription } from '@klar/runtime';
import { resolveEngine } from './engine.js';
import { KlarError, throwIfAborted } from './errors.js';
import { supportsLanguages } from './language.js';
import { createMonitor } from './monitor.js';
import { ModelTokens } from './tokens.js';
import type { KlarCreateOptions, ModelTask, ProgressEvent, TaskEngine } from './types.js';

/** A model made ready for a task session: described, downloaded if needed, loaded. */
export interface ModelSession {
  readonly engine: TaskEngine;
  /** The model id the runtime resolved. */
  readonly model: string;
  readonly description: ModelDescription;
  readonly tokens: ModelTokens;
  readonly contextLength: number;
  /** Pass to generate calls so views keep seeing the backend (ready, backend-change). */
  readonly progressOption: { onProgress?: (event: ProgressEvent) => void };
}

/**
 * Describes, downloads (reporting W3C `downloadprogress` to the monitor) and loads the model
 * for `task`. Rejects with the runtime's reason when it cannot be used here, or with
 * 'unsupported-task' when the model does not handle the requested languages.
 */
export async function openModelSession(
  task: ModelTask,
  options: KlarCreateOptions,
  languages: readonly (string | undefined)[],
): Promise<ModelSession> {
  const signal = options.signal;
  throwIfAborted(signal);
  const engine = await resolveEngine(options.engine);
  const description = await engine.describe(task, options.model);
  throwIfAborted(signal);
  if (description.availability === 'unavailable' || !description.model) {
    throw new KlarError(
      description.reason ?? 'model-not-found',
      `No ${task} model can run here${description.model ? ` (${description.model})` : ''}: ${description.reason ?? 'none is configured'}.`,
      { task, ...(description.model ? { model: description.model } : {}) },
    );
  }
  if (!supportsLanguages(description.entry?.languages, languages)) {
    throw new KlarError(
      'unsupported-task',
      `The model ${description.model} does not handle ${languages.filter(Boolean).join(', ')} (it lists ${description.entry?.languages.join(', ')}).`,
      { task, model: description.model, languages: languages.filter(Boolean) },
    );
  }
  const monitor = createMonitor(options.monitor, options.onProgress);
  await engine.load(description.model, {
    onProgress: monitor.onProgress,
    ...(signal ? { signal } : {}),
  });
  monitor.finish();
  const tokens = new ModelTokens(engine, description.model);
  const contextLength = await tokens.contextLength(signal);
  return {
    engine,
    model: description.model,
    description,
    tokens,
    contextLength,
    progressOption: options.onProgress ? { onProgress: options.onProgress } : {},
  };
}
