import type { MicrophoneProblem } from './microphone.js';

/** Strings only <klar-dictate> uses. sv and en; integrators override keys with `strings`. */
export interface DictateStrings {
  readonly dictate: string;
  /** Accessible name of the microphone button; starts with its visible text. */
  readonly dictateInto: (field: string) => string;
  readonly stopListening: string;
  /** Always shown under the button: what happens to the audio. */
  readonly help: string;
  readonly askingMicrophone: string;
  readonly listening: string;
  /** Announced once when listening starts. */
  readonly listeningAnnouncement: string;
  readonly level: string;
  readonly levelText: (level: 'silent' | 'low' | 'good' | 'loud') => string;
  readonly partialHeading: string;
  readonly writing: string;
  readonly reviewHeading: string;
  readonly checkSpeech: string;
  readonly insert: string;
  readonly discard: string;
  readonly reviewAnnouncement: string;
  readonly inserted: string;
  readonly insertedShortened: (max: number) => string;
  readonly discarded: string;
  readonly nothingHeard: string;
  readonly microphone: (problem: MicrophoneProblem) => string;
  /** Added to every problem: the form does not depend on dictation. */
  readonly fieldWorks: string;
  /** Added to the download question: the voice detector that comes with the speech model. */
  readonly voiceDetector: (size: string) => string;
}

const n = (value: number, locale: string) => value.toLocaleString(locale);

export const dictateStringsSv: DictateStrings = {
  dictate: 'Diktera',
  dictateInto: (field) => `Diktera i fältet ${field}`,
  stopListening: 'Sluta lyssna',
  help: 'Tala i stället för att skriva. Ljudet stannar på din enhet: det sparas inte och skickas inte någonstans. Du ser texten och väljer själv om den ska in i fältet.',
  askingMicrophone: 'Webbläsaren frågar om sidan får använda mikrofonen.',
  listening: 'Lyssnar',
  listeningAnnouncement:
    'Mikrofonen är på och lyssnar. Tryck på Sluta lyssna eller Esc när du är klar.',
  level: 'Ljudnivå från mikrofonen',
  levelText: (level) => ({ silent: 'tyst', low: 'svag', good: 'bra', loud: 'stark' })[level],
  partialHeading: 'Texten hittills',
  writing: 'Mikrofonen är avstängd. Skriver ut det sista du sa …',
  reviewHeading: 'Granska texten innan du lägger in den',
  checkSpeech:
    'Taligenkänning kan höra fel. Texten kommer inte in i fältet förrän du väljer Infoga.',
  insert: 'Infoga',
  discard: 'Kasta',
  reviewAnnouncement: 'Mikrofonen är avstängd. Granska texten och välj Infoga eller Kasta.',
  inserted: 'Texten är infogad i fältet.',
  insertedShortened: (max) =>
    `Texten är infogad men kortad: fältet rymmer högst ${n(max, 'sv-SE')} tecken.`,
  discarded: 'Texten är kastad. Fältet är som förut.',
  nothingHeard: 'Inget tal hördes. Tala nära mikrofonen och försök igen.',
  microphone: (problem) =>
    ({
      'microphone-denied':
        'Sidan fick inte använda mikrofonen. Du kan tillåta mikrofonen i webbläsarens inställningar för webbplatsen och försöka igen.',
      'microphone-missing': 'Ingen mikrofon hittades. Anslut en mikrofon och försök igen.',
      'microphone-busy':
        'Mikrofonen gick inte att starta. Den kanske används av ett annat program.',
      'microphone-unsupported': 'Den här webbläsaren kan inte ta emot tal här.',
      'microphone-setup': 'Diktering är inte tillgänglig på den här webbplatsen just nu.',
    })[problem],
  fieldWorks: 'Du kan skriva i fältet som vanligt.',
  voiceDetector: (size) =>
    `Med den kommer en röstdetektor (${size}) som hittar pauserna i det du säger.`,
};

export const dictateStringsEn: DictateStrings = {
  dictate: 'Dictate',
  dictateInto: (field) => `Dictate into the field ${field}`,
  stopListening: 'Stop listening',
  help: 'Speak instead of typing. The audio stays on your device: it is not stored and not sent anywhere. You see the text and decide whether it goes into the field.',
  askingMicrophone: 'The browser is asking whether this page may use the microphone.',
  listening: 'Listening',
  listeningAnnouncement:
    'The microphone is on and listening. Press Stop listening or Esc when you are done.',
  level: 'Sound level from the microphone',
  levelText: (level) => ({ silent: 'silent', low: 'weak', good: 'good', loud: 'strong' })[level],
  partialHeading: 'The text so far',
  writing: 'The microphone is off. Writing out the last thing you said …',
  reviewHeading: 'Check the text before you put it in',
  checkSpeech:
    'Speech recognition can mishear. The text does not go into the field until you choose Insert.',
  insert: 'Insert',
  discard: 'Discard',
  reviewAnnouncement: 'The microphone is off. Check the text and choose Insert or Discard.',
  inserted: 'The text is inserted into the field.',
  insertedShortened: (max) =>
    `The text is inserted but shortened: the field holds at most ${n(max, 'en-GB')} characters.`,
  discarded: 'The text is discarded. The field is as it was.',
  nothingHeard: 'No speech was heard. Speak close to the microphone and try again.',
  microphone: (problem) =>
    ({
      'microphone-denied':
        "The page was not allowed to use the microphone. You can allow the microphone in the browser's settings for this site and try again.",
      'microphone-missing': 'No microphone was found. Connect a microphone and try again.',
      'microphone-busy': 'The microphone could not start. Another program may be using it.',
      'microphone-unsupported': 'This browser cannot take speech here.',
      'microphone-setup': 'Dictation is not available on this site right now.',
    })[problem],
  fieldWorks: 'You can type in the field as usual.',
  voiceDetector: (size) =>
    `It comes with a voice detector (${size}) that finds the pauses in what you say.`,
};

export function dictateStringsFor(
  locale: string,
  overrides?: Partial<DictateStrings>,
): DictateStrings {
  const base = locale === 'en' ? dictateStringsEn : dictateStringsSv;
  return overrides ? { ...base, ...overrides } : base;
}
