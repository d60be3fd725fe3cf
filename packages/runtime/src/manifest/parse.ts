import { KlarError } from '../errors.js';
import type { ModelFile, ModelIntegrity, ModelManifest } from './types.js';

/*
 * Typed loader for models/manifest.json. The checks are written by hand, mirroring
 * models/manifest.schema.json, so the browser bundle needs no JSON-schema library (ajv is a
 * dev dependency used only by the node test that validates the schema against the file).
 */

export const TASKS = [
  'text-generation',
  'token-classification',
  'automatic-speech-recognition',
  'translation',
  'language-identification',
  'voice-activity-detection',
] as const;
export const ROLES = ['default', 'alternative', 'fixture'] as const;
export const INTEGRITY = ['sha256', 'unverified'] as const;
export const DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16'] as const;

type Obj = Record<string, unknown>;

function fail(path: string, problem: string, value?: unknown): never {
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 80)})`;
  throw new KlarError('invalid-manifest', `Model manifest: ${path} ${problem}${shown}.`, {
    field: path,
  });
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function obj(value: unknown, path: string): Obj {
  if (!isObj(value)) fail(path, 'must be an object', value);
  return value;
}

function str(o: Obj, key: string, path: string, optional = false): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v.length === 0)
    fail(`${path}.${key}`, 'must be a non-empty string', v);
}

function oneOf(
  o: Obj,
  key: string,
  allowed: readonly string[],
  path: string,
  optional = false,
): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || !allowed.includes(v)) {
    fail(`${path}.${key}`, `must be one of ${allowed.join(', ')}`, v);
  }
}

function count(o: Obj, key: string, path: string, min: number, optional = false): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    fail(`${path}.${key}`, `must be an integer >= ${min}`, v);
  }
}

/** A file path relative to the model folder: no leading slash, no `..`, no backslashes. */
function relativePath(o: Obj, key: string, path: string): void {
  str(o, key, path);
  const p = o[key] as string;
  if (p.startsWith('/') || p.includes('\\') || p.split('/').some((s) => s === '..' || s === '')) {
    fail(`${path}.${key}`, 'must be a relative path inside the model folder', p);
  }
}

function checkFile(value: unknown, path: string): void {
  const f = obj(value, path);
  relativePath(f, 'path', path);
  count(f, 'size', path, 0);
  if (
    f.sha256 !== undefined &&
    (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256))
  ) {
    fail(`${path}.sha256`, 'must be 64 lowercase hex characters', f.sha256);
  }
  oneOf(f, 'dtype', DTYPES, path, true);
}

function checkEntry(value: unknown, path: string): void {
  const e = obj(value, path);
  str(e, 'id', path);
  if ((e.id as string).split('/').some((s) => s === '..' || s === '' || s === '.')) {
    fail(`${path}.id`, 'must be a folder path without empty, . or .. segments', e.id);
  }
  oneOf(e, 'task', TASKS, path);
  oneOf(e, 'role', ROLES, path);
  str(e, 'name', path);
  str(e, 'license', path);
  str(e, 'licenseUrl', path, true);
  str(e, 'reason', path, true);
  count(e, 'contextLength', path, 1, true);
  if (e.verified !== undefined && typeof e.verified !== 'boolean') {
    fail(`${path}.verified`, 'must be a boolean', e.verified);
  }
  oneOf(e, 'integrity', INTEGRITY, path, true);
  if (!Array.isArray(e.languages) || e.languages.some((l) => typeof l !== 'string' || l === '')) {
    fail(`${path}.languages`, 'must be an array of language codes', e.languages);
  }
  if (e.translation !== undefined) {
    const t = obj(e.translation, `${path}.translation`);
    str(t, 'source', `${path}.translation`);
    str(t, 'target', `${path}.translation`);
  }
  if (e.source !== undefined) {
    const s = obj(e.source, `${path}.source`);
    if (s.hub !== 'huggingface') fail(`${path}.source.hub`, 'must be "huggingface"', s.hub);
    str(s, 'repo', `${path}.source`);
    str(s, 'revision', `${path}.source`);
  }
  if (e.npm !== undefined) {
    const n = obj(e.npm, `${path}.npm`);
    for (const key of ['package', 'version', 'path']) str(n, key, `${path}.npm`);
  }
  const d = obj(e.dtypes, `${path}.dtypes`);
  oneOf(d, 'webgpu', DTYPES, `${path}.dtypes`);
  oneOf(d, 'wasm', DTYPES, `${path}.dtypes`);
  if (!Array.isArray(e.files) || e.files.length === 0) {
    fail(`${path}.files`, 'must be a non-empty array', e.files);
  }
  const seen = new Set<string>();
  e.files.forEach((f, i) => {
    checkFile(f, `${path}.files[${i}]`);
    const p = (f as Obj).path as string;
    if (seen.has(p)) fail(`${path}.files[${i}].path`, 'is listed twice', p);
    seen.add(p);
  });
  // When weights are split per dtype, each declared dtype must have its weights listed.
  const present = new Set<unknown>(e.files.map((f) => (f as Obj).dtype));
  present.delete(undefined);
  if (present.size > 0) {
    for (const backend of ['webgpu', 'wasm'] as const) {
      if (!present.has(d[backend])) {
        fail(`${path}.dtypes.${backend}`, 'names a dtype with no files listed', d[backend]);
      }
    }
  }
}

/** What the file loader must check for one file, taken from its model's entry. */
export interface FileCheckPolicy {
  /** `sha256`: a file without a checksum is refused. `unverified`: the agency allowed it. */
  readonly integrity: ModelIntegrity;
  /** False when the entry says `verified: false` (sizes are the hub's listing, maybe estimates). */
  readonly sizeExact: boolean;
}

const STRICT: FileCheckPolicy = { integrity: 'sha256', sizeExact: true };
/*
 * The loader receives files, not entries (a request may need only some of them), so the
 * entry-level policy is remembered per file object here, invisible to JSON and spreads.
 */
const policies = new WeakMap<object, FileCheckPolicy>();

/** The policy of a file from a parsed manifest; the strict one for any other file object. */
export function filePolicyOf(file: ModelFile): FileCheckPolicy {
  return policies.get(file) ?? STRICT;
}

/** Checks `json` field by field and returns it typed; throws `invalid-manifest` naming the field. */
export function parseManifest(json: unknown): ModelManifest {
  const m = obj(json, 'manifest');
  if (m.version !== 1) fail('version', 'must be 1', m.version);
  if (!Array.isArray(m.models)) fail('models', 'must be an array', m.models);
  const ids = new Set<string>();
  m.models.forEach((entry, i) => {
    checkEntry(entry, `models[${i}]`);
    const id = (entry as Obj).id as string;
    if (ids.has(id)) fail(`models[${i}].id`, 'is used by an earlier entry', id);
    ids.add(id);
  });
  const manifest = m as unknown as ModelManifest;
  for (const entry of manifest.models) {
    const policy: FileCheckPolicy = {
      integrity: entry.integrity ?? 'sha256',
      sizeExact: entry.verified !== false,
    };
    for (const file of entry.files) policies.set(file, policy);
  }
  return manifest;
}
