import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isKlarTextError } from '../src/errors.js';
import { lix } from '../src/readability/lix.js';
import { segmentSentences } from '../src/segment/sentences.js';
import { type SummaryLength, summarizeExtractive } from '../src/summary/extractive.js';
import { LETTERS } from './summary-letters.js';

const TEXT = [
  'Bostadsbidrag är ett stöd för hushåll med låga inkomster.',
  'Vädret var fint i går.',
  'Du söker bostadsbidrag hos Försäkringskassan och bidraget beror på inkomsten och boendekostnaden.',
  'Katten sov hela dagen.',
  'Om inkomsten ändras ska du anmäla det, annars kan du bli återbetalningsskyldig för bostadsbidrag.',
  'Det finns många sorters glass.',
].join(' ');

const LENGTHS: readonly SummaryLength[] = ['short', 'medium', 'long'];

/** What a citizen must not miss, by the words that say it. */
const MUST_KEEP = {
  repayment: /återbetal|betala tillbaka|kräva tillbaka|pay back|repay/i,
  appeal: /överklag|ompröv|appeal|reconsider|review/i,
  deadline: /senast|inom|no later than|within|(?<!\p{L})by \d/iu,
} as const;

describe('summarizeExtractive on official letters', () => {
  for (const letter of LETTERS) {
    for (const length of LENGTHS) {
      it(`${letter.name} (${length}): easier to read than the original`, () => {
        const summary = summarizeExtractive(letter.text, { length });
        assert.ok(
          lix(summary.text) < lix(letter.text),
          `LIX ${lix(summary.text).toFixed(1)} is not below the original's ${lix(letter.text).toFixed(1)}:\n${summary.text}`,
        );
        assert.ok(summary.lix.selection < summary.lix.original);
        assert.ok(Math.abs(summary.lix.original - lix(letter.text)) < 1e-9);
      });
    }

    it(`${letter.name}: a selection of the original's sentences, in order, linked by offsets`, () => {
      const summary = summarizeExtractive(letter.text);
      assert.equal(summary.kind, 'sentence-selection');
      assert.equal(summary.totalSentences, segmentSentences(letter.text).length);
      assert.ok(summary.sentences.length < summary.totalSentences);
      let previous = -1;
      for (const sentence of summary.sentences) {
        assert.equal(letter.text.slice(sentence.start, sentence.end), sentence.text);
        assert.ok(sentence.start > previous);
        previous = sentence.start;
        assert.ok(sentence.reasons.length > 0);
      }
    });

    it(`${letter.name}: keeps paying back, appeal and deadlines when the letter has them`, () => {
      for (const length of ['medium', 'long'] as const) {
        const summary = summarizeExtractive(letter.text, { length });
        for (const [what, pattern] of Object.entries(MUST_KEEP)) {
          if (!pattern.test(letter.text)) continue;
          assert.ok(
            pattern.test(summary.text),
            `${length} lost the ${what} sentence:\n${summary.text}`,
          );
        }
        assert.ok(
          summary.sentences.some((s) => s.reasons.includes('obligation')),
          `${length} has no sentence about what the reader must do`,
        );
      }
    });

    it(`${letter.name}: short ≤ medium ≤ long`, () => {
      const [short, medium, long] = LENGTHS.map(
        (length) => summarizeExtractive(letter.text, { length }).sentences.length,
      );
      assert.ok(short! <= medium! && medium! <= long!, `${short} ${medium} ${long}`);
      assert.ok(short! <= 3);
    });
  }

  it('keeps the sentence saying money may have to be paid back (the old fallback dropped it)', () => {
    const letter = LETTERS.find((l) => l.name === 'Försäkringskassan bostadsbidrag')!;
    for (const length of LENGTHS) {
      const summary = summarizeExtractive(letter.text, { length });
      assert.match(summary.text, /återbetalningsskyldig/);
      assert.ok(summary.sentences.some((s) => s.reasons.includes('repayment')));
    }
  });

  it('leaves out headings, greetings and signatures', () => {
    for (const letter of LETTERS) {
      const summary = summarizeExtractive(letter.text, { length: 'long' });
      for (const sentence of summary.sentences)
        assert.doesNotMatch(sentence.text, /^(?:Hej|Med vänliga|Dear|Yours)/);
    }
  });
});

describe('summarizeExtractive basics', () => {
  it('picks on-topic sentences in original order, never off-topic filler', () => {
    // At most 3: off-topic short sentences would make it easier to read, but they say nothing.
    const summary = summarizeExtractive(TEXT, { sentences: 3 });
    assert.ok(summary.sentences.length >= 1 && summary.sentences.length <= 3);
    for (const sentence of summary.sentences)
      assert.match(sentence.text, /bostadsbidrag|bidraget/i);
    const starts = summary.sentences.map((s) => s.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.equal(summary.text, summary.sentences.map((s) => s.text).join('\n'));
  });

  it('ignores stop words when comparing sentences', () => {
    const summary = summarizeExtractive(TEXT, { sentences: 1 });
    assert.doesNotMatch(summary.text, /Vädret|Katten|glass/);
  });

  it('joins one sentence per line, so the joined text has the same sentences', () => {
    const text =
      'Du måste betala senast 30 april\nDu kan överklaga inom tre veckor\nVi har beslutat att bevilja stödet enligt t.ex. 4 kap. Det gäller i ett år.';
    const summary = summarizeExtractive(text, { sentences: 5 });
    assert.equal(segmentSentences(summary.text).length, summary.sentences.length);
    for (const letter of LETTERS) {
      const long = summarizeExtractive(letter.text, { length: 'long' });
      assert.deepEqual(
        segmentSentences(long.text).map((s) => s.text),
        long.sentences.map((s) => s.text),
      );
    }
  });

  it('returns every sentence when asked for more than there are', () => {
    assert.equal(
      summarizeExtractive('En mening. Två meningar.', { sentences: 5 }).sentences.length,
      2,
    );
  });

  it('is deterministic', () => {
    assert.deepEqual(
      summarizeExtractive(TEXT, { sentences: 2 }),
      summarizeExtractive(TEXT, { sentences: 2 }),
    );
  });

  it('rejects bad options with a typed error', () => {
    for (const options of [
      { sentences: 0 },
      { sentences: 1.5 },
      { length: 'huge' as SummaryLength },
      { locale: 'de' as 'sv' },
    ]) {
      assert.throws(
        () => summarizeExtractive(TEXT, options),
        (e) => isKlarTextError(e, 'invalid-option'),
      );
    }
  });

  it('handles empty and whitespace-only text', () => {
    for (const text of ['', '   \n\n ']) {
      const summary = summarizeExtractive(text);
      assert.equal(summary.text, '');
      assert.equal(summary.sentences.length, 0);
    }
  });
});

describe('summarizeExtractive properties', () => {
  const pieces = LETTERS.flatMap((letter) => segmentSentences(letter.text).map((s) => s.text));
  const textArbitrary = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 })), { maxLength: 30 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom(' ', '\n', '\n\n', '  '), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
    );

  it('every sentence is a span of the input, in order, within the budget', () => {
    fc.assert(
      fc.property(
        textArbitrary,
        fc.constantFrom<SummaryLength>('short', 'medium', 'long'),
        (text, length) => {
          const summary = summarizeExtractive(text, { length });
          let previous = -1;
          for (const sentence of summary.sentences) {
            if (text.slice(sentence.start, sentence.end) !== sentence.text) return false;
            if (sentence.start <= previous) return false;
            previous = sentence.start;
          }
          if (length === 'short' && summary.sentences.length > 3) return false;
          return summary.sentences.length <= Math.max(summary.totalSentences, 0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
