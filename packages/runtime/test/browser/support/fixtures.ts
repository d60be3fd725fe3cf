import { createKlar, type KlarClient } from '../../../src/index.js';
import type { KlarOptions, ProgressEvent } from '../../../src/types.js';

export const LM = 'fixtures/klar-tiny-llama';
export const NER = 'fixtures/klar-tiny-bert-ner';
export const PROMPT = 'Skriv en kort sammanfattning av beslutet om bostadsbidrag.';

/** A client on the generated fixtures, served by the test server at /models/. */
export function fixtureClient(options: KlarOptions = {}): KlarClient {
  return createKlar({ modelBaseUrl: '/models/', manifest: '/models/manifest.json', ...options });
}

export function collectProgress(): { events: ProgressEvent[]; onProgress: (e: ProgressEvent) => void } {
  const events: ProgressEvent[] = [];
  return { events, onProgress: (e) => events.push(e) };
}

/** Deletes every stored model so a test starts cold. */
export async function clearModelCache(): Promise<void> {
  await caches.delete('klar-models-v1');
}

/** Model-file requests seen by this page (the worker's fetches appear in resource timing only for the worker, so we count at the server side via the URL list we pass in). */
export function modelRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => n.includes('/models/fixtures/'));
}
