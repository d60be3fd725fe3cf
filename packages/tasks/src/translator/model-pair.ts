import type { ModelDescription, TaskEngine as RuntimeTaskEngine, TaskOutput } from '@klar/runtime';
import { resolveEngine } from '../shared/engine.js';
import { KlarError } from '../shared/errors.js';
import { primaryLanguage } from '../shared/language.js';
import type { EngineSource, TaskEngine } from '../shared/types.js';

/** What translation needs of an engine: the task API's methods plus the runtime's generic `runTask`. */
export type TranslationEngine = TaskEngine & Pick<RuntimeTaskEngine, 'runTask'>;

export type TranslationPairInfo = TaskOutput<'translation-pairs'>['pairs'][number];

export interface LanguagePair {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** The pair with primary subtags only ("sv-SE" → "sv"): Klar's models are per language. */
export function primaryPair(pair: LanguagePair): LanguagePair {
  return {
    sourceLanguage: primaryLanguage(pair.sourceLanguage),
    targetLanguage: primaryLanguage(pair.targetLanguage),
  };
}

export function hasRunTask(engine: unknown): engine is TranslationEngine {
  return typeof (engine as { runTask?: unknown } | null)?.runTask === 'function';
}

/** The engine to translate with; 'unsupported-task' when it cannot run generic tasks. */
export async function translationEngine(
  source: EngineSource | undefined,
): Promise<TranslationEngine> {
  const engine = await resolveEngine(source);
  if (!hasRunTask(engine)) {
    throw new KlarError(
      'unsupported-task',
      'Translator: the engine given has no runTask(), so it cannot run the translation task. Pass the client from createKlar().',
      { task: 'translation' },
    );
  }
  return engine;
}

/** Every direction the engine's manifest serves (reads the manifest only). */
export async function runtimePairs(
  engine: TranslationEngine,
  signal?: AbortSignal,
): Promise<readonly TranslationPairInfo[]> {
  const result = await engine.runTask('translation-pairs', {}, signal ? { signal } : {});
  return result.pairs;
}

/** Whether a manifest entry translates this direction (one-way Marian, or multilingual). */
function entryServes(description: ModelDescription, pair: LanguagePair): boolean {
  const entry = description.entry;
  if (!entry) return false;
  const { sourceLanguage, targetLanguage } = primaryPair(pair);
  if (entry.translation)
    return (
      entry.translation.source === sourceLanguage && entry.translation.target === targetLanguage
    );
  const languages = entry.languages.map(primaryLanguage);
  return languages.includes(sourceLanguage) && languages.includes(targetLanguage);
}

/**
 * The runtime's description of the model for this direction (the given model, or the one the
 * manifest has for it); undefined when there is none. Fetches no model file.
 */
export async function describePair(
  engine: TranslationEngine,
  pair: LanguagePair,
  model: string | undefined,
  signal?: AbortSignal,
): Promise<ModelDescription | undefined> {
  const wanted = primaryPair(pair);
  if (wanted.sourceLanguage === wanted.targetLanguage) return undefined;
  let id = model;
  if (id === undefined) {
    const pairs = await runtimePairs(engine, signal);
    id = pairs.find(
      (p) => p.source === wanted.sourceLanguage && p.target === wanted.targetLanguage,
    )?.model;
    if (id === undefined) return undefined;
  }
  const description = await engine.describe('translation', id);
  return entryServes(description, wanted) ? description : undefined;
}
