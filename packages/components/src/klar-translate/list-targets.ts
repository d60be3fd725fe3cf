import type { TranslationTarget } from '@klar/tasks';
import type { KlarContext } from '../shared/context.js';
import type { KlarEngine } from '../shared/engine-types.js';
import type { loadTasks } from '../shared/lazy.js';
import { reportSetupProblem, setupUrl } from '../shared/setup-report.js';

type Tasks = Awaited<ReturnType<typeof loadTasks>>;

export interface ListTargetsOptions {
  readonly sourceLanguage: string;
  readonly useNative: boolean;
  readonly model: string | undefined;
  readonly signal: AbortSignal;
}

/**
 * The languages that can be served here, usable ones only. Models the site lists but cannot
 * serve (a missing sha256, a missing file) go to the developer's console with the URL and the
 * fix; the citizen is only offered what works.
 */
export async function listTargets(
  tasks: Tasks,
  engine: KlarEngine | undefined,
  page: KlarContext,
  options: ListTargetsOptions,
): Promise<TranslationTarget[]> {
  const { sourceLanguage } = options;
  const { targets, runtimeError } = await tasks.Translator.targetLanguages({
    sourceLanguage,
    useNative: options.useNative,
    // No second engine: when the page's cannot start, only the browser's translator is asked.
    engine:
      engine ??
      (() => {
        throw Object.assign(new Error('The Klar engine could not start.'), { code: 'internal' });
      }),
    ...(options.model ? { model: options.model } : {}),
    signal: options.signal,
  });
  if (runtimeError && engine) reportSetupProblem(runtimeError, page, engine);
  for (const target of targets) {
    if (target.availability !== 'unavailable' || !engine) continue;
    const code = target.reason ?? 'model-not-found';
    const url = setupUrl(engine, code);
    reportSetupProblem(
      {
        code,
        message: `the translation model "${target.source}" for ${sourceLanguage}→${target.language} is unavailable here (${code})`,
        ...(url ? { details: { url } } : {}),
      },
      page,
      engine,
    );
  }
  return targets.filter((t) => t.availability !== 'unavailable');
}

/**
 * The language of what the citizen wrote, when it can be told with confidence; undefined when
 * there is no text, no detector (no built-in one and no Klar identifier), or it cannot tell.
 */
export async function detectLanguage(
  tasks: Tasks,
  text: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (!text) return undefined;
  try {
    const detector = await tasks.LanguageDetector.create({ signal });
    try {
      const [best] = await detector.detect(text, { signal });
      return best && best.detectedLanguage !== 'und' && best.confidence >= 0.5
        ? best.detectedLanguage
        : undefined;
    } finally {
      detector.destroy();
    }
  } catch {
    // No detector here: the browser's languages decide.
    return undefined;
  }
}
