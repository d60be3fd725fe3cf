/**
 * Personal data as citizens really type and paste it: Word/PDF characters, lower case,
 * disguised e-mail, informal birth dates, samordningsnummer with unknown dates, interim numbers,
 * explicit context, inflected context words and typed placeholders.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectPersonalData, mask, type PiiSpan, Pseudonymizer } from '../src/index.js';
import { insertDash, withCheckDigit } from './helpers.js';

const PNR = insertDash(withCheckDigit('19850312', '123')); // 19850312-123x
const PNR_10 = withCheckDigit('850312', '123');

function find(text: string, value: string): PiiSpan | undefined {
  return detectPersonalData(text).find((span) => span.text === value);
}

function assertFinds(text: string, type: string, value: string, valid?: boolean): PiiSpan {
  const found = find(text, value);
  assert.ok(
    found,
    `expected ${type} ${JSON.stringify(value)} in ${JSON.stringify(text)}; got ${JSON.stringify(
      detectPersonalData(text).map((s) => [s.type, s.text]),
    )}`,
  );
  assert.equal(found.type, type, `type of ${value}`);
  if (valid !== undefined) assert.equal(found.valid, valid, `valid of ${value}`);
  assert.equal(text.slice(found.start, found.end), value, 'offsets are in the original text');
  return found;
}

function assertNone(text: string, type?: string): void {
  const spans = detectPersonalData(text).filter((span) => !type || span.type === type);
  assert.deepEqual(
    spans.map((s) => [s.type, s.text]),
    [],
    `expected no ${type ?? 'PII'} in ${JSON.stringify(text)}`,
  );
}

/** Replaces ASCII digits by full-width ones (what some phone keyboards and PDFs give). */
const fullWidth = (value: string) =>
  value.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('pasted from Word or PDF', () => {
  const dashes = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d'];
  const spaces = ['\u00a0', '\u202f', '\u2009', '\u2007', '\u3000'];

  it('finds a personnummer written with any Unicode dash', () => {
    for (const dash of dashes) {
      const value = PNR.replace('-', dash);
      assertFinds(`Mitt nummer är ${value}, tack.`, 'personnummer', value, true);
    }
  });

  it('finds phone numbers with no-break and thin spaces and typographic dashes', () => {
    for (const space of spaces) {
      const value = `070${dashes[3]}123${space}45${space}67`;
      assertFinds(`Du når mig på ${value} efter lunch.`, 'phone', value);
      const intl = `+46${space}70${space}123${space}45${space}67`;
      assertFinds(`Ring ${intl}.`, 'phone', intl);
    }
  });

  it('finds full-width digits (offsets stay in the original)', () => {
    const value = fullWidth(PNR).replace('-', '\uff0d');
    assertFinds(`pnr ${value}`, 'personnummer', value, true);
    const phone = fullWidth('08-123 456 78');
    assertFinds(`tel ${phone}`, 'phone', phone);
  });

  it('finds postcodes, organisationsnummer and IBAN with pasted spaces and dashes', () => {
    assertFinds(
      'Storgatan 1, 114\u00a055\u00a0Stockholm',
      'postal-address',
      '114\u00a055\u00a0Stockholm',
    );
    assertFinds('org.nr 556036\u20130793', 'organisationsnummer', '556036\u20130793', true);
    const iban = 'SE45\u00a05000\u00a00000\u00a00583\u00a09825\u00a07466';
    assertFinds(`IBAN ${iban}`, 'iban', iban, true);
  });

  it('masks pasted text and keeps the rest byte for byte', () => {
    const text = `Sökande:\u00a0Anna, pnr\u00a0${PNR.replace('-', '\u2013')}, tfn\u00a0070\u2011123\u00a045\u00a067.`;
    const masked = mask(text, { operator: 'pseudonymize' });
    assert.equal(
      masked.text,
      'Sökande:\u00a0[NAMN 1], pnr\u00a0[PERSONNUMMER 1], tfn\u00a0[TELEFONNUMMER 1].',
    );
    assert.equal(masked.restore(masked.text), text);
  });
});

