// Browser-side helpers for the fault tests: the fault server's request log and switches.
import { executeServerCommand } from '@web/test-runner-commands';
import type { ModelManifest } from '../../packages/runtime/src/index.js';

export const LM = 'fixtures/klar-tiny-llama';
export const LM_FILES = 6;
export const PROMPT = 'Skriv en kort sammanfattning av beslutet om bostadsbidrag.';
export const CACHE_NAME = 'klar-models-v1';

export interface FaultRequest {
  readonly path: string;
  readonly range: string | null;
  readonly status: number;
  readonly sent: number;
  readonly closedEarly: boolean;
  /** /late-models/ weights: what released them ('runtime-imported' or 'timeout'). */
  readonly heldUntil?: string;
}

/** Every request the fault server saw under `prefix` (e.g. '/drop-models/') in this run. */
export async function faultRequests(prefix: string): Promise<FaultRequest[]> {
  const log = (await executeServerCommand<FaultRequest[], undefined>('fault-log')) ?? [];
  return log.filter((r) => r.path.startsWith(prefix));
}

/** While offline, every connection to /switch-models/ is destroyed before a byte is sent. */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand('fault-offline', { offline });
}

/** /late-models/ holds weights until the next import of ORT's .mjs from /ort-logged/. */
export async function holdWeightsForNextRuntimeStart(): Promise<void> {
  await executeServerCommand('fault-reset-runtime');
}

export async function clearModelCache(): Promise<void> {
  await caches.delete(CACHE_NAME);
}

/** URLs stored in Klar's cache. */
export async function storedUrls(): Promise<string[]> {
  if (!(await caches.has(CACHE_NAME))) return [];
  const cache = await caches.open(CACHE_NAME);
  return (await cache.keys()).map((r) => new URL(r.url).pathname);
}

/** The fixture manifest with the LM changed by `edit` (e.g. checksums removed). */
export async function editedManifest(
  edit: (entry: Record<string, unknown>) => void,
): Promise<ModelManifest> {
  const manifest = await (await fetch('/models/manifest.json')).json();
  for (const entry of manifest.models) if (entry.id === LM) edit(entry);
  return manifest;
}

export function withoutChecksums(entry: Record<string, unknown>): void {
  entry.files = (entry.files as Record<string, unknown>[]).map(({ sha256: _, ...f }) => f);
}

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
