/** Builds the regex that finds placeholders, exact or slightly mangled by a language model. */

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "E-POST" → matches "E-POST", "E POST", "e_post", "EPOST". */
function flexibleLabel(label: string): string {
  return label
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map(escapeRegExp)
    .join('[\\s_-]*');
}

/** Normalised form used to look a label up: upper case, letters and digits only. */
export function labelKey(label: string): string {
  return label.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function formatPlaceholder(label: string, number: number): string {
  return `[${label} ${number}]`;
}

/**
 * Matches `[LABEL 1]` and the forms models tend to produce: other brackets, lower case,
 * underscores, missing space ("[PERSONNUMMER_1]", "<personnummer 1>", "{E-post 2}").
 * Group 1 is the label, group 2 the number. Longest labels first so "E-POST" beats "POST".
 */
export function placeholderPattern(labels: Iterable<string>): RegExp | undefined {
  const unique = [...new Set(labels)].filter((label) => label.length > 0);
  if (unique.length === 0) return undefined;
  // Every mask() call asks for the same labels: building the source cost more than masking a
  // short message. The regex is shared, so callers use it only through replace()/matchAll().
  const key = unique.join('\u0000');
  const cached = patterns.get(key);
  if (cached) return cached;
  unique.sort((a, b) => b.length - a.length);
  const alternatives = unique.map(flexibleLabel).join('|');
  const pattern = new RegExp(`[\\[<{(]\\s?(${alternatives})[\\s_-]?(\\d{1,6})\\s?[\\]>})]`, 'giu');
  if (patterns.size >= MAX_PATTERNS) patterns.delete(patterns.keys().next().value!);
  patterns.set(key, pattern);
  return pattern;
}

/** Placeholder patterns by their labels; bounded, as custom labels may come and go. */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 32;
