/**
 * Personal data as citizens type and paste it, by class (issue 11): pasted from Word/PDF,
 * lower case, disguised e-mail, informal birth dates, samordningsnummer with unknown dates and
 * interim numbers, explicit context that beats checks, inflected context words and 2000s
 * personnummer, and names. Each line plants one value; deterministic (seeded).
 *
 * The name pool deliberately mixes names on the recogniser's lists with names that are not
 * (Öztürk, Nguyen, Jovana …), so recall on names says something about names we did not list.
 */
import { luhnCheckDigit } from '../src/pii/luhn.js';
import { seededRandom } from '../src/random.js';

export type TypingClass =
  | 'pasted from Word/PDF'
  | 'lower case'
  | 'disguised e-mail'
  | 'informal birth date'
  | 'unknown date / interim'
  | 'explicit context'
  | 'inflected context, 2000s pnr'
  | 'names';

export interface ClassLine {
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly typingClass: TypingClass;
}

export function buildRealTypingCorpus(perClass: number, seed = 7): ClassLine[] {
  const rand = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  const pad = (n: number) => String(n).padStart(2, '0');
  const fullWidth = (value: string) =>
    value.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const DASHES = ['\u2010', '\u2011', '\u2013', '\u2014', '\u2212'];
  const SPACES = ['\u00a0', '\u202f', '\u2009'];

  /** A valid personnummer body (10 digits) for a date; day + 60 for samordningsnummer. */
  const idDigits = (year: number, month: number, day: number) => {
    const date = `${pad(year % 100)}${pad(month)}${pad(day)}`;
    const serial = digits(3);
    return date + serial + luhnCheckDigit(date + serial);
  };
  const pnr10 = () => idDigits(int(1930, 2015), int(1, 12), int(1, 28));
  const withCentury = (ten: string) => `${ten.startsWith('0') ? '20' : '19'}${ten}`;
  const dashed = (id: string, dash = '-') => `${id.slice(0, -4)}${dash}${id.slice(-4)}`;
  const mobile = () => `07${pick(['0', '2', '3', '6'])}${digits(7)}`;
  const grouped = (n: string, space: string, dash: string) =>
    `${n.slice(0, 3)}${dash}${n.slice(3, 6)}${space}${n.slice(6, 8)}${space}${n.slice(8)}`;
  const iban = () => {
    const bban = `${pick(['500', '600', '800'])}${digits(17)}`;
    const check = 98n - (BigInt(`${bban}281400`) % 97n);
    return `SE${String(check).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
  };
  const PLATE_LETTERS = 'ABCDEFGHJKLMNOPRSTUWXYZ';
  const plateLetters = () =>
    Array.from({ length: 3 }, () => PLATE_LETTERS[int(0, PLATE_LETTERS.length - 1)]!).join('');
  const TOWNS = ['stockholm', 'göteborg', 'malmö', 'umeå', 'östersund', 'luleå', 'visby', 'ystad'];
  const STREETS = [
    'storgatan',
    'kungsvägen',
    'björkvägen',
    'drottninggatan',
    'skolgatan',
    'ekgränd',
  ];
  const FIRST = [
    'Anna',
    'Erik',
    'Maria',
    'Mohammed',
    'Lars',
    'Elin',
    'Meryem',
    'Jovana',
    'Tuva',
    'Kasper',
    'Aziz',
    'Linnéa',
  ];
  const LAST = [
    'Svensson',
    'Lindqvist',
    'Nyström',
    'Berg',
    'Öztürk',
    'Nguyen',
    'Kowalski',
    'Hedlund',
    'Ali',
    'Sjödin',
    'Petrović',
    'Ekholm',
  ];
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;

  const generators: Record<TypingClass, Array<() => Omit<ClassLine, 'typingClass'>>> = {
    'pasted from Word/PDF': [
      () =>
        line(
          'personnummer',
          dashed(withCentury(pnr10()), pick(DASHES)),
          (v) => `Sökande: ${v}, se bilaga.`,
        ),
      () =>
        line(
          'phone',
          grouped(mobile(), pick(SPACES), pick(DASHES)),
          (v) => `Du når mig på ${v} dagtid.`,
        ),
      () => line('personnummer', fullWidth(dashed(pnr10(), '\uff0d')), (v) => `pnr ${v}`),
      () =>
        line(
          'postal-address',
          `${int(1, 9)}${digits(2)}${pick(SPACES)}${digits(2)}${pick(SPACES)}Stockholm`,
          (v) => `Box 12, ${v}`,
        ),
      () => line('iban', iban().replace(/ /g, pick(SPACES)), (v) => `Betala till IBAN ${v}.`),
      () =>
        line(
          'phone',
          `+46${pick(SPACES)}${mobile().slice(1, 3)}${pick(SPACES)}${digits(3)}${pick(SPACES)}${digits(2)}${pick(SPACES)}${digits(2)}`,
          (v) => `Tel.${'\u00a0'}${v}`,
        ),
    ],
    'lower case': [
      () =>
        line(
          'street-address',
          `${pick(STREETS)} ${int(1, 90)}`,
          (v) => `jag bor på ${v} sen i våras`,
        ),
      () =>
        line(
          'postal-address',
          `${int(1, 9)}${digits(2)} ${digits(2)} ${pick(TOWNS)}`,
          (v) => `skicka till box 3, ${v}`,
        ),
      () => line('iban', iban().toLowerCase(), (v) => `mitt konto är ${v}`),
      () =>
        line(
          'vehicle-registration',
          `${plateLetters().toLowerCase()} ${digits(3)}`,
          (v) => `min bil ${v} blev påkörd`,
        ),
      () =>
        line(
          'vehicle-registration',
          `${plateLetters()}-${digits(2)}${int(0, 9)}`,
          (v) => `Olyckan gällde ${v} i går.`,
        ),
    ],
    'disguised e-mail': [
      () =>
        line(
          'email',
          `${pick(['anna', 'erik', 'lisa'])} punkt ${pick(['svensson', 'berg'])} at ${pick(['gmail', 'hotmail', 'telia'])} dot ${pick(['com', 'se'])}`,
          (v) => `mejla mig på ${v} tack`,
        ),
      () =>
        line(
          'email',
          `${pick(['anna', 'erik.berg', 'k_nilsson'])}[at]${pick(['kommun', 'example', 'post'])}.${pick(['se', 'nu'])}`,
          (v) => `Kontakt: ${v}`,
        ),
      () =>
        line(
          'email',
          `${pick(['anna', 'per'])} (snabel-a) ${pick(['gmail', 'outlook'])}.com`,
          (v) => `Skriv till ${v} så svarar jag.`,
        ),
      () =>
        line(
          'email',
          `${pick(['lisa', 'omar'])}(at)${pick(['bolaget', 'skolan'])}(punkt)se`,
          (v) => `e-post ${v}`,
        ),
    ],
    'informal birth date': [
      () =>
        line(
          'date-of-birth',
          `${int(1, 28)} ${pick(['mars', 'maj', 'oktober', 'jan.'])} ${int(1940, 2010)}`,
          (v) => `Jag är född ${v} i Umeå.`,
        ),
      () =>
        line(
          'date-of-birth',
          `${pad(int(40, 99))}${pad(int(1, 12))}${pad(int(1, 28))}`,
          (v) => `Anna, f. ${v}, bor här.`,
        ),
      () =>
        line('date-of-birth', `-${pad(int(40, 99))}`, (v) => `Han är född ${v} och bor i stan.`),
      () =>
        line(
          'date-of-birth',
          `${int(1, 28)}/${int(1, 12)}-${pad(int(40, 99))}`,
          (v) => `född den ${v}`,
        ),
      () => line('date-of-birth', String(int(1935, 2012)), (v) => `Född ${v} i Luleå.`),
    ],
    'unknown date / interim': [
      () => {
        const ten = idDigits(int(1950, 2010), 0, 60);
        return line(
          'samordningsnummer',
          dashed(withCentury(ten)),
          (v) => `Samordningsnummer ${v} gäller.`,
        );
      },
      () => {
        const ten = idDigits(int(1950, 2010), int(1, 12), 60);
        return line('samordningsnummer', dashed(ten), (v) => `Nummer ${v} enligt Skatteverket.`);
      },
      () => {
        const date = `${pad(int(40, 99))}${pad(int(1, 12))}${pad(int(1, 28))}`;
        const letter = pick(['T', 'R', 'S', 'U', 'W', 'X']);
        const rest = digits(2);
        const value = `${date}-${letter}${rest}${luhnCheckDigit(`${date}1${rest}`)}`;
        return line('personnummer', value, (v) => `Reservnummer ${v} i journalen.`);
      },
    ],
    'explicit context': [
      () =>
        line(
          'personnummer',
          `${pad(int(40, 99))}${pad(int(13, 19))}${pad(int(1, 28))}-${digits(4)}`,
          (v) => `Personnummer: ${v}`,
        ),
      () =>
        line(
          'personnummer',
          `${pad(int(40, 99))}${pad(int(1, 12))}${pad(int(1, 28))}${digits(4)}`,
          (v) => `mitt personnummer är ${v}`,
        ),
      () =>
        line(
          'vehicle-registration',
          `${pick(['SEK', 'SFS', 'EUR', 'USD', 'LSS'])} ${digits(3)}`,
          (v) => `Registreringsnummer: ${v}`,
        ),
      () =>
        line(
          'vehicle-registration',
          `${pick(['IQV', 'ÅÄÖ', 'VIQ'])}-${digits(3)}`,
          (v) => `registreringsnumret är ${v}`,
        ),
    ],
    'inflected context, 2000s pnr': [
      () =>
        line(
          'personnummer',
          idDigits(int(2000, 2009), int(1, 12), int(1, 28)),
          (v) => `Uppgift från eleven: ${v}.`,
        ),
      () =>
        line(
          'phone',
          `${mobile().slice(0, 3)}-${digits(3)} ${digits(2)} ${digits(2)}`,
          (v) => `Jag bor på Ringvägen 5 och ringer från ${v}.`,
        ),
      () => line('phone', mobile(), (v) => `Hon ringde från ${v} i går.`),
    ],
    names: [
      () => line('person-name', name(), (v) => `Hej, jag heter ${v} och vill ansöka.`),
      () => line('person-name', name(), (v) => `Kontaktperson: ${v}`),
      () => line('person-name', name(), (v) => `Mötet leddes av ${v} från enheten.`),
      () => line('person-name', name(), (v) => `Med vänliga hälsningar\n${v}`),
    ],
  };

  function line(type: string, value: string, write: (value: string) => string) {
    return { text: write(value), type, value };
  }

  return Object.entries(generators).flatMap(([typingClass, list]) =>
    Array.from({ length: perClass }, () => ({
      ...pick(list)(),
      typingClass: typingClass as TypingClass,
    })),
  );
}
