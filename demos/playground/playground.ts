import type { BackendPreference, ModelManifest, ProgressEvent } from '@klar/runtime';
import { createKlar, isKlarError, type KlarClient } from '@klar/runtime';
import { en, type PlaygroundStrings, sv } from './strings.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'sv';
const t: PlaygroundStrings = lang === 'en' ? en : sv;
document.documentElement.lang = lang;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('prompt-form');
const modelSelect = $<HTMLSelectElement>('model');
const backendSelect = $<HTMLSelectElement>('backend');
const output = $<HTMLOutputElement>('output');
const status = $<HTMLParagraphElement>('status');
const progress = $<HTMLProgressElement>('progress');
const backendInUse = $<HTMLParagraphElement>('backend-in-use');
const generateButton = $<HTMLButtonElement>('generate');
const stopButton = $<HTMLButtonElement>('stop');
const cacheList = $<HTMLUListElement>('cache-list');
const langSwitch = $<HTMLAnchorElement>('lang-switch');

for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  const value = t[el.dataset.i18n as keyof PlaygroundStrings];
  if (typeof value === 'string') el.textContent = value;
}
document.title = t.title;
const promptField = $<HTMLTextAreaElement>('prompt');
if (promptField.value === promptField.defaultValue) promptField.value = t.examplePrompt;
langSwitch.href = lang === 'en' ? '?lang=sv' : '?lang=en';
langSwitch.lang = lang === 'en' ? 'sv' : 'en';

let klar: KlarClient | null = null;
let klarBackend: BackendPreference | null = null;
let running: AbortController | null = null;

/** One client per chosen backend; switching the backend starts a fresh worker. */
function client(): KlarClient {
  const backend = backendSelect.value as BackendPreference;
  if (!klar || klarBackend !== backend) {
    void klar?.dispose();
    klar = createKlar({ backend });
    klarBackend = backend;
  }
  return klar;
}

async function fillModels(): Promise<void> {
  const manifest = (await (await fetch('/models/manifest.json')).json()) as ModelManifest;
  const wantFixtures = params.get('models') !== 'real';
  for (const m of manifest.models.filter((m) => m.task === 'text-generation')) {
    if (wantFixtures !== (m.role === 'fixture')) continue;
    modelSelect.append(new Option(m.name, m.id));
  }
}

function onProgress(event: ProgressEvent): void {
  switch (event.status) {
    case 'download': {
      progress.hidden = false;
      progress.max = event.modelTotal;
      progress.value = event.modelLoaded;
      status.textContent = t.downloading(
        Math.round((100 * event.modelLoaded) / Math.max(1, event.modelTotal)),
        event.file,
      );
      break;
    }
    case 'ready':
      progress.hidden = true;
      status.textContent = t.ready(event.backend);
      backendInUse.textContent = t.usedBackend(event.backend);
      break;
    case 'backend-change':
      status.textContent = t.backendChanged(event.from, event.to, event.reason.message);
      break;
    case 'warning':
      status.textContent = t.warning(event.warning.message);
      break;
    default:
  }
}

async function refreshCache(): Promise<void> {
  const stored = await client().listCache();
  cacheList.replaceChildren(
    ...(stored.length
      ? stored.map((m) =>
          Object.assign(document.createElement('li'), {
            textContent: t.storedModel(m.model, (m.bytes / 1e6).toFixed(1)),
          }),
        )
      : [Object.assign(document.createElement('li'), { textContent: t.nothingStored })]),
  );
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!form.reportValidity()) return;
  running?.abort();
  running = new AbortController();
  generateButton.disabled = true;
  stopButton.disabled = false;
  output.textContent = '';
  const started = performance.now();
  try {
    const result = await client().generate(
      {
        model: modelSelect.value,
        prompt: $<HTMLTextAreaElement>('prompt').value,
        maxNewTokens: Number($<HTMLInputElement>('max-tokens').value),
      },
      {
        signal: running.signal,
        onProgress,
        // Model output is untrusted: it is only ever inserted as text.
        onToken: (chunk) => output.append(chunk.text),
      },
    );
    backendInUse.textContent = t.usedBackend(result.backend);
    status.textContent = t.done(result.tokenIds.length, (performance.now() - started) / 1000);
  } catch (error) {
    status.textContent = isKlarError(error, 'aborted')
      ? t.stopped
      : t.failed(error instanceof Error ? error.message : String(error));
  } finally {
    generateButton.disabled = false;
    stopButton.disabled = true;
    running = null;
    void refreshCache();
  }
});

stopButton.addEventListener('click', () => running?.abort());
$<HTMLButtonElement>('clear-cache').addEventListener('click', async () => {
  await client().clearCache();
  await refreshCache();
});

await fillModels();
await refreshCache();
