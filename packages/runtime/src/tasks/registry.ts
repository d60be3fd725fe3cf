import { KlarError } from '../errors.js';
import type { ModelTask } from '../manifest/types.js';
import { textGeneration } from './text-generation.js';
import { tokenClassification } from './token-classification.js';
import { transcription } from './transcription.js';
import { translation } from './translation.js';
import type { TaskDefinition, TaskName, TaskOperation } from './types.js';
import { voiceActivity } from './voice-activity.js';

/**
 * Every task this build can run. A model task not listed here (language identification
 * today) is refused before a byte is fetched.
 */
const TASKS: readonly TaskDefinition[] = [
  textGeneration,
  tokenClassification,
  translation,
  transcription,
  voiceActivity,
];

export function taskDefinition(task: ModelTask): TaskDefinition | undefined {
  return TASKS.find((t) => t.task === task);
}

export function isRunnableTask(task: ModelTask): boolean {
  return taskDefinition(task) !== undefined;
}

export function unsupportedTask(task: string): KlarError {
  return new KlarError(
    'unsupported-task',
    `This version of Klar cannot run ${task} models yet, so nothing was downloaded. Tasks it can run: ${TASKS.map((t) => t.task).join(', ')}.`,
    { task },
  );
}

/** The task's definition, or `unsupported-task`. */
export function requireTask(task: ModelTask): TaskDefinition {
  const definition = taskDefinition(task);
  if (!definition) throw unsupportedTask(task);
  return definition;
}

/** The operation a generic task request names, and the model task it runs on. */
export function taskOperation<N extends TaskName>(
  name: N,
): { readonly task: ModelTask; readonly operation: TaskOperation<N> } {
  for (const definition of TASKS) {
    const operation = definition.operations[name] as TaskOperation<N> | undefined;
    if (operation) return { task: definition.task, operation };
  }
  throw unsupportedTask(String(name));
}
