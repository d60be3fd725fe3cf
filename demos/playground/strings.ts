/** The playground's own strings, sv first. A missing key fails to compile. */
export interface PlaygroundStrings {
  title: string;
  intro: string;
  switchLanguage: string;
  model: string;
  backend: string;
  backendAuto: string;
  maxTokens: string;
  prompt: string;
  /** The example text in the prompt field, in the page's language. */
  examplePrompt: string;
  generate: string;
  stop: string;
  output: string;
  stored: string;
  clear: string;
  nothingStored: string;
  downloading: (percent: number, file: string) => string;
  ready: (backend: string) => string;
  done: (tokens: number, seconds: number) => string;
  stopped: string;
  backendChanged: (from: string, to: string, reason: string) => string;
  warning: (message: string) => string;
  failed: (message: string) => string;
  usedBackend: (backend: string) => string;
  storedModel: (model: string, megabytes: string) => string;
}

export const sv: PlaygroundStrings = {
  title: 'Klar – runtime-lekplats',
  examplePrompt: 'Skriv en kort sammanfattning av beslutet om bostadsbidrag.',
  intro: 'Allt körs i din webbläsare. Ingen text skickas till någon server.',
  switchLanguage: 'In English',
  model: 'Modell',
  backend: 'Beräkning',
  backendAuto: 'Automatiskt (WebGPU om möjligt)',
  maxTokens: 'Högst antal nya token',
  prompt: 'Din text',
  generate: 'Generera',
  stop: 'Stoppa',
  output: 'Resultat',
  stored: 'Sparade modeller',
  clear: 'Ta bort sparade modeller',
  nothingStored: 'Inga modeller är sparade på den här enheten.',
  downloading: (p, f) => `Hämtar modellen: ${p} % (${f})`,
  ready: (b) => `Modellen är klar och körs med ${b}.`,
  done: (n, s) => `Klart: ${n} token på ${s.toFixed(1)} sekunder.`,
  stopped: 'Stoppad.',
  backendChanged: (f, t, r) => `Bytte från ${f} till ${t}: ${r}`,
  warning: (m) => `Observera: ${m}`,
  failed: (m) => `Det gick inte: ${m}`,
  usedBackend: (b) => `Beräkning: ${b}`,
  storedModel: (m, mb) => `${m} – ${mb} MB`,
};

export const en: PlaygroundStrings = {
  title: 'Klar – runtime playground',
  examplePrompt: 'Write a short summary of the decision on housing allowance.',
  intro: 'Everything runs in your browser. No text is sent to any server.',
  switchLanguage: 'På svenska',
  model: 'Model',
  backend: 'Compute',
  backendAuto: 'Automatic (WebGPU when possible)',
  maxTokens: 'Maximum new tokens',
  prompt: 'Your text',
  generate: 'Generate',
  stop: 'Stop',
  output: 'Result',
  stored: 'Stored models',
  clear: 'Delete stored models',
  nothingStored: 'No models are stored on this device.',
  downloading: (p, f) => `Downloading the model: ${p} % (${f})`,
  ready: (b) => `The model is ready and runs on ${b}.`,
  done: (n, s) => `Done: ${n} tokens in ${s.toFixed(1)} seconds.`,
  stopped: 'Stopped.',
  backendChanged: (f, t, r) => `Switched from ${f} to ${t}: ${r}`,
  warning: (m) => `Note: ${m}`,
  failed: (m) => `That did not work: ${m}`,
  usedBackend: (b) => `Compute: ${b}`,
  storedModel: (m, mb) => `${m} – ${mb} MB`,
};
