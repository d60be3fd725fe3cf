import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKlarTextError, segmentSentences, segmentWords } from '../src/index.js';

const sentences = (text: string) => segmentSentences(text).map((span) => span.text);

describe('segmentSentences', () => {
  const abbreviationCases: Array<[string, string]> = [
    ['t.ex.', 'Du kan t.ex. Ringa oss. Nästa mening.'],
    ['bl.a.', 'Vi granskar bl.a. Försäkringskassans beslut. Nästa mening.'],
    ['m.m.', 'Ta med pass, körkort m.m. till mötet. Nästa mening.'],
    ['s.k.', 'Det är ett s.k. Särskilt beslut. Nästa mening.'],
    ['o.s.v.', 'Mat, kläder o.s.v. ingår i normen. Nästa mening.'],
    ['fr.o.m.', 'Gäller fr.o.m. 1 januari 2025. Nästa mening.'],
    ['kap.', 'Enligt 16 kap. 3 § Socialförsäkringsbalken gäller detta. Nästa mening.'],
    ['§', 'Enligt 4 § Förvaltningslagen ska du få svar. Nästa mening.'],
    ['dnr', 'Ange dnr. 2023-1234 i ditt svar. Nästa mening.'],
    ['nr', 'Skicka till box nr. 12 i Sundsvall. Nästa mening.'],
    ['tel.', 'Ring tel. 08-123 45 67 under dagtid. Nästa mening.'],
    ['p.g.a.', 'Beslutet ändrades p.g.a. Nya uppgifter. Nästa mening.'],
    ['kl.', 'Vi öppnar kl. 9 varje dag. Nästa mening.'],
  ];
  for (const [abbreviation, text] of abbreviationCases) {
    it(`does not split after "${abbreviation}"`, () => {
      const result = sentences(text);
      assert.equal(result.length, 2, JSON.stringify(result));
      assert.equal(result[1], 'Nästa mening.');
      assert.ok(result[0]!.includes(abbreviation));
    });
  }

  it('splits after m.m. and o.s.v. when they end a sentence', () => {
    assert.deepEqual(sentences('Vi säljer frukt m.m. Affären öppnar i dag.'), [
      'Vi säljer frukt m.m.',
      'Affären öppnar i dag.',
    ]);
    assert.equal(sentences('Pennor, papper o.s.v. Allt finns här.').length, 2);
  });

  it('a paragraph sign does not glue sentences together', () => {
    assert.deepEqual(sentences('Det framgår av 5 §. Nästa mening.'), [
      'Det framgår av 5 §.',
      'Nästa mening.',
    ]);
  });

  it('keeps numbers with spaces and decimal commas and dates inside one sentence', () => {
    assert.deepEqual(
      sentences('Du får 1 234,50 kr den 2024-01-05. Beloppet är 3.5 procent högre.'),
      ['Du får 1 234,50 kr den 2024-01-05.', 'Beloppet är 3.5 procent högre.'],
    );
  });

  it('treats headings and list items without full stops as sentences', () => {
    const text =
      'Så ansöker du\nDu ansöker på webben.\n- Fyll i blanketten\n- Skicka in den\n1. Logga in\n2. Välj tjänst';
    assert.deepEqual(sentences(text), [
      'Så ansöker du',
      'Du ansöker på webben.',
      '- Fyll i blanketten',
      '- Skicka in den',
      '1. Logga in',
      '2. Välj tjänst',
    ]);
  });

  it('joins hard-wrapped lines of one sentence', () => {
    assert.deepEqual(sentences('Detta är en mening som\nfortsätter på nästa rad. Klart.'), [
      'Detta är en mening som\nfortsätter på nästa rad.',
      'Klart.',
    ]);
  });

  it('keeps initials with the name', () => {
    assert.deepEqual(sentences('Handläggare är J. Svensson på enheten. Hon svarar.'), [
      'Handläggare är J. Svensson på enheten.',
      'Hon svarar.',
    ]);
  });

  it('returns spans that slice back to their text, trimmed', () => {
    const text = '  Hej där!  Vad bra?\n\nJa. ';
    for (const span of segmentSentences(text)) {
      assert.equal(text.slice(span.start, span.end), span.text);
      assert.equal(span.text, span.text.trim());
    }
    assert.deepEqual(sentences(text), ['Hej där!', 'Vad bra?', 'Ja.']);
    assert.deepEqual(segmentSentences(''), []);
    assert.deepEqual(segmentSentences(' \n\t '), []);
  });

  it('rejects non-string input with a typed error', () => {
    assert.throws(
      () => segmentSentences(42 as unknown as string),
      (error) => isKlarTextError(error, 'invalid-input'),
    );
  });
});

describe('segmentWords', () => {
  const words = (text: string) => segmentWords(text).map((span) => span.text);

  it('keeps abbreviations, compounds, numbers and dates whole', () => {
    assert.deepEqual(words('Se t.ex. e-post och EU-medborgare.'), [
      'Se',
      't.ex.',
      'e-post',
      'och',
      'EU-medborgare',
    ]);
    assert.deepEqual(words('Det kostar 1 234 567,50 kr.'), ['Det', 'kostar', '1 234 567,50', 'kr']);
    assert.deepEqual(words('Beslut 2024-01-05 enligt SFS 2018:218'), [
      'Beslut',
      '2024-01-05',
      'enligt',
      'SFS',
      '2018:218',
    ]);
  });

  it('does not glue separate numbers that are not thousand groups', () => {
    assert.deepEqual(words('år 2024 12 personer'), ['år', '2024', '12', 'personer']);
  });

  it('labels numbers and words', () => {
    assert.deepEqual(
      segmentWords('Hej 12').map((span) => span.kind),
      ['word', 'number'],
    );
  });

  it('returns exact spans', () => {
    const text = 'Åsa, Örjan och Ängla bor i Malmö.';
    for (const span of segmentWords(text))
      assert.equal(text.slice(span.start, span.end), span.text);
  });
});
