/** What models/manifest.json holds. The JSON schema is models/manifest.schema.json. */
export type ModelTask =
  | 'text-generation'
  | 'token-classification'
  | 'automatic-speech-recognition'
  | 'translation'
  | 'language-identification'
  /** Speech segments in audio (Silero VAD), run as a plain ONNX Runtime session. */
  | 'voice-activity-detection';

export type Backend = 'webgpu' | 'wasm';
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';

export interface ModelFile {
  /** Path relative to the model's folder, e.g. `onnx/model_q4f16.onnx`. */
  readonly path: string;
  readonly size: number;
  /** Hex sha256; when present the runtime verifies the bytes before use. */
  readonly sha256?: string;
  /** Absent for files every dtype needs (config, tokenizer). */
  readonly dtype?: Dtype;
}

export interface ModelEntry {
  /** Folder name under the model base URL, e.g. `onnx-community/Qwen2.5-0.5B-Instruct`. */
  readonly id: string;
  readonly task: ModelTask;
  /** `default` and `alternative` are real models; `fixture` models are test-only. */
  readonly role: 'default' | 'alternative' | 'fixture';
  readonly name: string;
  readonly languages: readonly string[];
  readonly license: string;
  readonly licenseUrl?: string;
  /** Hugging Face id and pinned revision the files come from (absent for generated fixtures). */
  readonly source?: {
    readonly hub: 'huggingface';
    readonly repo: string;
    readonly revision: string;
  };
  /**
   * The npm package the files are copied from, for models that ship in one (Silero VAD) rather
   * than on a hub: `npm run models:vad` copies `path` of `package@version` into the model folder.
   */
  readonly npm?: NpmSource;
  /** The dtype the runtime picks on each backend. */
  readonly dtypes: { readonly webgpu: Dtype; readonly wasm: Dtype };
  readonly files: readonly ModelFile[];
  /** Tokens the model can attend to; long inputs are chunked to fit. */
  readonly contextLength?: number;
  readonly reason?: string;
  /** Translation models only: the one direction this model translates. Absent: any pair in `languages`. */
  readonly translation?: LanguagePair;
  /**
   * `false` when sizes or the revision come from the hub's listing or docs and were not checked
   * byte for byte here; `npm run models:mirror` writes exact sizes and sha256 for a mirror.
   * Absent means checked.
   */
  readonly verified?: boolean;
  /**
   * `"unverified"`: the agency accepts files without a sha256 for this model (they are still
   * checked for size, content type and HTML before anything is stored). Absent or `"sha256"`:
   * every file must carry a sha256, and a file without one is refused before it is requested.
   * Independent of `verified`, which only says whether sizes and revision were checked.
   */
  readonly integrity?: ModelIntegrity;
}

export type ModelIntegrity = 'sha256' | 'unverified';

export interface NpmSource {
  readonly package: string;
  readonly version: string;
  /** Path of the file inside the package. */
  readonly path: string;
}

export interface LanguagePair {
  readonly source: string;
  readonly target: string;
}

export interface ModelManifest {
  readonly version: 1;
  readonly models: readonly ModelEntry[];
}
