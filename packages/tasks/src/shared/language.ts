/** Languages the task layer has prompts for. Swedish first. */
export type PromptLanguage = 'sv' | 'en';

export const PROMPT_LANGUAGES: readonly PromptLanguage[] = ['sv', 'en'];

/** The primary subtag of a BCP 47 tag, lower case: "sv-SE" → "sv". */
export function primaryLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0]!.toLowerCase();
}

/** The prompt language for a tag; undefined when there are no prompts in it. */
export function promptLanguageOf(tag: string | undefined): PromptLanguage | undefined {
  if (!tag) return undefined;
  const primary = primaryLanguage(tag);
  return (PROMPT_LANGUAGES as readonly string[]).includes(primary)
    ? (primary as PromptLanguage)
    : undefined;
}

/**
 * The language of the page (`<html lang>`), as a prompt language: Swedish when it is absent,
 * unknown, or there is no document (workers, Node).
 */
export function pageLanguage(): PromptLanguage {
  const lang = globalThis.document?.documentElement?.lang;
  return promptLanguageOf(lang) ?? 'sv';
}

/** Whether a model whose manifest lists `supported` can handle every one of `requested`. */
export function supportsLanguages(
  supported: readonly string[] | undefined,
  requested: readonly (string | undefined)[],
): boolean {
  if (!supported || supported.length === 0) return true;
  const known = new Set(supported.map(primaryLanguage));
  if (known.has('mul')) return true;
  return requested.every((tag) => !tag || known.has(primaryLanguage(tag)));
}
