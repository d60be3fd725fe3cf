import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Personnummer from 'personnummer';
import { detectPersonalData, type PiiSpan } from '../src/index.js';
import { insertDash, withCheckDigit, withWrongCheckDigit } from './helpers.js';

const VALID_10 = withCheckDigit('900101', '001');
const VALID_12 = withCheckDigit('19900101', '001');
const COORDINATION = withCheckDigit('900161', '123');

function only(text: string, type: string): PiiSpan[] {
  return detectPersonalData(text).filter((span) => span.type === type);
}

function assertFinds(text: string, type: string, value: string, valid = true): PiiSpan {
  const found = detectPersonalData(text).find((span) => span.text === value);
  assert.ok(
    found,
    `expected ${type} "${value}" in ${JSON.stringify(text)}; got ${JSON.stringify(detectPersonalData(text))}`,
  );
  assert.equal(found.type, type);
  assert.equal(found.valid, valid);
  assert.equal(text.slice(found.start, found.end), value);
  return found;
}

function assertNothing(text: string, type?: string): void {
  const spans = detectPersonalData(text).filter((span) => !type || span.type === type);
  assert.deepEqual(spans, [], `expected no ${type ?? 'PII'} in ${JSON.stringify(text)}`);
}

describe('personnummer and samordningsnummer', () => {
  it('test numbers are valid according to the personnummer package', () => {
    assert.ok(
      Personnummer.valid(VALID_10) &&
        Personnummer.valid(VALID_12) &&
        Personnummer.valid(COORDINATION),
    );
  });

  for (const form of [
    insertDash(VALID_10),
    VALID_10,
    insertDash(VALID_12),
    VALID_12,
    `${VALID_10.slice(0, 6)}+${VALID_10.slice(6)}`,
  ]) {
    it(`finds ${form}`, () => {
      const span = assertFinds(`Sökandens personnummer är ${form}.`, 'personnummer', form);
      assert.ok(span.confidence >= 0.9);
    });
  }

  it('accepts a space before the last four digits when the number is valid', () => {
    const spaced = `${VALID_12.slice(0, 8)} ${VALID_12.slice(8)}`;
    assertFinds(`Nummer ${spaced} här`, 'personnummer', spaced);
    const wrong = withWrongCheckDigit('900101', '001');
    assertNothing(`Summa ${wrong.slice(0, 6)} ${wrong.slice(6)} kr`, 'personnummer');
  });

  it('finds samordningsnummer (day + 60)', () => {
    assertFinds(
      `Samordningsnummer: ${insertDash(COORDINATION)}`,
      'samordningsnummer',
      insertDash(COORDINATION),
    );
  });

  it('reports a wrong check digit as invalid with lower confidence', () => {
    const wrong = insertDash(withWrongCheckDigit('900101', '001'));
    const bad = assertFinds(`Nummer ${wrong} i texten`, 'personnummer', wrong, false);
    const good = assertFinds(
      `Nummer ${insertDash(VALID_10)} i texten`,
      'personnummer',
      insertDash(VALID_10),
    );
    assert.ok(bad.confidence < good.confidence);
  });

  it('reports an impossible date (30 February) as invalid', () => {
    const impossible = insertDash(withCheckDigit('900230', '001'));
    assertFinds(`pnr ${impossible}`, 'personnummer', impossible, false);
  });

  it('reports bare digits with a bad checksum only after a context word', () => {
    const bare = withWrongCheckDigit('900101', '001');
    assertNothing(`Ordernummer ${bare} skickas i dag.`, 'personnummer');
    assertFinds(`Personnummer ${bare}`, 'personnummer', bare, false);
  });

  it('context words raise confidence', () => {
    const form = insertDash(VALID_10);
    const plain = assertFinds(`Det gäller ${form} i ärendet.`, 'personnummer', form);
    const context = assertFinds(`Personnummer: ${form}`, 'personnummer', form);
    assert.ok(context.confidence > plain.confidence);
  });

  it('ignores amounts, years, case numbers and longer digit runs', () => {
    assertNothing('Beloppet är 1 234 567 kr för år 2024.');
    assertNothing('Ärendet har dnr 2023-012345 och diarienummer 3.1.2-2023/456.');
    assertNothing(`Referens 12${VALID_10} och 9${insertDash(VALID_10)}`, 'personnummer');
    assertNothing('Mätvärde 901301-1234 och 901232-1234', 'personnummer');
  });
});

