/**
 * Words that mark what a citizen must not miss in a letter or decision: what was decided, what
 * they must do, by when, how much, paying back, and how to appeal. Swedish and English; matched
 * case-insensitively on whole words (with inflections where the stem is given).
 */
export type SentenceCue =
  | 'decision'
  | 'obligation'
  | 'deadline'
  | 'amount'
  | 'repayment'
  | 'appeal';

const CUES: Record<SentenceCue, RegExp> = {
  decision:
    /(?<!\p{L})(?:beslutat|har beslutat|beviljar|beviljas|beviljats|beviljat|avslår|avslås|avslag|avslagits|godkänner|godkänts|har rätt till|får du|du får|decided|granted|grant|approved|rejected|refused|is refused|entitled to|you will receive|you receive)(?!\p{L})/iu,
  obligation:
    /(?<!\p{L})(?:måste|ska|skall|skyldig|skyldiga|behöver|är tvungen|must|have to|has to|need to|needs to|required|obliged|obligation|shall)(?!\p{L})/iu,
  deadline:
    /(?<!\p{L})(?:senast|inom|sista dag(?:en)?|före den|deadline|no later than|not later than|within|by the|last day)(?!\p{L})/iu,
  amount:
    /\d(?:[\d \u00a0\u202f.,])*\s?(?:kr|kronor|krona|sek|euro|eur)(?!\p{L})|€\s?\d|\d\s?€|(?<!\p{L})(?:sek|eur)\s?\d/iu,
  repayment:
    /(?<!\p{L})(?:återbetal\p{L}*|återkr\p{L}*|betala tillbaka|betala igen|pay back|paid back|repay\p{L}*|reclaim\p{L}*|recover the|refund\p{L}*|återbetalningsskyldig\p{L}*)(?!\p{L})/iu,
  appeal:
    /(?<!\p{L})(?:överklag\p{L}*|ompröv\p{L}*|appeal\p{L}*|reconsider\p{L}*|review|omprövning\p{L}*)(?!\p{L})/iu,
};

/** The cues a sentence carries, in the fixed order of `SentenceCue`. */
export function sentenceCues(sentence: string): SentenceCue[] {
  return (Object.keys(CUES) as SentenceCue[]).filter((cue) => CUES[cue].test(sentence));
}

const SECOND_PERSON = /(?<!\p{L})(?:du|dig|din|ditt|dina|ni|er|you|your)(?!\p{L})/iu;
const STRONG_OBLIGATION =
  /(?<!\p{L})(?:måste|skyldig|skyldiga|är tvungen|ansvarar för att|förväntas|must|have to|has to|required|obliged|responsible for|expected to)(?!\p{L})/iu;
const SOFT_OBLIGATION =
  /(?<!\p{L})(?:ska|skall|behöver|need to|needs to|shall|should|bör)(?!\p{L})/iu;
/** Sentences that start with an instruction: "Skicka in …", "Please send …". */
const IMPERATIVE =
  /^["'«(]*(?:glöm inte att |kom ihåg att |tänk på att |please |)(?:skicka|anmäl|lämna|betala|meddela|fyll|ange|bifoga|ansök|logga|kontrollera|send|report|pay|tell|submit|return|notify|inform|fill in|attach|apply|log in|check)a?(?!\p{L})/iu;

/**
 * Whether a sentence says what the reader must do: a strong modal ("måste", "must",
 * "skyldig"), a softer one addressed to the reader ("du ska", "you need to"), or an instruction
 * ("Skicka in intyget", "Please send").
 */
export function isObligation(sentence: string): boolean {
  if (STRONG_OBLIGATION.test(sentence)) return true;
  if (SOFT_OBLIGATION.test(sentence) && SECOND_PERSON.test(sentence)) return true;
  return IMPERATIVE.test(sentence);
}
