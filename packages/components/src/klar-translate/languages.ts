/**
 * Language names and writing direction for the language picker and the translated text. Uses
 * the browser's Intl data; the fallback list covers browsers without `Intl.Locale` text info.
 */

/** Right-to-left languages among those Klar may offer (used when Intl has no text info). */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'prs', 'ckb', 'ps', 'ur', 'he', 'yi', 'dv', 'ug', 'sd']);

export function primaryTag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

type LocaleWithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

/** 'rtl' for Arabic, Persian, Sorani, Pashto, Urdu, Hebrew …; 'ltr' otherwise. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
    // Chrome and Safari have getTextInfo(); older engines a textInfo getter.
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // An odd tag: the fallback list decides.
  }
  return RIGHT_TO_LEFT.has(primaryTag(tag)) ? 'rtl' : 'ltr';
}

/**
 * Names in the language itself for the languages Klar offers, for browsers whose Intl data lacks
 * the language (Chromium's ICU has no Somali or Tigrinya display names, for one).
 */
const ENDONYMS: Readonly<Record<string, string>> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
  so: 'Soomaali',
  fa: 'فارسی',
  prs: 'دری',
  ti: 'ትግርኛ',
  ku: 'Kurdî',
  ckb: 'کوردیی ناوەندی',
  pl: 'Polski',
  bs: 'Bosanski',
  hr: 'Hrvatski',
  sr: 'Српски',
  uk: 'Українська',
  tr: 'Türkçe',
  fi: 'Suomi',
  es: 'Español',
  de: 'Deutsch',
  fr: 'Français',
  ru: 'Русский',
  ro: 'Română',
  ps: 'پښتو',
  ur: 'اردو',
  am: 'አማርኛ',
  sq: 'Shqip',
  zh: '中文',
  vi: 'Tiếng Việt',
  th: 'ไทย',
  it: 'Italiano',
  pt: 'Português',
  nl: 'Nederlands',
  da: 'Dansk',
  nb: 'Norsk bokmål',
  et: 'Eesti',
  lt: 'Lietuvių',
  lv: 'Latviešu',
  hu: 'Magyar',
  el: 'Ελληνικά',
  hi: 'हिन्दी',
  bn: 'বাংলা',
  ja: '日本語',
  ko: '한국어',
  he: 'עברית',
  yi: 'ייִדיש',
  fit: 'Meänkieli',
  se: 'Davvisámegiella',
  rom: 'Romani',
};

/** The language's name in the language itself ("العربية", "Soomaali", "Svenska"), else the tag. */
export function nativeName(tag: string): string {
  try {
    // Only when Intl has the language's own data: otherwise it answers in the default locale.
    if (Intl.DisplayNames.supportedLocalesOf([tag]).length) {
      const name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
      if (name) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
    }
  } catch {
    // Unknown to this browser's Intl data.
  }
  return ENDONYMS[primaryTag(tag)] ?? tag;
}

/** The language's name in the page's language ("arabiska" on a Swedish page). */
export function nameIn(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The language to pre-select: the one detected in the citizen's own writing, else the first of
 * the browser's languages that can be served, else the first offered.
 */
export function preferredTarget(
  offered: readonly string[],
  detected: string | undefined,
  browserLanguages: readonly string[],
): string | undefined {
  const has = (tag: string | undefined) => (tag && offered.includes(tag) ? tag : undefined);
  return (
    has(detected && primaryTag(detected)) ??
    browserLanguages.map(primaryTag).find((tag) => offered.includes(tag)) ??
    offered[0]
  );
}
