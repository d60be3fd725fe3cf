import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectPersonalData, mask, segmentSentences, segmentWords } from '../src/index.js';
import { insertDash, withCheckDigit } from './helpers.js';

const NUM_RUNS = 150;
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Valid personnummer and samordningsnummer in every printed form. */
const personnummer = fc
  .record({
    year: fc.integer({ min: 1920, max: 2020 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    // Serial 000 is never issued, and the personnummer library rightly rejects it.
    serial: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0')),
    form: fc.constantFrom('short-dash', 'short', 'long-dash', 'long'),
    coordination: fc.boolean(),
  })
  .map(({ year, month, day, serial, form, coordination }) => {
    const dayField = String(day + (coordination ? 60 : 0)).padStart(2, '0');
    const date = `${year}${String(month).padStart(2, '0')}${dayField}`;
    const long = withCheckDigit(date, serial);
    const short = long.slice(2);
    return { 'short-dash': insertDash(short), short, 'long-dash': insertDash(long), long }[form];
  });

const phone = fc
  .tuple(fc.constantFrom('070', '072', '073', '076'), digits(7))
  .map(([prefix, rest]) => `${prefix}-${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`);
const email = fc
  .tuple(fc.constantFrom('anna', 'per.olsson', 'k_x'), fc.constantFrom('example.se', 'kommun.se'))
  .map(([a, b]) => `${a}@${b}`);
const filler = fc.constantFrom(
  'Hej',
  'och',
  'ring',
  'personnummer',
  'mejl',
  'tel',
  'år 2024',
  '1 234 kr',
  '.',
  ',',
  '\n',
  'ärende 2023-1234',
  '[PERSONNUMMER 1]',
  'émoji 🙂',
  'שלום',
  '👨‍👩‍👧',
);
const piece = fc.oneof(personnummer, phone, email, filler, fc.string({ maxLength: 12 }));
const document = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(' '));

describe('masking properties', () => {
  it('pseudonymize then restore gives back the input exactly', () => {
    fc.assert(
      fc.property(document, (text) => {
        const result = mask(text, { operator: 'pseudonymize' });
        assert.equal(result.restore(result.text), text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('restore also holds for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = mask(text, { operator: 'pseudonymize' });
        assert.equal(result.restore(result.text), text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  for (const operator of ['placeholder', 'partial', 'redact', 'pseudonymize'] as const) {
    it(`${operator}: no detected value survives in the output`, () => {
      fc.assert(
        fc.property(document, (text) => {
          const result = mask(text, { operator });
          for (const span of result.spans) {
            assert.ok(
              !result.text.includes(span.text),
              `"${span.text}" left in ${JSON.stringify(result.text)}`,
            );
          }
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it('every generated personnummer, phone and e-mail is detected (recall)', () => {
    fc.assert(
      fc.property(fc.oneof(personnummer, phone, email), filler, (value, word) => {
        const text = `${word} ${value} ${word}`;
        assert.ok(
          detectPersonalData(text).some((span) => span.text === value),
          `missed ${value} in ${JSON.stringify(text)}`,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('detections never overlap and always slice back to their text', () => {
    fc.assert(
      fc.property(document, (text) => {
        const spans = detectPersonalData(text);
        spans.forEach((span, i) => {
          assert.equal(text.slice(span.start, span.end), span.text);
          if (i > 0) assert.ok(span.start >= spans[i - 1]!.end);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('segmentation properties', () => {
  it('sentences and words are ordered, disjoint, exact slices', () => {
    fc.assert(
      fc.property(fc.oneof(document, fc.string({ maxLength: 300 })), (text) => {
        for (const spans of [segmentSentences(text), segmentWords(text)]) {
          spans.forEach((span, i) => {
            assert.equal(text.slice(span.start, span.end), span.text);
            assert.ok(span.end > span.start);
            if (i > 0) assert.ok(span.start >= spans[i - 1]!.end);
          });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
