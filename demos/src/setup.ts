/**
 * Shared enhancement of the demo pages (each page already works without it): one Klar client for
 * the page, the model choice from the URL (`?models=fixtures` for the generated test models), and
 * the AI sections shown. The page's language is the page itself (Swedish at /, English at /en/),
 * so the language links and the form work without JavaScript; the elements follow `<html lang>`.
 */
import '@klar/components/define';
import { provideKlar } from '@klar/components';
import { localiseValidationMessages } from './validation-messages.js';

const params = new URLSearchParams(location.search);
export const useFixtures = params.get('models') === 'fixtures';

// Links from before the pages were split by language (`?lang=en`) land on the right page.
const wanted = params.get('lang');
const otherLanguage = document.querySelector<HTMLAnchorElement>(
  `.lang-switch a[hreflang="${wanted === 'en' ? 'en' : 'sv'}"]`,
);
if (wanted && wanted !== document.documentElement.lang && otherLanguage) {
  const url = new URL(otherLanguage.href);
  if (useFixtures) url.searchParams.set('models', 'fixtures');
  location.replace(url);
}

provideKlar({
  runtimeOptions: { modelBaseUrl: '/models/', manifest: '/models/manifest.json' },
  manifest: '/models/manifest.json',
  ...(useFixtures
    ? {
        models: {
          'text-generation': 'fixtures/klar-tiny-llama',
          'token-classification': 'fixtures/klar-tiny-bert-ner',
          'automatic-speech-recognition': 'fixtures/klar-tiny-whisper',
          translation: 'fixtures/klar-tiny-marian-sv-en',
        },
      }
    : {}),
});

// The AI help needs this script; without it those sections stay hidden instead of empty.
for (const section of document.querySelectorAll<HTMLElement>('[data-needs-js]')) {
  section.hidden = false;
}
document.querySelector<HTMLElement>('#fixture-note')?.toggleAttribute('hidden', !useFixtures);
for (const form of document.querySelectorAll('form')) localiseValidationMessages(form);

// Keep the model choice when following links (the language link too) and sending the form.
if (useFixtures) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-query]')) {
    const url = new URL(link.href);
    url.searchParams.set('models', 'fixtures');
    link.href = url.pathname + url.search + url.hash;
  }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-keep-query]')) {
    const url = new URL(form.action);
    url.searchParams.set('models', 'fixtures');
    form.action = url.pathname + url.search;
  }
}
