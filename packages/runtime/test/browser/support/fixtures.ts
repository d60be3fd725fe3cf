import { createKlar, type KlarClient } from '../../../src/index.js';
import type { KlarOptions, ProgressEvent } from '../../../src/types.js';

export const LM = 'fixtures/klar-tiny-llama';
export const NER = 'fixtures/klar-tiny-bert-ner';
export const PROMPT = 'Skriv en kort sammanfattning av beslutet om bostadsbidrag.';

/** A client on the generated fixtures, served by the test server at /models/. */
export function fixtureClient(options: KlarOptions = {}): KlarClient {
  return createKlar({ modelBaseUrl: '/models/', manifest: '/models/manifest.json', ...options });
}

export function collectProgress(): {
  events: ProgressEvent[];
  onProgress: (e: ProgressEvent) => void;
} {
  const events: ProgressEvent[] = [];
  return { events, onProgress: (e) => events.push(e) };
}

/** Deletes every stored model so a test starts cold. */
export async function clearModelCache(): Promise<void> {
  await caches.delete('klar-models-v1');
}

/** Paths of model files the test server has served so far (all tests of this run). */
export async function servedModelFiles(): Promise<string[]> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  return (await executeServerCommand<string[], undefined>('model-requests')) ?? [];
}