describe('typed in lower case', () => {
  it('finds lower-case street and postal addresses', () => {
    assertFinds('jag bor på storgatan 12b i stan', 'street-address', 'storgatan 12b');
    assertFinds('adress: kungsvägen 3, 752 36 uppsala', 'street-address', 'kungsvägen 3');
    assertFinds('adress: kungsvägen 3, 752 36 uppsala', 'postal-address', '752 36 uppsala');
    assertFinds('skicka till lilla nygatan 5', 'street-address', 'nygatan 5');
    assertFinds('postadress 41106 göteborg', 'postal-address', '41106 göteborg');
  });

  it('does not take road numbers, amounts and counts for addresses', () => {
    assertNone('kör riksväg 40 och sedan länsväg 225 mot stan', 'street-address');
    assertNone('på vägen 3 gånger', 'street-address');
    assertNone('Det blev 12000 kronor och 15000 personer', 'postal-address');
    assertNone('mellan 100 00 och 200 00 kr', 'postal-address');
  });

  it('finds a lower-case IBAN when it passes its check', () => {
    assertFinds(
      'mitt konto se45 5000 0000 0583 9825 7466',
      'iban',
      'se45 5000 0000 0583 9825 7466',
      true,
    );
    // A word after the number is not swallowed, in either case.
    assertFinds(
      'iban se45 5000 0000 0583 9825 7466 till mig',
      'iban',
      'se45 5000 0000 0583 9825 7466',
      true,
    );
    assertFinds(
      'IBAN SE45 5000 0000 0583 9825 7466 enligt avtal',
      'iban',
      'SE45 5000 0000 0583 9825 7466',
      true,
    );
    assertNone('bank ok12 kort från mamma', 'iban');
  });

  it('finds plates with a dash or space, and lower-case plates near a vehicle word', () => {
    assertFinds('Bilen har ABC-123.', 'vehicle-registration', 'ABC-123');
    assertFinds('Bilen har ABC 12D.', 'vehicle-registration', 'ABC 12D');
    assertFinds('min bil abc 123 stod där', 'vehicle-registration', 'abc 123');
    assertFinds('regnr abc-12d', 'vehicle-registration', 'abc-12d');
    assertNone('Vi fick och 123 svar', 'vehicle-registration');
  });
});

describe('disguised e-mail addresses', () => {
  const cases = [
    ['Mejla anna punkt svensson at gmail dot com i dag', 'anna punkt svensson at gmail dot com'],
    ['Kontakt: anna[at]kommun.se', 'anna[at]kommun.se'],
    ['Skriv till anna (snabel-a) gmail.com', 'anna (snabel-a) gmail.com'],
    ['anna(at)kommun(punkt)se', 'anna(at)kommun(punkt)se'],
    ['e-post: anna.svensson snabel-a telia punkt se.', 'anna.svensson snabel-a telia punkt se'],
    ['mail anna.s@gmail dot com', 'anna.s@gmail dot com'],
    ['Reach me at john [at] example [dot] org', 'john [at] example [dot] org'],
  ] as const;
  for (const [text, value] of cases) {
    it(value, () => {
      assertFinds(text, 'email', value);
    });
  }

  it('leaves prose with "at" and "punkt" alone', () => {
    assertNone('We met at the office at nine. Look at home.', 'email');
    assertNone('Tryck på snabel-a på tangentbordet, punkt slut.', 'email');
    assertNone('Kom at 5 punkt 3 i listan.', 'email');
  });
});

describe('informal dates of birth', () => {
  const cases = [
    ['Jag är född 3 mars 1985 i Umeå.', '3 mars 1985'],
    ['Anna, f. 850303, bor här.', '850303'],
    ['Han är född -85.', '-85'],
    ["född '85", "'85"],
    ['Född 1985 i Luleå', '1985'],
    ['född den 3/3-85', '3/3-85'],
    ['född 19850303', '19850303'],
    ['föddes i mars 1985', 'mars 1985'],
    ['född den 3:e mars', '3:e mars'],
    ['Date of birth: 3 March 1985', '3 March 1985'],
  ] as const;
  for (const [text, value] of cases) {
    it(value, () => {
      assertFinds(text, 'date-of-birth', value, true);
    });
  }

  it('needs the birth word: a year or a six-digit number alone is not a birth date', () => {
    assertNone('Beslutet från 1985 gäller. Ärende 850303.', 'date-of-birth');
    assertNone('Lagen trädde i kraft 3 mars 1985.', 'date-of-birth');
  });
});

describe('samordningsnummer and interim numbers', () => {
  it('accepts unknown birth month (00) and day (60) as in Skatteverket test series', () => {
    const unknownDay = insertDash(withCheckDigit('19850360', '234'));
    const unknownBoth = insertDash(withCheckDigit('19850060', '238'));
    assertFinds(`Samordningsnummer ${unknownDay}`, 'samordningsnummer', unknownDay, true);
    assertFinds(`Nummer ${unknownBoth} gäller`, 'samordningsnummer', unknownBoth, true);
    const wrong = unknownBoth.slice(0, -1) + String((Number(unknownBoth.at(-1)) + 1) % 10);
    assertFinds(`Nummer ${wrong}`, 'samordningsnummer', wrong, false);
  });

  it('still rejects month 00 for an ordinary personnummer', () => {
    assertNone('Kod 850012-1234 i listan', 'personnummer');
  });

  it('finds interim numbers with a letter in the birth number', () => {
    // The letter counts as 1 in the Luhn check; 850101-T129 is valid.
    assertFinds('Reservnummer 850101-T129', 'personnummer', '850101-T129', true);
    assertFinds('Pat. 19850101-T123 inskriven', 'personnummer', '19850101-T123', false);
    assertNone('Artikel 850101T123', 'personnummer');
  });
});