describe('organisationsnummer', () => {
  it('finds valid numbers with and without dash and 16 prefix', () => {
    assertFinds('Org.nr 556016-0680', 'organisationsnummer', '556016-0680');
    assertFinds('Bolaget 5560160680 är registrerat', 'organisationsnummer', '5560160680');
    assertFinds('Organisationsnummer 16556016-0680', 'organisationsnummer', '16556016-0680');
  });

  it('reports a bad check digit only with context', () => {
    assertNothing('Nummer 556016-0681 finns', 'organisationsnummer');
    assertFinds('Org.nr: 556016-0681', 'organisationsnummer', '556016-0681', false);
  });
});

describe('phone', () => {
  for (const phone of [
    '070-123 45 67',
    '0701234567',
    '070 123 45 67',
    '08-123 456 78',
    '08-12 34 56',
    '031-12 34 56',
    '0771-56 78 90',
    '+46 70 123 45 67',
    '+46701234567',
    '+46 (0)8-123 456 78',
    '0046 70 123 45 67',
  ]) {
    it(`finds ${phone}`, () => {
      assertFinds(`Ring ${phone} i dag.`, 'phone', phone);
    });
  }

  it('takes a bracketed area code along', () => {
    assertFinds('Ring (08) 123 45 67 nu', 'phone', '(08) 123 45 67');
  });

  it('stops before a following number', () => {
    assertFinds('Tel 070-123 45 67 2024 var året', 'phone', '070-123 45 67');
  });

  it('ignores dates, amounts, postal codes and personnummer', () => {
    assertNothing('Mötet är 01-05-2024 och 2024-01-05.', 'phone');
    assertNothing('Summa 0,5 miljoner och 0 kr.', 'phone');
    assertNothing('Adress: 114 55 Stockholm och 411 06 Göteborg', 'phone');
    assertNothing(`Pnr ${insertDash(VALID_12)}`, 'phone');
  });
});

describe('email', () => {
  it('finds addresses with dots, plus and Swedish letters', () => {
    assertFinds(
      'Mejla anna.andersson+ansokan@example.se.',
      'email',
      'anna.andersson+ansokan@example.se',
    );
    assertFinds(
      'Skriv till info@kommunen.sundsvall.se, tack',
      'email',
      'info@kommunen.sundsvall.se',
    );
    assertFinds('e-post: åsa.öberg@företag.se', 'email', 'åsa.öberg@företag.se');
  });

  it('ignores handles and @ without domain', () => {
    assertNothing('Följ @klar och skriv a@b eller @@@', 'email');
  });
});

describe('addresses', () => {
  it('finds street addresses with letter and flat number', () => {
    assertFinds(
      'Hon bor på Storgatan 12 B, lgh 1102 sedan i fjol.',
      'street-address',
      'Storgatan 12 B, lgh 1102',
    );
    assertFinds('Adress: Kungsvägen 3', 'street-address', 'Kungsvägen 3');
    assertFinds(
      'Besök Drottning Kristinas väg 14 i dag',
      'street-address',
      'Drottning Kristinas väg 14',
    );
    assertFinds('Lilla Nygatan 5A', 'street-address', 'Lilla Nygatan 5A');
  });

  it('finds postnummer with ort', () => {
    assertFinds('Postadress: 114 55 Stockholm', 'postal-address', '114 55 Stockholm');
    assertFinds('SE-411 06 GÖTEBORG', 'postal-address', 'SE-411 06 GÖTEBORG');
    assertFinds('19460 Upplands Väsby', 'postal-address', '19460 Upplands Väsby');
  });

  it('ignores plans, headings and amounts that look similar', () => {
    assertNothing('Färdplan 2030 och vägen 5 framåt', 'street-address');
    assertNothing('Kostnaden blev 123 45 kr och 12345 Kronor', 'postal-address');
    assertNothing('Vi är 123 45 personer', 'postal-address');
  });
});

