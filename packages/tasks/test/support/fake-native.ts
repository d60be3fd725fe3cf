import type { Availability } from '../../src/shared/types.js';

/** Calls a fake built-in API saw, so tests can tell which source was used. */
export interface NativeLog {
  availability: Record<string, unknown>[];
  create: Record<string, unknown>[];
  calls: string[];
}

/**
 * A fake of a browser's built-in writing API (Summarizer, Rewriter, Translator or
 * LanguageDetector), available for the languages in `languages` only.
 */
export function fakeNativeApi(
  languages: readonly string[],
  log: NativeLog,
  answer: Availability = 'available',
) {
  const ok = (options: Record<string, unknown> = {}) => {
    const tags = [
      options.outputLanguage,
      options.sourceLanguage,
      options.targetLanguage,
      ...((options.expectedInputLanguages as string[] | undefined) ?? []),
    ].filter((t): t is string => typeof t === 'string');
    return tags.every((t) => languages.includes(t.split('-')[0]!));
  };
  const stream = (text: string) =>
    new ReadableStream<string>({
      start(controller) {
        for (const word of text.split(/(?<= )/)) controller.enqueue(word);
        controller.close();
      },
    });
  return class FakeNative {
    static async availability(options: Record<string, unknown> = {}): Promise<Availability> {
      log.availability.push(options);
      return ok(options) ? answer : 'unavailable';
    }
    static async create(options: Record<string, unknown> = {}) {
      log.create.push(options);
      const monitor = options.monitor as ((m: EventTarget) => void) | undefined;
      monitor?.(new EventTarget());
      return new FakeNative();
    }
    readonly inputQuota = 1000;
    async measureInputUsage(text: string) {
      return text.split(/\s+/).length;
    }
    async summarize(text: string) {
      log.calls.push(`summarize:${text.length}`);
      return 'Native summary.';
    }
    summarizeStreaming(text: string) {
      log.calls.push(`summarizeStreaming:${text.length}`);
      return stream('Native summary of 1 500 kronor.');
    }
    rewriteStreaming(_text: string, options: { context?: string } = {}) {
      log.calls.push(`rewriteStreaming:${options.context ?? ''}`);
      return stream('Native rewrite.');
    }
    translateStreaming(text: string) {
      log.calls.push(`translateStreaming:${text}`);
      return stream('Translated text.');
    }
    async detect(text: string) {
      log.calls.push(`detect:${text}`);
      return [
        { detectedLanguage: 'en', confidence: 0.2 },
        { detectedLanguage: 'sv', confidence: 0.7 },
      ];
    }
    destroy() {
      log.calls.push('destroy');
    }
  };
}

/** Runs `body` as if on a window that has these built-in APIs; restores the globals after. */
export async function withNativeApis(
  apis: Record<string, unknown>,
  body: () => Promise<void>,
  { window = true } = {},
): Promise<void> {
  const scope = globalThis as Record<string, unknown>;
  const saved = Object.fromEntries(['document', ...Object.keys(apis)].map((k) => [k, scope[k]]));
  if (window) scope.document = { documentElement: { lang: 'sv' } };
  Object.assign(scope, apis);
  try {
    await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete scope[k];
      else scope[k] = v;
    }
  }
}

export const emptyLog = (): NativeLog => ({ availability: [], create: [], calls: [] });
