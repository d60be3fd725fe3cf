/**
 * The one page setting for where Klar's files live, read by the elements and passed to the
 * runtime, so both look in the same place:
 *
 * ```html
 * <meta name="klar-model-base" content="/models/">   <!-- models and manifest.json -->
 * <meta name="klar-runtime-base" content="/klar/">   <!-- worker and ONNX Runtime files -->
 * ```
 */
export interface KlarPageSettings {
  /** Absolute URL of the model folder (ends in `/`); undefined when the page does not say. */
  readonly modelBaseUrl?: string;
  /** `manifest.json` in the model folder; undefined when the page does not say. */
  readonly manifestUrl?: string;
  /** Absolute URL of the folder holding the worker and ONNX Runtime files (ends in `/`). */
  readonly runtimeBaseUrl?: string;
}

/** Reads the page's `<meta name="klar-…">` settings. Pure: fetches nothing. */
export function klarPageSettings(doc: Document = document): KlarPageSettings {
  const modelBaseUrl = folderUrl(doc, 'klar-model-base');
  const runtimeBaseUrl = folderUrl(doc, 'klar-runtime-base');
  return {
    ...(modelBaseUrl ? { modelBaseUrl, manifestUrl: `${modelBaseUrl}manifest.json` } : {}),
    ...(runtimeBaseUrl ? { runtimeBaseUrl } : {}),
  };
}

function folderUrl(doc: Document, name: string): string | undefined {
  const content = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim();
  if (!content) return undefined;
  try {
    const url = new URL(content, doc.baseURI).href;
    return url.endsWith('/') ? url : `${url}/`;
  } catch {
    return undefined;
  }
}
