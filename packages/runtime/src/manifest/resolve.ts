import { KlarError } from '../errors.js';
import { pickDtype } from './dtype.js';
import type {
  Backend,
  Dtype,
  LanguagePair,
  ModelEntry,
  ModelFile,
  ModelManifest,
  ModelTask,
} from './types.js';

export interface ResolveOptions {
  /** Pick the task's default model (then its alternative). Ignored when `id` is given. */
  readonly task?: ModelTask;
  /** A manifest id; must match `task` when both are given. */
  readonly id?: string;
  readonly backend: Backend;
  /** `false` when the WebGPU adapter lacks `shader-f16`; absent means supported. */
  readonly supportsFp16?: boolean;
  /** Refuse a download larger than this; absent means no limit. */
  readonly maxModelBytes?: number;
  /** Let `task` resolve to a test-only fixture when no real model exists. */
  readonly includeFixtures?: boolean;
  /** Translation: the direction wanted; picks the model for that pair. */
  readonly translation?: LanguagePair;
}

export interface DefaultModelOptions {
  readonly includeFixtures?: boolean;
  readonly translation?: LanguagePair;
}

export interface ResolvedModel {
  readonly entry: ModelEntry;
  readonly dtype: Dtype;
  /** Shared files (config, tokenizer) plus the weights of `dtype`. */
  readonly files: readonly ModelFile[];
  readonly downloadBytes: number;
}

/** Files one dtype needs: those without a dtype (shared) and those of that dtype. */
export function filesFor(entry: ModelEntry, dtype: Dtype): readonly ModelFile[] {
  return entry.files.filter((f) => f.dtype === undefined || f.dtype === dtype);
}

export function modelDownloadBytes(entry: ModelEntry, dtype: Dtype): number {
  return filesFor(entry, dtype).reduce((sum, f) => sum + f.size, 0);
}

const ROLE_ORDER = ['default', 'alternative', 'fixture'] as const;

/** A one-direction model must match the pair; a multilingual one must know both languages. */
function translates(entry: ModelEntry, pair: LanguagePair | undefined): boolean {
  if (!pair) return true;
  if (entry.translation) {
    return entry.translation.source === pair.source && entry.translation.target === pair.target;
  }
  return entry.languages.includes(pair.source) && entry.languages.includes(pair.target);
}

/**
 * The task's model: role `default`, else `alternative`, else (if allowed) a `fixture`. With
 * `translation`, only models for that direction count.
 */
export function defaultModelFor(
  manifest: ModelManifest,
  task: ModelTask,
  options: DefaultModelOptions = {},
): ModelEntry | undefined {
  const roles = options.includeFixtures ? ROLE_ORDER : ROLE_ORDER.slice(0, 2);
  for (const role of roles) {
    const hit = manifest.models.find(
      (m) => m.task === task && m.role === role && translates(m, options.translation),
    );
    if (hit) return hit;
  }
  return undefined;
}

function mb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

function findEntry(manifest: ModelManifest, options: ResolveOptions): ModelEntry {
  const { id, task } = options;
  if (id !== undefined) {
    const entry = manifest.models.find((m) => m.id === id);
    if (!entry) {
      const known = manifest.models.map((m) => m.id).join(', ') || 'none';
      throw new KlarError(
        'model-not-found',
        `No model "${id}" in the manifest. Known ids: ${known}. Add the model to manifest.json (npm run models:mirror writes one).`,
        { id },
      );
    }
    if (task !== undefined && entry.task !== task) {
      throw new KlarError(
        'model-not-found',
        `Model "${id}" is a ${entry.task} model, not ${task}. Choose a ${task} model from the manifest.`,
        { id, task, actualTask: entry.task },
      );
    }
    return entry;
  }
  if (task === undefined) {
    throw new KlarError('model-not-found', 'Give a task or a model id to resolve a model.');
  }
  const entry = defaultModelFor(manifest, task, options);
  if (!entry) {
    const pair = options.translation;
    if (pair && manifest.models.some((m) => m.task === task && m.role !== 'fixture')) {
      throw new KlarError(
        'model-not-found',
        `The manifest has no ${task} model for ${pair.source}→${pair.target}. Add one for that direction.`,
        { task, translation: pair },
      );
    }
    const onlyFixture = manifest.models.some((m) => m.task === task && m.role === 'fixture');
    throw new KlarError(
      'model-not-found',
      onlyFixture
        ? `The manifest has only a test fixture for ${task}. Mirror a real model (npm run models:mirror -- ${task} --out <dir>) or pass its id.`
        : `The manifest has no model for ${task}. Add one (npm run models:mirror -- ${task} --out <dir>).`,
      { task },
    );
  }
  return entry;
}

/** Picks entry, dtype and files for a request, and enforces the size budget. Pure. */
export function resolveModel(manifest: ModelManifest, options: ResolveOptions): ResolvedModel {
  const entry = findEntry(manifest, options);
  const dtype = pickDtype(entry, options.backend, options.supportsFp16);
  const files = filesFor(entry, dtype);
  const downloadBytes = files.reduce((sum, f) => sum + f.size, 0);
  const max = options.maxModelBytes;
  if (max !== undefined && downloadBytes > max) {
    const smaller = manifest.models
      .filter((m) => m.task === entry.task && m.id !== entry.id && m.role !== 'fixture')
      .filter((m) => translates(m, options.translation))
      .filter(
        (m) => modelDownloadBytes(m, pickDtype(m, options.backend, options.supportsFp16)) <= max,
      )
      .map((m) => m.id);
    const hint = smaller.length
      ? `choose a smaller model (${smaller.join(', ')})`
      : 'choose a smaller model or dtype';
    throw new KlarError(
      'model-too-large',
      `Model "${entry.id}" (${dtype}) needs ${mb(downloadBytes)} but the budget is ${mb(max)}. Raise maxModelBytes if this device can take it, or ${hint}.`,
      { id: entry.id, dtype, downloadBytes, maxModelBytes: max, smaller },
    );
  }
  return { entry, dtype, files, downloadBytes };
}
