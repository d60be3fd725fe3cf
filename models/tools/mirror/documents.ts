import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isKlarError } from '../../../packages/runtime/src/errors.js';
import type { ModelEntry } from '../../../packages/runtime/src/manifest/types.js';
import { type DownloadOptions, downloadFile } from './download.js';
import { hashFile } from './hash.js';
import { hubUrl } from './select.js';

/** The model card and the licence texts a hub repository may hold, copied with the weights. */
export const DOCUMENTS = ['README.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt'] as const;

export interface MirroredFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** The commit the hub served it from (X-Repo-Commit), when it said. */
  readonly commit?: string;
}

/** `<out>/<id>/klar-mirror.json`: where every mirrored file came from, for reviewers. */
export interface MirrorRecord {
  readonly model: string;
  readonly repo: string;
  /** The pinned commit (or the revision as given, when the hub did not resolve it). */
  readonly revision: string;
  readonly pinned: boolean;
  readonly license: string;
  readonly files: readonly MirroredFile[];
  /** Card and licence files copied next to the model. */
  readonly documents: readonly MirroredFile[];
  /** Card or licence names the repository does not have at that revision. */
  readonly absent: readonly string[];
}

export const RECORD_NAME = 'klar-mirror.json';

export async function readRecord(dir: string): Promise<MirrorRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, RECORD_NAME), 'utf8')) as MirrorRecord;
  } catch {
    return undefined;
  }
}

/**
 * Copies the card and licence texts of `entry` into `dir`. They are not model files (the
 * runtime never downloads them), so a repository without them is noted, not an error. A
 * second run at the same revision does not ask the hub again.
 */
export async function mirrorDocuments(
  entry: ModelEntry,
  dir: string,
  revision: string,
  o: { readonly hub: string } & Omit<DownloadOptions, 'expectedSha256' | 'expectedSize'>,
): Promise<{ documents: MirroredFile[]; absent: string[] }> {
  const before = await readRecord(dir);
  const sameRevision = before?.revision === revision;
  const documents: MirroredFile[] = [];
  const absent: string[] = [];
  for (const name of DOCUMENTS) {
    if (entry.files.some((f) => f.path === name)) continue;
    const known = sameRevision ? before?.documents.find((d) => d.path === name) : undefined;
    if (known) {
      const have = await hashFile(join(dir, name)).catch(() => undefined);
      if (have?.sha256 === known.sha256) {
        documents.push(known);
        continue;
      }
    }
    if (sameRevision && before?.absent.includes(name)) {
      absent.push(name);
      continue;
    }
    const source = {
      ...entry,
      source: { hub: 'huggingface' as const, repo: entry.source?.repo ?? entry.id, revision },
    };
    try {
      const got = await downloadFile(hubUrl(o.hub, source, name), join(dir, name), o);
      documents.push({
        path: name,
        size: got.size,
        sha256: got.sha256,
        ...(got.commit ? { commit: got.commit } : {}),
      });
      o.log?.(`↓ ${entry.id}/${name} (${name.startsWith('README') ? 'model card' : 'licence'})`);
    } catch (error) {
      if (!(isKlarError(error) && error.details?.status === 404)) throw error;
      absent.push(name);
    }
  }
  return { documents, absent };
}

export async function writeRecord(dir: string, record: MirrorRecord): Promise<void> {
  await writeFile(join(dir, RECORD_NAME), `${JSON.stringify(record, null, 2)}\n`);
}
