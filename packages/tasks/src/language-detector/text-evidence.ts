// What a text shows about its language before any statistics: how many letters it has, and the
// letters only one of two close languages writes. Klar's identifier (CLD3) has neither Sorani
// nor Tigrinya, and answers Persian/Urdu and Amharic for them; these spelling facts fix that.

/** Links and e-mail addresses say nothing about the language a citizen writes in. */
const NOT_LANGUAGE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
const LETTER = /\p{L}/gu;

/** The text without links and e-mail addresses (CLD3 reads those as words). */
export function languageText(text: string): string {
  return text.replace(NOT_LANGUAGE, ' ');
}

/** Letters in the text (digits, punctuation, emoji and links do not count). */
export function letterCount(text: string): number {
  return languageText(text).match(LETTER)?.length ?? 0;
}

// Sorani (Central Kurdish) writes ڵ ڕ ێ ۆ ە, which Arabic, Persian, Dari, Urdu and Pashto never
// use. Uyghur shares ە and ۆ but has ې ۇ ۈ ۋ, which Sorani does not.
const SORANI_LETTERS = /[\u06B5\u0695\u06CE\u06C6\u06D5]/gu;
const UYGHUR_LETTERS = /[\u06D0\u06C7\u06C8\u06CB]/u;

/** Whether an Arabic-script text is spelled the Sorani way (at least two Sorani-only letters). */
export function isSoraniSpelling(text: string): boolean {
  const sorani = text.match(SORANI_LETTERS)?.length ?? 0;
  return sorani >= 2 && !UYGHUR_LETTERS.test(text);
}

// Urdu writes ٹ ڈ ڑ ں ھ ہ ے, which Persian and Dari never use; CLD3 calls some Persian Urdu.
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2\u06D3]/u;

/** Whether an Arabic-script text has letters only Urdu (among Urdu, Persian, Dari) writes. */
export function hasUrduLetters(text: string): boolean {
  return URDU_LETTERS.test(text);
}

const ETHIOPIC = /[\u1200-\u137F\u2D80-\u2DDF\uAB00-\uAB2F]/gu;

/** Whether most letters are Ethiopic (Ge'ez) script: Tigrinya, Amharic, Tigre and others. */
export function isMostlyEthiopic(text: string): boolean {
  const ethiopic = text.match(ETHIOPIC)?.length ?? 0;
  return ethiopic > 0 && ethiopic * 2 >= letterCount(text);
}

// Tigrinya writes word-initial a as ኣ (U+12A3) and has the qhe (ቐ…) and xhe (ኸ…) rows; Amharic
// writes አ (U+12A0) and uses the ñ (ኘ…), zhe (ዠ…) rows and ኧ, which Tigrinya rarely does. Common
// short words tip the balance when no such letter is there.
const TIGRINYA_LETTERS = /[\u12A3\u1250-\u1256\u1258-\u125D\u12B8-\u12C0\u12C2-\u12C5]/gu;
const AMHARIC_LETTERS = /[\u12A0\u1298-\u129F\u12E0-\u12E7\u12A7]/gu;
const TIGRINYA_WORDS = /(?:^|\s)(?:እዩ|እየ|እያ|ናይ|ኢና|ኢዩ|ኢኻ|ኢኺ|ዶ|እንታይ|ከመይ|ኣሎ|የለን)(?=\s|[?፧።፡፣,.!]|$)/gu;
const AMHARIC_WORDS = /(?:^|\s)(?:ነው|ነኝ|ናት|እና|ውስጥ|ምን|እንዴት|አለ|የለም|ግን|ይህ|እኔ)(?=\s|[?፧።፡፣,.!]|$)/gu;

/** Share of the Tigrinya reading among Tigrinya and Amharic, from spelling (0…1). */
export function tigrinyaShare(text: string): number {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const tigrinya = count(TIGRINYA_LETTERS) + count(TIGRINYA_WORDS);
  const amharic = count(AMHARIC_LETTERS) + count(AMHARIC_WORDS);
  // With no evidence either way, lean to Tigrinya: in Sweden far more people write it (Eritrea).
  return (tigrinya + 0.6) / (tigrinya + amharic + 1);
}
