import { KlarError } from '../../../packages/runtime/src/errors.js';
import { TASKS } from '../../../packages/runtime/src/manifest/parse.js';
import type {
  Dtype,
  ModelEntry,
  ModelFile,
  ModelManifest,
  ModelTask,
} from '../../../packages/runtime/src/manifest/types.js';

/**
 * Entries named by tasks or ids. A task means its default models (one per direction for
 * translation), or its alternative when it has no default; `alternatives` adds the alternatives.
 */
export function selectEntries(
  manifest: ModelManifest,
  targets: readonly string[],
  alternatives = false,
): ModelEntry[] {
  const picked = new Map<string, ModelEntry>();
  for (const target of targets) {
    if ((TASKS as readonly string[]).includes(target)) {
      const task = target as ModelTask;
      const ofTask = (role: ModelEntry['role']) =>
        manifest.models.filter((m) => m.task === task && m.role === role);
      const main = ofTask('default').length > 0 ? ofTask('default') : ofTask('alternative');
      if (main.length === 0) {
        throw new KlarError('model-not-found', `The manifest has no real model for ${task}.`);
      }
      for (const m of [...main, ...(alternatives ? ofTask('alternative') : [])]) {
        picked.set(m.id, m);
      }
      continue;
    }
    const entry = manifest.models.find((m) => m.id === target);
    if (!entry) {
      throw new KlarError(
        'model-not-found',
        `"${target}" is neither a task (${TASKS.join(', ')}) nor a model id in the manifest.`,
      );
    }
    picked.set(entry.id, entry);
  }
  return [...picked.values()];
}

/** Dtypes to mirror for an entry: the requested ones it has, else its webgpu and wasm dtypes. */
export function dtypesToMirror(entry: ModelEntry, requested?: readonly Dtype[]): Dtype[] {
  const wanted = requested ?? [entry.dtypes.webgpu, entry.dtypes.wasm];
  const hasSplit = entry.files.some((f) => f.dtype !== undefined);
  const found = hasSplit
    ? wanted.filter((d) => entry.files.some((f) => f.dtype === d))
    : [...new Set(wanted)];
  if (found.length === 0) {
    const offered = [...new Set(entry.files.flatMap((f) => (f.dtype ? [f.dtype] : [])))];
    throw new KlarError(
      'model-not-found',
      `${entry.id} has no weights for ${wanted.join(', ')}; it offers ${offered.join(', ')}.`,
    );
  }
  return [...new Set(found)];
}

export function filesToMirror(entry: ModelEntry, dtypes: readonly Dtype[]): ModelFile[] {
  return entry.files.filter((f) => f.dtype === undefined || dtypes.includes(f.dtype));
}

/** The hub URL of one file: `<hub>/<repo>/resolve/<revision>/<path>`. */
export function hubUrl(hub: string, entry: ModelEntry, path: string): string {
  const repo = entry.source?.repo ?? entry.id;
  const revision = entry.source?.revision ?? 'main';
  const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  return `${hub}/${enc(repo)}/resolve/${encodeURIComponent(revision)}/${enc(path)}`;
}
