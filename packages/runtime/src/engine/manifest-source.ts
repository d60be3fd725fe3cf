import { loadManifest, parseManifest, resolveModel } from '../manifest/index.js';
import type { ModelEntry, ModelManifest, ModelTask } from '../manifest/types.js';
import type { EngineConfig } from './engine-config.js';

/** The engine's manifest: fetched once, and where each model's files live. */
export class ManifestSource {
  readonly #config: EngineConfig;
  #manifest: Promise<ModelManifest> | null = null;

  constructor(config: EngineConfig) {
    this.#config = config;
  }

  manifest(): Promise<ModelManifest> {
    const source = this.#config.manifest;
    this.#manifest ??=
      typeof source === 'string'
        ? loadManifest(source, (url) => fetch(url))
        : Promise.resolve(parseManifest(source));
    // A failed fetch is not remembered: the next request tries again.
    this.#manifest.catch(() => {
      this.#manifest = null;
    });
    return this.#manifest;
  }

  /** The entry for `model`, or the task's default (fixtures count when nothing else exists). */
  async entryFor(task: ModelTask, model?: string): Promise<ModelEntry> {
    const manifest = await this.manifest();
    // Backend and budget don't matter for choosing the entry; loading checks them later.
    return resolveModel(manifest, { task, id: model, backend: 'wasm', includeFixtures: true })
      .entry;
  }

  folderUrl(entry: ModelEntry): string {
    return new URL(`${entry.id.replace(/\/+$/, '')}/`, this.#config.modelBaseUrl).href;
  }

  fileUrl(entry: ModelEntry, path: string): string {
    return new URL(path, this.folderUrl(entry)).href;
  }
}
