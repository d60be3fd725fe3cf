import type { Locale } from '../span.js';
import type { BuiltInPiiType, RecognizerLabels } from './types.js';

/** Placeholder labels, Swedish first. Upper case so a language model treats them as tokens. */
export const BUILT_IN_LABELS: Record<BuiltInPiiType, RecognizerLabels> = {
  personnummer: { sv: 'PERSONNUMMER', en: 'PERSONAL ID' },
  samordningsnummer: { sv: 'SAMORDNINGSNUMMER', en: 'COORDINATION NUMBER' },
  organisationsnummer: { sv: 'ORGANISATIONSNUMMER', en: 'ORGANISATION NUMBER' },
  phone: { sv: 'TELEFONNUMMER', en: 'PHONE' },
  email: { sv: 'E-POST', en: 'EMAIL' },
  'postal-address': { sv: 'POSTADRESS', en: 'POSTAL ADDRESS' },
  'street-address': { sv: 'GATUADRESS', en: 'STREET ADDRESS' },
  iban: { sv: 'IBAN', en: 'IBAN' },
  bankgiro: { sv: 'BANKGIRO', en: 'BANKGIRO' },
  plusgiro: { sv: 'PLUSGIRO', en: 'PLUSGIRO' },
  'bank-account': { sv: 'KONTONUMMER', en: 'BANK ACCOUNT' },
  'vehicle-registration': { sv: 'REGISTRERINGSNUMMER', en: 'LICENCE PLATE' },
  'date-of-birth': { sv: 'FÖDELSEDATUM', en: 'DATE OF BIRTH' },
  'person-name': { sv: 'NAMN', en: 'NAME' },
  place: { sv: 'PLATS', en: 'PLACE' },
};

export function builtInLabel(type: string, locale: Locale): string | undefined {
  return (BUILT_IN_LABELS as Record<string, RecognizerLabels | undefined>)[type]?.[locale];
}

/** Fallback for custom types without labels: "case-number" → "CASE NUMBER". */
export function labelFromType(type: string): string {
  return type.replace(/[-_]+/g, ' ').trim().toUpperCase() || 'UPPGIFT';
}
