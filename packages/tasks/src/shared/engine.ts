import type { EngineSource, TaskEngine } from './types.js';

let pageEngine: Promise<TaskEngine> | undefined;

/**
 * The engine a session uses: the one passed in, or one `createKlar()` shared by every session
 * on the page that was given none (made on first use, so importing this package starts nothing).
 */
export async function resolveEngine(source: EngineSource | undefined): Promise<TaskEngine> {
  if (typeof source === 'function') return await source();
  if (source) return source;
  pageEngine ??= import('@klar/runtime').then((runtime) => runtime.createKlar());
  return pageEngine;
}
