import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { BackendPolicy } from '../backend/backend-policy.js';
import { ortBuildFor, prepareOrtBuild, requireWebGpuBuild } from '../backend/ort-build.js';
import { startOnnxRuntime } from '../backend/ort-start.js';
import { registerModelFiles } from '../backend/transformers-env.js';
import { type KlarError, toKlarError } from '../errors.js';
import { type FileEvent, fetchModelFiles } from '../files/fetch-model-files.js';
import type { ModelCache } from '../files/model-cache.js';
import { filesFor, resolveModel } from '../manifest/index.js';
import type { ModelEntry, ModelFile } from '../manifest/types.js';
import type { KlarPlatform } from '../platform.js';
import { requireTask } from '../tasks/registry.js';
import type { Backend, ProgressEvent } from '../types.js';
import type { LoadedModel } from './loaded-model.js';
import type { ManifestSource } from './manifest-source.js';

/** Progress without the request id: a shared load reports to every request waiting on it. */
export type LoadEvent = ProgressEvent extends infer E
  ? E extends ProgressEvent
    ? Omit<E, 'requestId'>
    : never
  : never;

export interface LoadedProcessor {
  readonly tokenizer: PreTrainedTokenizer;
  /** From the entry, else the model's config.json; 0 when neither says. */
  readonly contextLength: number;
}

/** Weight files are the ONNX graphs (and their external data); everything else is shared. */
const isWeights = (file: ModelFile) =>
  file.dtype !== undefined || /\.onnx(_data)?$/.test(file.path);

/**
 * Turns a manifest entry into a loaded model on one backend: verified files (cache or
 * network), then the processor and the session the entry's task definition asks for.
 */
export class ModelLoader {
  readonly #source: ManifestSource;
  readonly #policy: BackendPolicy;
  readonly #cache: ModelCache;
  readonly #platform: KlarPlatform;
  readonly #maxModelBytes: number | undefined;

  constructor(
    source: ManifestSource,
    policy: BackendPolicy,
    cache: ModelCache,
    platform: KlarPlatform,
    maxModelBytes: number | undefined,
  ) {
    this.#source = source;
    this.#policy = policy;
    this.#cache = cache;
    this.#platform = platform;
    this.#maxModelBytes = maxModelBytes;
  }

  async load(
    entry: ModelEntry,
    backend: Backend,
    emit: (event: LoadEvent) => void,
    /** Stops the download (the last request waiting for this load gave up). */
    signal?: AbortSignal,
  ): Promise<LoadedModel> {
    const definition = requireTask(entry.task);
    const manifest = await this.#source.manifest();
    // Both backends start ORT's .wasm: pick the realm's build (ort-build.ts) and check its
    // files before the download and before ORT sees them.
    const build = await prepareOrtBuild(ortBuildFor(backend), (warning) =>
      warnAboutSetup(warning, entry.id, emit),
    );
    if (backend === 'webgpu') requireWebGpuBuild(build);
    // ORT's start-up runs while the files come; awaited before the model's session.
    const runtimeStarted = startOnnxRuntime();
    const probe = backend === 'webgpu' ? await this.#policy.probe() : null;
    const { dtype } = resolveModel(manifest, {
      id: entry.id,
      backend,
      supportsFp16: probe?.fp16 ?? false,
      maxModelBytes: this.#maxModelBytes,
    });
    const files = await this.#fetch(entry, filesFor(entry, dtype), emit, signal);
    if (backend === 'webgpu') await this.#policy.prepareGpu();
    const registered = registerModelFiles(files);
    try {
      const tokenizer = await definition.loadProcessor(registered.virtualId);
      await runtimeStarted;
      const model = await definition.createModel(registered.virtualId, { dtype, device: backend });
      const loaded: LoadedModel = {
        entry,
        backend,
        dtype,
        tokenizer,
        model,
        stepHook: null,
        dispose: async () => {
          await model.dispose();
        },
      };
      // Every forward pass (one per token) first runs the request's step hook, and on
      // WebGPU the backend policy's check for a lost device.
      const forward = model.forward.bind(model);
      let steps = 0;
      model.forward = async (inputs: Parameters<typeof forward>[0]) => {
        const pending = loaded.stepHook?.();
        if (pending) await pending;
        if (backend === 'webgpu') await this.#policy.beforeGpuStep(steps++);
        return forward(inputs);
      };
      return loaded;
    } catch (error) {
      throw toKlarError(error, 'session-failed', `Could not start ${entry.id} on ${backend}`);
    } finally {
      registered.release();
    }
  }

  /** The processor alone: shared files only (config, tokenizer), never the weights. */
  async loadProcessor(
    entry: ModelEntry,
    emit: (event: LoadEvent) => void,
  ): Promise<LoadedProcessor> {
    const definition = requireTask(entry.task);
    const files = await this.#fetch(
      entry,
      entry.files.filter((f) => !isWeights(f)),
      emit,
    );
    const registered = registerModelFiles(files);
    try {
      const tokenizer = await definition.loadProcessor(registered.virtualId);
      return { tokenizer, contextLength: entry.contextLength ?? configContext(files) };
    } catch (error) {
      throw toKlarError(error, 'internal', `Could not read the tokenizer of ${entry.id}`);
    } finally {
      registered.release();
    }
  }

  #fetch(
    entry: ModelEntry,
    files: readonly ModelFile[],
    emit: (event: LoadEvent) => void,
    signal?: AbortSignal,
  ): Promise<Map<string, Uint8Array>> {
    return fetchModelFiles({
      ...(signal ? { signal } : {}),
      model: entry.id,
      folderUrl: this.#source.folderUrl(entry),
      files,
      cache: this.#cache,
      failCacheWrites: this.#platform.failCacheWrites,
      onEvent: (event: FileEvent) => {
        if (event.kind === 'initiate')
          emit({ status: 'initiate', model: entry.id, file: event.file });
        else if (event.kind === 'download') {
          const { kind: _, ...rest } = event;
          emit({ status: 'download', model: entry.id, ...rest });
        } else emit({ status: 'warning', model: entry.id, warning: event.error.toJSON() });
      },
    });
  }
}

function configContext(files: ReadonlyMap<string, Uint8Array>): number {
  const bytes = files.get('config.json');
  if (!bytes) return 0;
  try {
    return contextFromConfig(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return 0;
  }
}

/** The context a model's config.json declares, for entries that don't say; 0 if unknown. */
export function contextFromConfig(config: Record<string, unknown>): number {
  const value = config.max_position_embeddings ?? config.n_positions ?? config.max_length;
  return typeof value === 'number' ? value : 0;
}

/** A setup problem the load survives: in the worker's console for the developer, and as progress. */
export function warnAboutSetup(
  warning: KlarError,
  model: string,
  emit: (event: LoadEvent) => void,
): void {
  console.warn(`Klar: ${warning.message}`);
  emit({ status: 'warning', model, warning: warning.toJSON() });
}
