import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest } from '../../../packages/runtime/src/manifest/parse.js';
import type {
  Dtype,
  ModelEntry,
  ModelFile,
  ModelManifest,
} from '../../../packages/runtime/src/manifest/types.js';
import { type MirroredFile, mirrorDocuments, readRecord, writeRecord } from './documents.js';
import { type DownloadOptions, downloadFile } from './download.js';
import { hashFile } from './hash.js';
import { copyNpmModel } from './npm-files.js';
import { dtypesToMirror, filesToMirror, hubUrl } from './select.js';

export interface MirrorOptions
  extends Pick<
    DownloadOptions,
    'attempts' | 'idleTimeoutMs' | 'retryDelayMs' | 'token' | 'fetchFn' | 'log'
  > {
  readonly hub: string;
  readonly out: string;
  readonly dtypes?: readonly Dtype[];
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function readOutManifest(path: string): Promise<ModelManifest> {
  if (!(await exists(path))) return { version: 1, models: [] };
  return parseManifest(JSON.parse(await readFile(path, 'utf8')));
}

/** Points each backend at a dtype that was mirrored, so the runtime never asks for a missing file. */
function mirroredDtypes(entry: ModelEntry, got: readonly Dtype[]): ModelEntry['dtypes'] {
  if (!entry.files.some((f) => f.dtype !== undefined)) return entry.dtypes;
  const pick = (own: Dtype, other: Dtype): Dtype =>
    got.includes(own) ? own : got.includes(other) ? other : (got[0] ?? own);
  return {
    webgpu: pick(entry.dtypes.webgpu, entry.dtypes.wasm),
    wasm: pick(entry.dtypes.wasm, entry.dtypes.webgpu),
  };
}

async function mirrorEntry(
  entry: ModelEntry,
  previous: ModelEntry | undefined,
  o: MirrorOptions,
): Promise<ModelEntry> {
  const dtypes = dtypesToMirror(entry, o.dtypes);
  const files: ModelFile[] = [];
  const record: MirroredFile[] = [];
  let commit: string | undefined;
  for (const file of filesToMirror(entry, dtypes)) {
    const dest = join(o.out, ...entry.id.split('/'), ...file.path.split('/'));
    const known = file.sha256 ?? previous?.files.find((f) => f.path === file.path)?.sha256;
    let got: { sha256: string; size: number; commit?: string } | undefined;
    if (known && (await exists(dest))) {
      const have = await hashFile(dest);
      if (have.sha256 === known) got = have;
    }
    if (got) {
      o.log?.(`= ${entry.id}/${file.path} (already here, sha256 matches)`);
    } else {
      o.log?.(`↓ ${entry.id}/${file.path}`);
      got = await downloadFile(hubUrl(o.hub, entry, file.path), dest, {
        ...o,
        ...(file.sha256 ? { expectedSha256: file.sha256 } : {}),
        // Unverified entries carry the hub's listed size, which the mirror is here to confirm.
        ...(entry.verified === false ? {} : { expectedSize: file.size }),
      });
      commit ??= got.commit;
    }
    files.push({
      path: file.path,
      size: got.size,
      sha256: got.sha256,
      ...(file.dtype ? { dtype: file.dtype } : {}),
    });
    record.push({
      path: file.path,
      size: got.size,
      sha256: got.sha256,
      ...(got.commit ? { commit: got.commit } : {}),
    });
  }
  const { verified: _unverified, ...rest } = entry;
  const source = entry.source ? pinned(entry.source, commit, o.log) : undefined;
  const dir = join(o.out, ...entry.id.split('/'));
  // Files skipped as already mirrored tell no commit: the earlier run's record does.
  const earlier = await readRecord(dir);
  const isCommit = (r: string | undefined) => r !== undefined && /^[0-9a-f]{40}$/.test(r);
  const revision =
    [source?.revision, commit, earlier?.revision].find(isCommit) ?? source?.revision ?? 'main';
  for (const [i, f] of record.entries()) {
    const old = earlier?.files.find((e) => e.path === f.path && e.sha256 === f.sha256);
    if (!f.commit && old?.commit) record[i] = { ...f, commit: old.commit };
  }
  const { documents, absent } = await mirrorDocuments(entry, dir, revision, o);
  if (absent.length > 0) o.log?.(`  ${entry.id}: no ${absent.join(', ')} in the repository`);
  if (!isCommit(revision)) {
    o.log?.(
      `  ${entry.id}: revision "${revision}" is not pinned to a commit (the hub did not say)`,
    );
  }
  await writeRecord(dir, {
    model: entry.id,
    repo: entry.source?.repo ?? entry.id,
    revision,
    pinned: isCommit(revision),
    license: entry.license,
    files: record,
    documents,
    absent,
  });
  return {
    ...rest,
    ...(source ? { source } : {}),
    dtypes: mirroredDtypes(entry, dtypes),
    files,
  };
}

/** A branch name becomes the commit the hub served, so the mirror records what it holds. */
function pinned(
  source: NonNullable<ModelEntry['source']>,
  commit: string | undefined,
  log: MirrorOptions['log'],
): NonNullable<ModelEntry['source']> {
  if (!commit || /^[0-9a-f]{40}$/.test(source.revision)) return source;
  log?.(`  ${source.repo}: ${source.revision} is commit ${commit}`);
  return { ...source, revision: commit };
}

/**
 * Mirrors the entries' files into `<out>/<id>/<path>` and writes `<out>/manifest.json` with the
 * real sizes and sha256 (merged with models mirrored there before). Returns that manifest.
 */
export async function mirrorModels(
  entries: readonly ModelEntry[],
  o: MirrorOptions,
): Promise<ModelManifest> {
  const outPath = join(o.out, 'manifest.json');
  const before = await readOutManifest(outPath);
  const done: ModelEntry[] = [];
  for (const entry of entries) {
    const previous = before.models.find((m) => m.id === entry.id);
    const { npm } = entry;
    done.push(
      npm
        ? await copyNpmModel({ ...entry, npm }, o.out, o.log)
        : await mirrorEntry(entry, previous, o),
    );
  }
  const ids = new Set(done.map((m) => m.id));
  const manifest: ModelManifest = {
    version: 1,
    models: [...before.models.filter((m) => !ids.has(m.id)), ...done],
  };
  parseManifest(manifest);
  const tmp = `${outPath}.tmp`;
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(tmp, outPath);
  return manifest;
}
