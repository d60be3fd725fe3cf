import { pageLanguage, promptLanguageOf } from '../shared/language.js';
import type { ProgressEvent, TaskEngine } from '../shared/types.js';

export interface ExplainFieldOptions {
  /** The field's visible label. */
  readonly label: string;
  /** What the form is about (its name or heading). */
  readonly formTitle?: string;
  readonly engine: TaskEngine;
  readonly model?: string;
  /** Language of the explanation. Default: the page's. */
  readonly outputLanguage?: string;
  readonly signal?: AbortSignal;
  /** Each new piece of text as it streams. */
  readonly onText?: (text: string) => void;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface FieldExplanation {
  readonly text: string;
  /** The model that wrote it (for the AI label). */
  readonly model: string;
  readonly backend?: 'webgpu' | 'wasm';
}

const EXPLAIN_PROMPTS = {
  sv: {
    system:
      'Förklara med vanliga ord, i högst två korta meningar, vad ett fält i ett formulär hos en svensk myndighet betyder och vad man ska skriva.',
    user: (title: string, label: string) => `Formulär: ${title}\nFält: ${label}`,
  },
  en: {
    system:
      "Explain in plain words, in at most two short sentences, what a field in a Swedish public authority's form means and what to write in it.",
    user: (title: string, label: string) => `Form: ${title}\nField: ${label}`,
  },
} as const;

/**
 * A plain-language explanation of a form field's label, streamed, from a model on the device.
 * Prefer the agency's own text where there is one: this is for labels that have none.
 */
export async function explainField(options: ExplainFieldOptions): Promise<FieldExplanation> {
  const language = promptLanguageOf(options.outputLanguage) ?? pageLanguage();
  const prompts = EXPLAIN_PROMPTS[language];
  const { engine, model, signal, onText, onProgress } = options;
  const result = await engine.generate(
    {
      ...(model ? { model } : {}),
      messages: [
        { role: 'system', content: prompts.system },
        { role: 'user', content: prompts.user(options.formTitle ?? '', options.label) },
      ],
      maxNewTokens: 80,
      sampling: { temperature: 0 },
    },
    {
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(onText ? { onToken: (chunk: { text: string }) => onText(chunk.text) } : {}),
    },
  );
  return { text: result.text.trim(), model: result.model, backend: result.backend };
}
