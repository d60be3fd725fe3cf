import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isKlarTextError } from '../src/errors.js';
import { parseNumber } from '../src/facts/amounts.js';
import { extractKeyFacts } from '../src/facts/key-facts.js';
import type { KeyFact, KeyFactKind } from '../src/facts/types.js';
import { segmentSentences } from '../src/segment/sentences.js';
import { LETTERS } from './summary-letters.js';

const texts = (facts: readonly KeyFact[], kind: KeyFactKind) =>
  facts.filter((fact) => fact.kind === kind).map((fact) => fact.text);

function factsOf(name: string): KeyFact[] {
  const letter = LETTERS.find((l) => l.name === name);
  assert.ok(letter, name);
  return extractKeyFacts(letter.text);
}

describe('extractKeyFacts on whole letters', () => {
  it('Försäkringskassan (sv): decision, amounts, period, deadlines, case number, contacts, duties', () => {
    const facts = factsOf('Försäkringskassan bostadsbidrag');
    assert.deepEqual(texts(facts, 'case-number'), ['123-456789-2026']);
    assert.deepEqual(texts(facts, 'amount'), ['2 150 kronor per månad']);
    assert.deepEqual(texts(facts, 'period'), ['perioden 1 mars–31 augusti 2026']);
    assert.deepEqual(texts(facts, 'deadline'), [
      'inom 14 dagar',
      'inom två månader från den dag du fick del av beslutet',
    ]);
    assert.deepEqual(texts(facts, 'contact'), [
      'Försäkringskassans kundcenter',
      '0771-524 524',
      'Erik Lindqvist',
    ]);
    const duties = texts(facts, 'obligation');
    assert.ok(duties.some((d) => d.startsWith('Du måste anmäla ändringar')));
    assert.ok(duties.some((d) => /ska du anmäla det till Försäkringskassan inom 14 dagar/.test(d)));
    assert.ok(!duties.some((d) => /^Pengarna betalas ut/.test(d)), 'a plain statement is no duty');
    assert.equal(facts.find((f) => f.text === '12 februari 2026')?.isoDate, '2026-02-12');
  });

  it('CSN (sv): several amounts with values, a deadline date, unit, phone and e-mail', () => {
    const facts = factsOf('CSN återkrav');
    assert.deepEqual(
      facts.filter((f) => f.kind === 'amount').map((f) => f.amount?.value),
      [18430, 6820, 11610],
    );
    assert.deepEqual(texts(facts, 'case-number'), ['2026/04711']);
    assert.ok(texts(facts, 'deadline').includes('senast den 30 april 2026'));
    assert.ok(texts(facts, 'period').includes('perioden 25 augusti 2025–18 januari 2026'));
    assert.deepEqual(
      facts.filter((f) => f.kind === 'contact').map((f) => [f.contact, f.text]),
      [
        ['unit', 'Enheten för återkrav'],
        ['phone', '0771-276 000'],
        ['email', 'aterkrav@csn.example.se'],
      ],
    );
    // A bankgiro number is not a phone number.
    assert.ok(!texts(facts, 'contact').includes('5065-2301'));
  });

  it('municipality (sv): case number with a prefix, named case worker', () => {
    const facts = factsOf('Kommun ekonomiskt bistånd');
    assert.deepEqual(texts(facts, 'case-number'), ['SN 2026/318']);
    assert.ok(
      facts.some(
        (f) => f.kind === 'contact' && f.contact === 'person' && f.text === 'Maria Nilsson',
      ),
    );
    assert.ok(texts(facts, 'deadline').includes('senast den 15 april 2026'));
  });

  it('föräldrapenning (sv): ISO period and per-day amount', () => {
    const facts = factsOf('Försäkringskassan föräldrapenning');
    assert.deepEqual(texts(facts, 'period'), ['2026-03-01–2026-05-31']);
    assert.ok(texts(facts, 'amount').includes('986 kronor per dag'));
  });

  it('English letters: SEK amounts, "no later than", "within", reference, unit', () => {
    const student = factsOf('CSN repayment');
    assert.deepEqual(texts(student, 'case-number'), ['2026/04711']);
    assert.deepEqual(texts(student, 'amount'), ['SEK 18,430']);
    assert.equal(student.find((f) => f.kind === 'amount')?.amount?.value, 18430);
    assert.deepEqual(texts(student, 'deadline'), [
      'no later than 30 April 2026',
      'within three weeks of the date you received the decision',
    ]);
    assert.ok(texts(student, 'contact').includes('Repayment Unit'));
    const housing = factsOf('Social Insurance housing allowance');
    assert.ok(texts(housing, 'period').includes('1 March to 31 August 2026'));
    assert.ok(texts(housing, 'amount').includes('SEK 2,150 per month'));
    assert.ok(texts(housing, 'contact').includes('+46 771 524 524'));
    const tax = factsOf('Tax Agency final tax');
    assert.ok(texts(tax, 'deadline').includes('by 12 November 2026'));
    assert.ok(
      texts(tax, 'obligation').some((d) => d.startsWith('You have to pay the residual tax')),
    );
    const social = factsOf('Municipality financial assistance');
    assert.ok(texts(social, 'contact').includes('Maria Nilsson'));
    assert.ok(texts(social, 'obligation').some((d) => d.startsWith('You need to submit')));
  });

  it('every letter yields every kind a decision letter usually has', () => {
    for (const letter of LETTERS) {
      const kinds = new Set(extractKeyFacts(letter.text).map((f) => f.kind));
      for (const kind of ['amount', 'deadline', 'obligation', 'contact'] as const)
        assert.ok(kinds.has(kind), `${letter.name}: no ${kind}`);
    }
  });
});