describe('explicit context beats checksums and exclusion lists', () => {
  it('masks an impossible personnummer right after the word (flagged invalid)', () => {
    assertFinds('Personnummer: 851301-1234', 'personnummer', '851301-1234', false);
    assertFinds('mitt personnummer är 8513011234', 'personnummer', '8513011234', false);
    assertFinds('Personnumret 19851340 1234 stämmer', 'personnummer', '19851340 1234', false);
    assertFinds('samordningsnr 850199-1234', 'samordningsnummer', '850199-1234', false);
  });

  it('masks a plate that looks like a currency or law code after "registreringsnummer"', () => {
    assertFinds('Registreringsnummer: SEK 123', 'vehicle-registration', 'SEK 123', false);
    assertFinds('registreringsnumret är SFS 100', 'vehicle-registration', 'SFS 100', false);
    assertFinds('reg.nr iqv-123', 'vehicle-registration', 'iqv-123', false);
    assertNone('Det kostar SEK 123 enligt SFS 100', 'vehicle-registration');
  });

  it('drops invalid ones only when asked to (includeInvalid: false)', () => {
    const spans = detectPersonalData('Personnummer: 851301-1234', { includeInvalid: false });
    assert.deepEqual(spans, []);
  });
});

describe('context words as whole, inflected words', () => {
  it('"Ringvägen" is not the phone word "ring"; "ringer" and "ringde" are', () => {
    const bare = withCheckDigit('050101', '123'); // someone born 2005: starts with 0
    assert.equal(find(`Jag bor på Ringvägen 5, ${bare}`, bare)?.type, 'personnummer');
    assert.equal(find(`Hon ringde från ${bare} i går`, bare)?.type, 'phone');
    assert.equal(find(`Du ringer ${bare}`, bare)?.type, 'phone');
  });

  it('a bare personnummer of someone born 2000–2009 is not a phone number', () => {
    for (const date of ['000229', '050101', '091231']) {
      const bare = withCheckDigit(date, '234');
      assert.equal(find(`Uppgift: ${bare}.`, bare)?.type, 'personnummer', bare);
      assert.equal(find(`personnummer ${bare}`, bare)?.type, 'personnummer', bare);
    }
  });

  it('inflected context words count: "personnumret", "telefonen", "mejlade"', () => {
    const bare = withCheckDigit('850312', '124');
    const wrong = bare.slice(0, -1) + String((Number(bare.at(-1)) + 1) % 10);
    assertFinds(`Personnumret ${wrong} stämmer inte`, 'personnummer', wrong, false);
    const confidence = (text: string, value: string) => find(text, value)?.confidence ?? 0;
    assert.ok(
      confidence('Telefonen: 08-123 456 78', '08-123 456 78') >
        confidence('Telefonkatalog 08-123 456 78', '08-123 456 78'),
    );
  });
});

describe('typed placeholders are never restored to real data', () => {
  it('a placeholder typed in a later message does not restore to an earlier real value', () => {
    const pseudonymizer = new Pseudonymizer();
    const first = mask(`Mitt personnummer är ${PNR}.`, { operator: 'pseudonymize', pseudonymizer });
    assert.equal(first.text, 'Mitt personnummer är [PERSONNUMMER 1].');
    const typed = 'Vad betyder [PERSONNUMMER 1] och <personnummer_1> i mallen?';
    const second = mask(typed, { operator: 'pseudonymize', pseudonymizer });
    assert.ok(!second.text.includes('[PERSONNUMMER 1]'), second.text);
    // A model that echoes the second message gets back exactly what the citizen typed.
    assert.equal(pseudonymizer.restore(second.text), typed);
    assert.ok(!pseudonymizer.restore(second.text).includes(PNR));
    // The real value still restores where the model meant it.
    assert.equal(pseudonymizer.restore('[PERSONNUMMER 1]'), PNR);
  });

  it('a placeholder quoted in the same message stays as typed', () => {
    const text = `Mallen säger [TELEFONNUMMER 1], mitt är 070-123 45 67 och ${PNR_10}`;
    const result = mask(text, { operator: 'pseudonymize' });
    assert.equal(result.restore(result.text), text);
    assert.equal(result.restore('[TELEFONNUMMER 1]'), '[TELEFONNUMMER 1]');
  });
});
