import type { LanguageDetectionResult } from './language-detector.js';
import {
  hasUrduLetters,
  isMostlyEthiopic,
  isSoraniSpelling,
  languageText,
  letterCount,
  tigrinyaShare,
} from './text-evidence.js';

/** One answer of the underlying identifier (CLD3's `findLanguage`). */
export interface RawIdentification {
  /** The identifier's own code ('und' when it cannot tell). */
  readonly language: string;
  /** Its probability for that code, 0…1. */
  readonly probability: number;
  /** Its own reliability flag (CLD3: probability ≥ 0.7, ≥ 0.5 for close pairs such as hr/bs). */
  readonly isReliable: boolean;
}

export type RawIdentifier = (text: string) => RawIdentification;

/**
 * Fewer letters than this (after links and e-mail addresses are taken out) is 'und': "ok",
 * "tack", "Ali Hassan" or a date say nothing reliable about a language, and CLD3 still guesses
 * (it calls "tack" Filipino with 0.99).
 */
export const MIN_LETTERS = 10;

const UND = 'und';

/** Confidence given to an answer that spelling alone settles (Sorani-only letters). */
const SPELLING_CONFIDENCE = 0.8;

/**
 * CLD3 codes that are not the BCP 47 tag Klar reports. Kurmanji is `kmr` (Klar tells it from
 * Sorani, `ckb`); CLD3's romanised variants keep their script subtag (`ru-Latn`).
 */
const TAG_FOR_CODE: Readonly<Record<string, string>> = {
  ku: 'kmr',
  iw: 'he',
  jw: 'jv',
  in: 'id',
};

/** Languages CLD3 says for Sorani text (it has no Sorani). */
const SORANI_CONFUSIONS = new Set(['fa', 'ps', 'ur', 'sd', 'ar', 'ku']);

/** The tag for Persian text: `fa` unless the integrator expects Dari by its own tag. */
const PERSIAN_VARIANTS = ['fa-AF', 'prs'];

export interface IdentifyOptions {
  /** W3C `expectedInputLanguages`: a Dari tag here (`fa-AF`, `prs`) is used for Persian text. */
  readonly expectedInputLanguages?: readonly string[] | null;
}

/**
 * Ranked W3C results for one text: the language with Klar's confidence, then 'und' with the
 * rest. Klar's confidence is CLD3's probability, halved when CLD3 itself calls the answer
 * unreliable, so an unreliable guess always ranks below 'und'.
 */
export function identifyLanguage(
  text: string,
  identifier: RawIdentifier,
  options: IdentifyOptions = {},
): LanguageDetectionResult[] {
  if (letterCount(text) < MIN_LETTERS) return [{ detectedLanguage: UND, confidence: 1 }];
  const cleaned = languageText(text);
  const raw = identifier(cleaned);
  if (raw.language === UND || !(raw.probability > 0)) {
    return [{ detectedLanguage: UND, confidence: 1 }];
  }
  const confidence = clamp(raw.isReliable ? raw.probability : raw.probability / 2);
  const ranked = candidates(cleaned, raw.language, confidence, options);
  ranked.push({ detectedLanguage: UND, confidence: clamp(1 - confidence) });
  return ranked.sort((a, b) => b.confidence - a.confidence);
}

/** The identifier's answer turned into Klar's tags, split where spelling tells two languages apart. */
function candidates(
  text: string,
  code: string,
  confidence: number,
  options: IdentifyOptions,
): LanguageDetectionResult[] {
  if (SORANI_CONFUSIONS.has(code) && isSoraniSpelling(text)) {
    // CLD3 is unsure among its Perso-Arabic languages because Sorani is none of them; the
    // spelling itself is strong evidence.
    return [{ detectedLanguage: 'ckb', confidence: Math.max(confidence, SPELLING_CONFIDENCE) }];
  }
  if (code === 'ur' && !hasUrduLetters(text)) {
    return [{ detectedLanguage: tagFor('fa', options), confidence }];
  }
  if (code === 'am' || isMostlyEthiopic(text)) {
    const share = tigrinyaShare(text);
    return [
      { detectedLanguage: 'ti', confidence: confidence * share },
      { detectedLanguage: 'am', confidence: confidence * (1 - share) },
    ];
  }
  return [{ detectedLanguage: tagFor(code, options), confidence }];
}

function tagFor(code: string, options: IdentifyOptions): string {
  if (code === 'fa') {
    const expected = options.expectedInputLanguages ?? [];
    const dari = expected.find((tag) =>
      PERSIAN_VARIANTS.some((v) => v.toLowerCase() === tag.toLowerCase()),
    );
    if (dari && !expected.some((tag) => tag.toLowerCase() === 'fa')) return dari;
  }
  return TAG_FOR_CODE[code] ?? code;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