describe('bank and payment identifiers', () => {
  it('finds IBAN printed and electronic', () => {
    assertFinds('IBAN SE45 5000 0000 0583 9825 7466', 'iban', 'SE45 5000 0000 0583 9825 7466');
    assertFinds('Konto DE89370400440532013000 i Tyskland', 'iban', 'DE89370400440532013000');
  });

  it('reports a bad IBAN checksum only with context', () => {
    assertNothing('Kod SE46 5000 0000 0583 9825 7466 här', 'iban');
    assertFinds(
      'IBAN: SE46 5000 0000 0583 9825 7466',
      'iban',
      'SE46 5000 0000 0583 9825 7466',
      false,
    );
  });

  it('finds bankgiro and plusgiro after their name, Luhn decides validity', () => {
    assertFinds('Betala till bankgiro 5050-1055', 'bankgiro', '5050-1055');
    assertFinds('BG: 5050-1056', 'bankgiro', '5050-1056', false);
    assertFinds('Plusgiro 90 20 03-3', 'plusgiro', '90 20 03-3');
    assertFinds('PG 4711-2', 'plusgiro', '4711-2', false);
  });

  it('does not take case numbers or ranges for giro numbers', () => {
    assertNothing('Dnr 2023-1234 och 5050-1055 gäller', 'bankgiro');
    assertNothing('Sidorna 12-3 och 1234567-8', 'plusgiro');
  });

  it('finds bank accounts after a context word, validated by kontonummer', () => {
    assertFinds('Kontonummer 6000-123 456 789', 'bank-account', '6000-123 456 789');
    assertFinds('Lönekonto: 5000 1234560', 'bank-account', '5000 1234560');
    assertFinds('Konto 8327-9, 993 123 454', 'bank-account', '8327-9, 993 123 454');
    assertFinds('konto 5000 1234561', 'bank-account', '5000 1234561', false);
    assertNothing('Ärende 6000-123 456 789', 'bank-account');
  });
});

describe('vehicle registration and date of birth', () => {
  it('finds plates old and new style', () => {
    assertFinds('Bilen ABC 123 stod parkerad', 'vehicle-registration', 'ABC 123');
    assertFinds('Reg.nr XYZ12D', 'vehicle-registration', 'XYZ12D');
  });

  it('ignores currencies, law series and lower case', () => {
    assertNothing(
      'Det kostar SEK 100 och EUR 250 enligt SFS 2018:218 och abc 123',
      'vehicle-registration',
    );
    assertNothing('Plåten ABI 123 har I', 'vehicle-registration');
  });

  it('finds dates of birth only with a birth word', () => {
    assertFinds('Född 12 mars 1984 i Umeå', 'date-of-birth', '12 mars 1984');
    assertFinds('Födelsedatum: 1984-03-12', 'date-of-birth', '1984-03-12');
    assertFinds('f. 12/3 1984', 'date-of-birth', '12/3 1984');
    assertFinds('född 1984-02-30', 'date-of-birth', '1984-02-30', false);
    assertNothing('Beslutet fattades 2024-03-12 och 12 mars 2024.', 'date-of-birth');
  });
});

describe('mixed text', () => {
  it('finds every identifier of a form in order, without overlaps', () => {
    const text = `Namn: Anna. Personnummer ${insertDash(VALID_12)}, tel 070-123 45 67, e-post anna@example.se, Storgatan 1, 114 55 Stockholm.`;
    const spans = only(text, 'personnummer').concat(
      detectPersonalData(text).filter((s) => s.type !== 'personnummer'),
    );
    // The name after "Namn:" is found by the rule name recogniser: six in all.
    assert.equal(spans.length, 6);
    assert.equal(spans.find((s) => s.type === 'person-name')?.text, 'Anna');
    const sorted = detectPersonalData(text);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]!.start >= sorted[i - 1]!.end);
  });
});
