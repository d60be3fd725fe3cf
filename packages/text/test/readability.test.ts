import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKlarTextError, lix, lixBand, ovix, readability } from '../src/index.js';

describe('lix', () => {
  it('follows the formula: words / sentences + 100 × long words / words', () => {
    // 8 words, 2 sentences, 2 long words (ansökningar, handläggaren) → 4 + 25 = 29.
    const text = 'Vi läser alla ansökningar noga. Sedan svarar handläggaren.';
    assert.equal(readability(text).words, 8);
    assert.equal(readability(text).sentences, 2);
    assert.equal(lix(text), 8 / 2 + (100 * 2) / 8);
  });

  it('counts letters, not hyphens or dots, for long words; numbers are not words', () => {
    // "e-post" has 5 letters (short), "t.ex." 3, "1 234" is a number: 4 words, 1 sentence, 0 long.
    assert.equal(lix('Skicka e-post t.ex. 1 234 gånger.'), 4);
    // "sjukpenning" 11 letters → long; "e-tjänsten" 9 letters → long.
    assert.deepEqual(
      readability('Sök sjukpenning i e-tjänsten.').longWords.map((w) => w.text),
      ['sjukpenning', 'e-tjänsten'],
    );
  });

  it('a word of exactly six letters is not long, seven is', () => {
    assert.deepEqual(
      readability('Bidrag betalas.').longWords.map((w) => w.text),
      ['betalas'],
    );
  });

  it('headings without full stops count as sentences', () => {
    assert.equal(readability('Så ansöker du\nDu fyller i blanketten.').sentences, 2);
  });

  it('is 0 for text without words', () => {
    assert.equal(lix(''), 0);
    assert.equal(lix('123 456.'), 0);
  });
});

describe('bands and labels', () => {
  const cases: Array<[number, string]> = [
    [0, 'very-easy'],
    [29.9, 'very-easy'],
    [30, 'easy'],
    [39.9, 'easy'],
    [40, 'medium'],
    [50, 'hard'],
    [59.9, 'hard'],
    [60, 'very-hard'],
    [85, 'very-hard'],
  ];
  for (const [value, band] of cases) {
    it(`LIX ${value} is ${band}`, () => assert.equal(lixBand(value), band));
  }

  it('labels in Swedish by default and in English on request', () => {
    const text = 'Socialförsäkringsbalkens bestämmelser tillämpas generellt.';
    const sv = readability(text);
    assert.equal(sv.band, 'very-hard');
    assert.equal(sv.bandLabel, 'Mycket svår');
    assert.equal(readability(text, { locale: 'en' }).bandLabel, 'Very hard');
    assert.equal(readability('Vi ses i dag.').bandLabel, 'Mycket lättläst');
  });
});

describe('readability report', () => {
  const text =
    'Du kan söka bidrag. Om du har frågor om ditt ärende kan du ringa oss eller skriva till oss på webben. Tack. Vi svarar inom fem arbetsdagar från det att vi har fått din fråga.';
  const report = readability(text);

  it('returns the longest sentences as spans, longest first', () => {
    assert.equal(report.longestSentences.length, 3);
    assert.ok(report.longestSentences[0]!.text.startsWith('Om du har frågor'));
    assert.ok(report.longestSentences[1]!.text.startsWith('Vi svarar'));
    for (const span of report.longestSentences)
      assert.equal(text.slice(span.start, span.end), span.text);
    assert.equal(readability(text, { longestSentences: 1 }).longestSentences.length, 1);
  });

  it('long words are spans of the input', () => {
    for (const span of report.longWords) {
      assert.equal(text.slice(span.start, span.end), span.text);
      assert.ok(span.text.replace(/[^\p{L}]/gu, '').length > 6);
    }
  });

  it('average sentence length is words per sentence', () => {
    assert.equal(report.averageSentenceLength, report.words / report.sentences);
  });

  it('OVIX follows its formula and is null when undefined', () => {
    const words = ['du', 'kan', 'du', 'ska', 'du'];
    assert.equal(ovix(words), Math.log(5) / Math.log(2 - Math.log(3) / Math.log(5)));
    assert.equal(ovix(['en', 'två', 'tre']), null, 'all unique → log(1) = 0 in the denominator');
    assert.equal(ovix(['ett']), null);
    assert.equal(typeof report.ovix, 'number');
  });

  it('rejects bad options with typed errors', () => {
    assert.throws(
      () => readability('x', { locale: 'de' as never }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
    assert.throws(
      () => readability('x', { longestSentences: -1 }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
    assert.throws(
      () => lix(undefined as never),
      (e) => isKlarTextError(e, 'invalid-input'),
    );
  });
});
