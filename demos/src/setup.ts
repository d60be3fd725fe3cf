/**
 * Shared setup of the demo pages: one Klar client for the page, the model choice from the URL
 * (`?models=fixtures` for the generated test models), and the sv/en switch.
 */
import '@klar/components/define';
import { provideKlar } from '@klar/components';
import { applyDemoLanguage, type DemoLang } from './demo-i18n.js';

const params = new URLSearchParams(location.search);
export const useFixtures = params.get('models') === 'fixtures';

provideKlar({
  runtimeOptions: { modelBaseUrl: '/models/', manifest: '/models/manifest.json' },
  manifest: '/models/manifest.json',
  ...(useFixtures
    ? {
        models: {
          'text-generation': 'fixtures/klar-tiny-llama',
          'token-classification': 'fixtures/klar-tiny-bert-ner',
        },
      }
    : {}),
});

function currentLang(): DemoLang {
  const fromUrl = params.get('lang');
  if (fromUrl === 'en' || fromUrl === 'sv') return fromUrl;
  return localStorage.getItem('klar-demo-lang') === 'en' ? 'en' : 'sv';
}

function setLang(lang: DemoLang): void {
  localStorage.setItem('klar-demo-lang', lang);
  applyDemoLanguage(lang);
  const toggle = document.querySelector<HTMLButtonElement>('#lang-toggle');
  if (toggle) {
    toggle.lang = lang === 'sv' ? 'en' : 'sv';
    toggle.textContent = lang === 'sv' ? 'In English' : 'På svenska';
  }
  // Point the helpers at the letter in the chosen language (the decision page has both).
  if (document.querySelector(`#beslut-${lang}`)) {
    for (const el of document.querySelectorAll('klar-summary, klar-readability')) {
      el.setAttribute('for', `beslut-${lang}`);
    }
  }
  // Keep the model choice when following links between the pages.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-query]')) {
    const url = new URL(a.href, location.href);
    if (useFixtures) url.searchParams.set('models', 'fixtures');
    a.href = url.pathname + url.search;
  }
}

document.querySelector('#lang-toggle')?.addEventListener('click', () => {
  setLang(document.documentElement.lang === 'sv' ? 'en' : 'sv');
});
document.querySelector<HTMLElement>('#fixture-note')?.toggleAttribute('hidden', !useFixtures);
setLang(currentLang());
