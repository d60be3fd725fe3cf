import type { ModelEntry, ModelManifest } from '../manifest/types.js';

/** One direction the manifest can translate, and the model the runtime would use for it. */
export interface TranslationPair {
  readonly source: string;
  readonly target: string;
  /** The manifest id the 'translation' task picks for this direction. */
  readonly model: string;
  readonly name: string;
  readonly role: ModelEntry['role'];
}

const ROLE_ORDER: readonly ModelEntry['role'][] = ['default', 'alternative', 'fixture'];

function directionsOf(entry: ModelEntry): { source: string; target: string }[] {
  if (entry.translation) return [entry.translation];
  // A multilingual model without a declared direction translates between any two of its languages.
  return entry.languages.flatMap((source) =>
    entry.languages.filter((target) => target !== source).map((target) => ({ source, target })),
  );
}

/**
 * Every direction the manifest's translation models serve, one model each, picked the way the
 * 'translation' task picks (role `default`, then `alternative`, then a test `fixture`). Pure:
 * reads the manifest only, so listing languages never fetches a model file.
 */
export function translationPairs(manifest: ModelManifest): TranslationPair[] {
  const best = new Map<string, TranslationPair>();
  for (const entry of manifest.models) {
    if (entry.task !== 'translation') continue;
    for (const { source, target } of directionsOf(entry)) {
      const key = `${source}→${target}`;
      const known = best.get(key);
      if (known && ROLE_ORDER.indexOf(known.role) <= ROLE_ORDER.indexOf(entry.role)) continue;
      best.set(key, { source, target, model: entry.id, name: entry.name, role: entry.role });
    }
  }
  return [...best.values()];
}