describe('extractKeyFacts on single sentences', () => {
  const cases: Array<[string, KeyFactKind, string]> = [
    ['Du får 1 500 kronor.', 'amount', '1 500 kronor'],
    ['Hyran är 12 300 kr/mån.', 'amount', '12 300 kr/mån'],
    ['Avgiften är 450:- per tillfälle.', 'amount', '450:-'],
    ['The fee is €45.50 per visit.', 'amount', '€45.50'],
    ['Ni får 2.400 kr i stöd.', 'amount', '2.400 kr'],
    ['Beslutet gäller från 2026-03-01.', 'date', '2026-03-01'],
    ['Vi tog emot ansökan den 3:e maj 2026.', 'date', '3:e maj 2026'],
    ['We received it on March 3, 2026.', 'date', 'March 3, 2026'],
    ['Stödet gäller 1–15 mars 2026.', 'period', '1–15 mars 2026'],
    [
      'Du får stöd från och med den 1 mars 2026 till och med den 31 augusti 2026.',
      'period',
      'från och med den 1 mars 2026 till och med den 31 augusti 2026',
    ],
    ['It applies between 1 March and 31 May 2026.', 'period', 'between 1 March and 31 May 2026'],
    ['Du kan överklaga inom två månader.', 'deadline', 'inom två månader'],
    ['Svara senast den 15 april.', 'deadline', 'senast den 15 april'],
    [
      'Sista dagen att betala är den 30 april 2026.',
      'deadline',
      'Sista dagen att betala är den 30 april 2026',
    ],
    ['Please reply within three weeks.', 'deadline', 'within three weeks'],
    ['Skicka in intyget inom 10 arbetsdagar.', 'deadline', 'inom 10 arbetsdagar'],
    ['Dnr 2026/1234', 'case-number', '2026/1234'],
    ['Diarienummer: KS 2026/0456', 'case-number', 'KS 2026/0456'],
    ['Ärendenummer 12-3456789.', 'case-number', '12-3456789'],
    ['Our reference: ABC-123/26', 'case-number', 'ABC-123/26'],
    ['Ring oss på 08-123 45 67 om du har frågor.', 'contact', '08-123 45 67'],
    ['Mejla kundtjanst@example.se.', 'contact', 'kundtjanst@example.se'],
    ['Handläggare: Sara Ek', 'contact', 'Sara Ek'],
    ['Case officer: John Smith', 'contact', 'John Smith'],
    ['Kontakta Servicecenter om du har frågor.', 'contact', 'Servicecenter'],
    ['Stödet gäller under perioden januari–juni 2026.', 'period', 'januari–juni 2026'],
    ['fr.o.m. 2026-01-01 t.o.m. 2026-06-30', 'period', 'fr.o.m. 2026-01-01 t.o.m. 2026-06-30'],
    [
      'It runs from 1 April 2026 up to and including 30 September 2026.',
      'period',
      'from 1 April 2026 up to and including 30 September 2026',
    ],
    ['Du måste svara senast måndagen den 15 april.', 'deadline', 'senast måndagen den 15 april'],
    ['Förfallodag: 2026-04-30', 'deadline', 'Förfallodag: 2026-04-30'],
    ['Deadline: 30 April 2026', 'deadline', 'Deadline: 30 April 2026'],
    ['Payment is due on 30 April 2026.', 'deadline', 'due on 30 April 2026'],
    [
      'Betala senast 30 dagar efter att du fick fakturan.',
      'deadline',
      'senast 30 dagar efter att du fick fakturan',
    ],
    [
      'It must reach us within two months of the day on\nwhich you were notified.',
      'deadline',
      'within two months of the day on\nwhich you were notified',
    ],
    ['Ert ärendenummer är 2026-0042.', 'case-number', '2026-0042'],
    ['Dnr. KS 2026/44', 'case-number', 'KS 2026/44'],
    ['Case no. 2026/318', 'case-number', '2026/318'],
    ['Kontaktperson: Anna-Karin Ek', 'contact', 'Anna-Karin Ek'],
    ['Med vänliga hälsningar\nAnna-Karin Ek\nHandläggare', 'contact', 'Anna-Karin Ek'],
  ];
  for (const [text, kind, expected] of cases) {
    it(`${kind}: "${expected}" in "${text}"`, () => {
      const found = extractKeyFacts(text).filter((f) => f.kind === kind);
      assert.deepEqual(
        found.map((f) => f.text),
        [expected],
        JSON.stringify(extractKeyFacts(text).map((f) => [f.kind, f.text])),
      );
    });
  }

  it('obligations: duties of the reader, not statements', () => {
    const duty = [
      'Du måste skicka in intyget.',
      'Du ska lämna en ny ansökan.',
      'Du är skyldig att betala tillbaka beloppet.',
      'Skicka in blanketten till oss.',
      'Kom ihåg att anmäla flytten.',
      'Du ansvarar för att uppgifterna stämmer.',
      'Ni måste skicka in kvitton.',
      'You must report any change.',
      'You need to send us the form.',
      'Please return the form.',
      'The appeal must reach us in time.',
    ];
    const statement = [
      'Beslutet gäller från den 1 mars.',
      'Pengarna betalas ut den 25 varje månad.',
      'Beslutet ska gälla tills vidare.',
      'The money is paid every month.',
    ];
    for (const text of duty)
      assert.equal(texts(extractKeyFacts(text), 'obligation').length, 1, text);
    for (const text of statement)
      assert.equal(texts(extractKeyFacts(text), 'obligation').length, 0, text);
  });

  it('does not take years, laws, case numbers or dates for amounts or phones', () => {
    const text =
      'Enligt 4 kap. 1 § socialtjänstlagen från 2001 gäller beslutet från 2026-03-01. Dnr 2026/1234. Det gäller 30 högskolepoäng.';
    const facts = extractKeyFacts(text);
    assert.deepEqual(texts(facts, 'amount'), []);
    assert.deepEqual(texts(facts, 'contact'), []);
    assert.deepEqual(texts(facts, 'date'), ['2026-03-01']);
    assert.deepEqual(texts(facts, 'case-number'), ['2026/1234']);
  });

  it('drops an impossible ISO day but keeps the date text', () => {
    const [fact] = extractKeyFacts('Beslut den 31 februari 2026.').filter((f) => f.kind === 'date');
    assert.equal(fact?.text, '31 februari 2026');
    assert.equal(fact?.isoDate, undefined);
  });

  it('filters by kind and rejects unknown options with a typed error', () => {
    const letter = LETTERS[0]!.text;
    assert.ok(extractKeyFacts(letter, { kinds: ['amount'] }).every((f) => f.kind === 'amount'));
    assert.throws(
      () => extractKeyFacts(letter, { kinds: ['weather' as KeyFactKind] }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
    assert.throws(
      () => extractKeyFacts(letter, { locale: 'fi' as 'sv' }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
    assert.throws(
      () => extractKeyFacts(42 as unknown as string),
      (e) => isKlarTextError(e, 'invalid-input'),
    );
  });

  it('reads numbers as written in Swedish and English', () => {
    assert.equal(parseNumber('1 500'), 1500);
    assert.equal(parseNumber('1.500'), 1500);
    assert.equal(parseNumber('1,500'), 1500);
    assert.equal(parseNumber('45,50'), 45.5);
    assert.equal(parseNumber('45.50'), 45.5);
    assert.equal(parseNumber('410 000'), 410000);
  });
});

describe('extractKeyFacts on hostile input', () => {
  // No time limit here (speed lives in the benchmark); a regex that backtracked badly would
  // never finish these 50 KB runs of the patterns' own building blocks.
  const runs = [
    '1',
    ' 1',
    '0 ',
    'a@',
    'inom ',
    'Dnr ',
    '1 mars–',
    'Handläggare: ',
    '-',
    'Anna Svensson\n',
    '€1 ',
    'senast den ',
    'Kontakta Enheten för ',
  ];
  for (const run of runs) {
    it(`50 KB of ${JSON.stringify(run)}`, () => {
      const text = run.repeat(Math.ceil(50_000 / run.length));
      for (const fact of extractKeyFacts(text))
        assert.equal(text.slice(fact.start, fact.end), fact.text);
    });
  }
});

describe('extractKeyFacts properties', () => {
  const pieces = [
    ...LETTERS.flatMap((letter) => segmentSentences(letter.text).map((s) => s.text)),
    '1 500 kronor',
    'senast den 15 april',
    'Dnr 2026/1',
    '08-123 45 67',
    'a@b.se',
    '€',
    ':-',
    '–',
  ];
  const textArbitrary = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.string({ maxLength: 30 }),
        fc.string({ unit: 'grapheme', maxLength: 10 }),
      ),
      {
        maxLength: 25,
      },
    )
    .chain((parts) =>
      fc
        .array(fc.constantFrom(' ', '\n', '\n\n', '', ', '), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
    );

  it('every fact is the slice of the input at its offsets, inside its sentence, in order', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const facts = extractKeyFacts(text);
        let previous = -1;
        for (const fact of facts) {
          if (!(fact.start >= 0 && fact.start < fact.end && fact.end <= text.length)) return false;
          if (text.slice(fact.start, fact.end) !== fact.text) return false;
          if (text.slice(fact.sentence.start, fact.sentence.end) !== fact.sentence.text)
            return false;
          if (fact.start < fact.sentence.start || fact.start >= fact.sentence.end) return false;
          if (fact.kind === 'obligation' && fact.text !== fact.sentence.text) return false;
          if (fact.start < previous) return false;
          previous = fact.start;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('an amount planted anywhere is found with its value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.constantFrom('kr', 'kronor', 'SEK'),
        fc.constantFrom('Du får ', 'Beloppet är ', 'You receive '),
        (value, unit, lead) => {
          const written = value.toLocaleString('sv-SE').replace(/\u00a0/g, ' ');
          const text = `${lead}${written} ${unit} i månaden.`;
          const amounts = extractKeyFacts(text).filter((f) => f.kind === 'amount');
          return amounts.length === 1 && amounts[0]!.amount?.value === value;
        },
      ),
      { numRuns: 200 },
    );
  });
});
