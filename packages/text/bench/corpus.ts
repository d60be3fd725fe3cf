/**
 * A generated Swedish corpus for the benchmark: case-handling prose with every kind of
 * structured identifier, written the ways people write them, plus hard negatives (amounts,
 * years, case numbers). Deterministic (seeded), so runs are comparable.
 */
import Kontonummer from 'kontonummer';
import { luhnCheckDigit } from '../src/pii/luhn.js';
import { seededRandom } from '../src/random.js';

export interface Planted {
  readonly type: string;
  readonly value: string;
}

export interface CorpusLine {
  readonly text: string;
  readonly planted: Planted | undefined;
}

export function buildCorpus(lineCount: number, seed = 42): CorpusLine[] {
  const rand = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  const pad = (n: number) => String(n).padStart(2, '0');

  const pnr = (coordination: boolean): string => {
    const year = int(1930, 2015);
    const date = `${year}${pad(int(1, 12))}${pad(int(1, 28) + (coordination ? 60 : 0))}`;
    const serial = digits(3);
    const full = date + serial + luhnCheckDigit(date.slice(2) + serial);
    const short = full.slice(2);
    return pick([
      `${short.slice(0, 6)}-${short.slice(6)}`,
      `${full.slice(0, 8)}-${full.slice(8)}`,
      full,
      short,
    ]);
  };
  const orgnr = () => {
    const body = `${pick(['5', '8', '2', '7'])}${int(0, 9)}${int(2, 9)}${digits(6)}`;
    const value = body + luhnCheckDigit(body);
    return rand() < 0.7 ? `${value.slice(0, 6)}-${value.slice(6)}` : value;
  };
  const phone = () => {
    const mobile = `07${pick(['0', '2', '3', '6', '9'])}${digits(7)}`;
    const stockholm = `08${int(1, 9)}${digits(6)}`;
    const goteborg = `031${int(1, 9)}${digits(5)}`;
    const n = pick([mobile, mobile, stockholm, goteborg]);
    const area = n.startsWith('08') ? 2 : 3;
    const rest = n.slice(area);
    const grouped =
      rest.length === 7
        ? `${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`
        : `${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4)}`;
    return pick([
      `${n.slice(0, area)}-${grouped}`,
      n,
      `+46 ${n.slice(1, area)} ${grouped}`,
      `${n.slice(0, area)} ${grouped}`,
    ]);
  };
  const email = () =>
    `${pick(['anna', 'per', 'lisa', 'mohammed', 'eva.lind', 'k.nilsson'])}${int(1, 99)}@${pick(['example.se', 'kommun.se', 'post.nu', 'foretag.com'])}`;
  const postal = () =>
    `${int(1, 9)}${digits(2)} ${digits(2)} ${pick(['Stockholm', 'Göteborg', 'Malmö', 'Umeå', 'Upplands Väsby', 'Östersund'])}`;
  const street = () =>
    `${pick(['Storgatan', 'Kungsvägen', 'Drottninggatan', 'Björkvägen', 'Lilla Nygatan', 'Ringvägen'])} ${int(1, 120)}${pick(['', '', ' B', 'A'])}`;
  const iban = () => {
    const bban = `${pick(['500', '600', '800', '300'])}${digits(17)}`;
    const check = 98n - (BigInt(`${bban}281400`) % 97n);
    const value = `SE${String(check).padStart(2, '0')}${bban}`;
    return rand() < 0.6 ? value.replace(/(.{4})/g, '$1 ').trim() : value;
  };
  const bankgiro = () => {
    const body = digits(int(5, 6));
    const value = `${int(1, 9)}${body}`;
    const full = value + luhnCheckDigit(value);
    return `${full.slice(0, -4)}-${full.slice(-4)}`;
  };
  const plusgiro = () => {
    const body = `${int(1, 9)}${digits(int(3, 6))}`;
    return `${body}-${luhnCheckDigit(body)}`;
  };
  const account = () => {
    for (;;) {
      const body = `${int(1, 9)}${digits(7)}`;
      for (let d = 0; d <= 9; d++) {
        const number = body + d;
        if (Kontonummer.valid('6000', number)) {
          return `6000-${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
        }
      }
    }
  };
  const plate = () => {
    const letters = 'ABCDEFGHJKLMNOPRSTUWXYZ';
    const l = () => letters[int(0, letters.length - 1)]!;
    return `${l()}${l()}${l()}${pick([' ', ''])}${digits(2)}${rand() < 0.3 ? l() : int(0, 9)}`;
  };
  const birthday = () =>
    `${int(1, 28)} ${pick(['januari', 'mars', 'maj', 'augusti', 'oktober', 'december'])} ${int(1935, 2010)}`;

  const templates: Array<() => CorpusLine> = [
    () =>
      planted(
        'personnummer',
        pnr(false),
        (v) => `Sökanden har personnummer ${v} och ansökan kom in i tid.`,
      ),
    () =>
      planted(
        'personnummer',
        pnr(false),
        (v) => `Uppgifterna för ${v} har kontrollerats mot folkbokföringen.`,
      ),
    () =>
      planted(
        'samordningsnummer',
        pnr(true),
        (v) => `Hon har samordningsnummer ${v} sedan förra året.`,
      ),
    () =>
      planted(
        'organisationsnummer',
        orgnr(),
        (v) => `Arbetsgivaren med org.nr ${v} har lämnat intyg.`,
      ),
    () => planted('phone', phone(), (v) => `Du når handläggaren på tel ${v} vardagar.`),
    () => planted('phone', phone(), (v) => `Ring ${v} om du har frågor om beslutet.`),
    () => planted('email', email(), (v) => `Skicka kompletteringen till ${v} senast i morgon.`),
    () => planted('postal-address', postal(), (v) => `Postadress: Box 12, ${v}.`),
    () => planted('street-address', street(), (v) => `Den sökande bor på ${v} sedan 2019.`),
    () => planted('iban', iban(), (v) => `Utbetalning sker till IBAN ${v} enligt begäran.`),
    () =>
      planted(
        'bankgiro',
        bankgiro(),
        (v) => `Betala avgiften till bankgiro ${v} före förfallodagen.`,
      ),
    () => planted('plusgiro', plusgiro(), (v) => `Gåvor tas emot på plusgiro ${v} tack.`),
    () =>
      planted(
        'bank-account',
        account(),
        (v) => `Pengarna sätts in på kontonummer ${v} i Handelsbanken.`,
      ),
    () =>
      planted(
        'vehicle-registration',
        plate(),
        (v) => `Fordonet med registreringsnummer ${v} är avställt.`,
      ),
    () => planted('date-of-birth', birthday(), (v) => `Barnet är född ${v} och bor hos modern.`),
    () => plain(`Beloppet uppgår till ${int(1, 99)} ${digits(3)} kr för år ${int(2015, 2025)}.`),
    () =>
      plain(
        `Ärendet har dnr ${int(2019, 2025)}-${digits(5)} och avgörs enligt 4 kap. 2 § socialförsäkringsbalken.`,
      ),
    () =>
      plain(
        'Försäkringskassan fattar beslut om bostadsbidrag t.ex. när inkomsten ändras, bl.a. vid ny anställning.',
      ),
    () => plain(`Mötet hålls kl. ${int(8, 16)} den ${int(1, 28)} maj i sal ${int(100, 999)}.`),
  ];

  function planted(type: string, value: string, write: (value: string) => string): CorpusLine {
    return { text: write(value), planted: { type, value } };
  }
  function plain(text: string): CorpusLine {
    return { text, planted: undefined };
  }

  return Array.from({ length: lineCount }, () => pick(templates)());
}
