import { en } from './en.js';
import { sv } from './sv.js';
import type { Translation } from './translation.js';

export type { LixBand, ModelUnavailableReason, Translation } from './translation.js';
export { en, sv };

const builtIn: Readonly<Record<string, Translation>> = { sv, en };

/** The language of an element: its own or nearest `lang`, falling back to Swedish. */
export function resolveLocale(element: Element): string {
  const lang =
    element.closest('[lang]')?.getAttribute('lang') ?? element.ownerDocument.documentElement.lang;
  return (lang || 'sv').toLowerCase().split('-')[0] ?? 'sv';
}

/** Built-in strings for the locale (Swedish when unknown), with the integrator's overrides. */
export function translationFor(locale: string, overrides?: Partial<Translation>): Translation {
  const base = builtIn[locale] ?? sv;
  return overrides ? { ...base, ...overrides } : base;
}

/** Formats a byte count for people: "1,2 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}
