import type { Locale } from '../span.js';

export type LixBand = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

const LABELS: Record<Locale, Record<LixBand, string>> = {
  sv: {
    'very-easy': 'Mycket lättläst',
    easy: 'Lättläst',
    medium: 'Medelsvår',
    hard: 'Svår',
    'very-hard': 'Mycket svår',
  },
  en: {
    'very-easy': 'Very easy',
    easy: 'Easy',
    medium: 'Medium',
    hard: 'Hard',
    'very-hard': 'Very hard',
  },
};

/** Bands: below 30 very easy, 30–40 easy, 40–50 medium, 50–60 hard, 60 and above very hard. */
export function lixBand(lixValue: number): LixBand {
  if (lixValue < 30) return 'very-easy';
  if (lixValue < 40) return 'easy';
  if (lixValue < 50) return 'medium';
  if (lixValue < 60) return 'hard';
  return 'very-hard';
}

export function lixBandLabel(band: LixBand, locale: Locale = 'sv'): string {
  return (LABELS[locale] ?? LABELS.sv)[band];
}
