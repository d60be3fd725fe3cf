/** The demo pages' own strings (the elements translate themselves). */
export type DemoLang = 'sv' | 'en';

const strings: Record<string, Record<DemoLang, string>> = {
  skip: { sv: 'Hoppa till innehållet', en: 'Skip to content' },
  agency: { sv: 'Bidragsmyndigheten (demo)', en: 'The Benefits Agency (demo)' },
  home: { sv: 'Startsida', en: 'Home' },
  beslutLink: { sv: 'Ditt beslut om bostadsbidrag', en: 'Your housing allowance decision' },
  ansokanLink: { sv: 'Ansök om bostadsbidrag', en: 'Apply for housing allowance' },
  startTitle: { sv: 'Mina sidor – demo av Klar', en: 'My pages – Klar demo' },
  startIntro: {
    sv: 'Det här är en påhittad e-tjänst som visar Klar. All AI-hjälp körs i din webbläsare. Ingen text du skriver eller läser skickas till någon server.',
    en: 'This is a made-up e-service that shows Klar. All AI help runs in your browser. No text you write or read is sent to any server.',
  },
  startModels: {
    sv: 'Lägg till ?models=fixtures i adressen för att använda de små testmodellerna (de ger nonsenstext men visar hur allt fungerar).',
    en: 'Add ?models=fixtures to the address to use the small test models (they write nonsense but show how everything works).',
  },
  fixtureNote: {
    sv: 'Testläge: de små testmodellerna har slumpade vikter, så AI-texten blir nonsens. Det är meningen.',
    en: 'Test mode: the small test models have random weights, so the AI text is nonsense. That is intended.',
  },
  beslutTitle: { sv: 'Beslut om bostadsbidrag', en: 'Decision on housing allowance' },
  beslutHelp: { sv: 'Hjälp att läsa beslutet', en: 'Help reading the decision' },
  readabilityTitle: { sv: 'Hur svår är texten?', en: 'How hard is the text?' },
  modelsTitle: { sv: 'AI-modeller', en: 'AI models' },
  ansokanTitle: { sv: 'Ansökan om bostadsbidrag', en: 'Application for housing allowance' },
  ansokanIntro: {
    sv: 'Fält markerade med * måste fyllas i. Hjälpen är frivillig; du kan alltid fylla i själv.',
    en: 'Fields marked * are required. The help is optional; you can always fill in the form yourself.',
  },
  sent: {
    sv: 'Tack! Det här är en demo, så ingenting skickades.',
    en: 'Thank you! This is a demo, so nothing was sent.',
  },
};

export function applyDemoLanguage(lang: DemoLang): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const entry = strings[el.dataset.i18n ?? ''];
    if (entry) el.textContent = entry[lang];
  }
  // Content written in both languages: show the one that matches.
  for (const el of document.querySelectorAll<HTMLElement>('[data-lang]')) {
    el.hidden = el.dataset.lang !== lang;
  }
  const title = document.querySelector<HTMLElement>('h1[data-i18n]');
  if (title) document.title = `${title.textContent} – Klar`;
}
