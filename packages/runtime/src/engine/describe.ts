import { toKlarError } from '../errors.js';
import { filesFor, pickDtype, resolveModel } from '../manifest/index.js';
import type { ModelEntry, ModelTask } from '../manifest/types.js';
import { isRunnableTask, taskDefinition } from '../tasks/registry.js';
import type { ModelDescription } from '../types.js';
import type { ModelHost } from './model-host.js';

/**
 * What a task would use on this device, without loading anything: the entry, the backend
 * and dtype it would run on, the bytes to fetch, whether it is stored, and availability in
 * W3C terms. Reads the manifest and the cache index, never a model file.
 */
export async function describeModel(
  host: ModelHost,
  task: ModelTask,
  model?: string,
): Promise<ModelDescription> {
  const none = { task, downloadBytes: 0, totalBytes: 0, stored: false } as const;
  let entry: ModelEntry;
  try {
    entry = await host.source.entryFor(task, model);
  } catch (error) {
    const reason = isRunnableTask(task)
      ? toKlarError(error, 'invalid-manifest').code
      : 'unsupported-task';
    return { ...none, availability: 'unavailable', reason };
  }
  const named = { ...none, model: entry.id, entry };
  if (!isRunnableTask(entry.task))
    return { ...named, availability: 'unavailable', reason: 'unsupported-task' };

  const loaded = host.sessions.loaded(entry.id);
  const choice = await host.policy.choose();
  // A task with its own ONNX Runtime session (voice activity detection) always runs on WASM.
  const wasmOnly = taskDefinition(entry.task)?.session === 'onnxruntime';
  const backend = loaded?.backend ?? (wasmOnly && choice.backend ? 'wasm' : choice.backend);
  if (!backend) return { ...named, availability: 'unavailable', reason: 'backend-unavailable' };
  const fp16 = !wasmOnly && choice.backend === 'webgpu' && choice.fp16;
  const dtype = loaded?.dtype ?? pickDtype(entry, backend, fp16);
  const files = filesFor(entry, dtype);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const onDevice = { ...named, backend, ...(loaded ? { loadedBackend: loaded.backend } : {}) };
  // The loader refuses a file without a sha256 unless the manifest marks the model
  // `integrity: "unverified"`: don't offer a download that would be refused.
  const integrity = (entry as { integrity?: string }).integrity;
  if (!loaded && integrity !== 'unverified' && files.some((f) => !f.sha256)) {
    return {
      ...onDevice,
      availability: 'unavailable',
      reason: 'integrity-failed',
      downloadBytes: totalBytes,
      totalBytes,
      stored: false,
    };
  }
  if (loaded) {
    return { ...onDevice, availability: 'available', downloadBytes: 0, totalBytes, stored: true };
  }

  let downloadBytes = 0;
  for (const file of files) {
    const stored = await host.cache.hasAll([host.source.fileUrl(entry, file.path)]);
    if (!stored) downloadBytes += file.size;
  }
  const stored = downloadBytes === 0 && host.cache.enabled;
  const sized = { ...onDevice, downloadBytes, totalBytes, stored };
  try {
    resolveModel(await host.source.manifest(), {
      id: entry.id,
      backend,
      supportsFp16: fp16,
      maxModelBytes: host.config.maxModelBytes,
    });
  } catch (error) {
    return { ...sized, availability: 'unavailable', reason: toKlarError(error).code };
  }
  if (stored) return { ...sized, availability: 'available' };
  const downloading = host.sessions.isLoading(entry.id);
  return { ...sized, availability: downloading ? 'downloading' : 'downloadable' };
}
