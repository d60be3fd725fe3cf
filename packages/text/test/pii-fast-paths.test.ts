/**
 * The fast paths of detection (issue 11, speed) checked against plain reference versions on
 * generated texts: the one-pass context scan against each word's own regex, the search near
 * context words against a scan of the whole text, and folding against a character-by-character
 * map. A fast path that finds less would lose recall silently; these fail when it does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectPersonalData } from '../src/index.js';
import { ContextFinder, contextPositions, contextWordAt } from '../src/pii/context.js';
import { foldForDetection } from '../src/pii/fold.js';
import { isNumberPunctuation, matchesNearContext } from '../src/pii/near-context.js';
import { BUILT_IN_RECOGNIZERS } from '../src/pii/recognizers/index.js';

const VOCABULARY = [...new Set(BUILT_IN_RECOGNIZERS.flatMap((r) => r.contextWords ?? []))];
const LETTER = /\p{L}/u;

/** Texts built from context words (in any case, inflected or glued) and the characters around them. */
const contextText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VOCABULARY.map((word) => word.replace('*', ''))),
      fc.constantFrom('ar', 'er', 'en', 'et', 'na', 'ande', 'arna', 'de', 'vägen', 'x', '2'),
      // Letters whose lower case is not their plain upper-case twin, or is longer.
      fc.constantFrom('İ', '\u212a', '\u212b', '\u1e9e', 'ß', 'Σ', 'é', 'Ö'),
      fc.constantFrom(' ', ' ', '\n', '-', '.', ':', '(', '070-123 45 67'),
    ),
    { maxLength: 30 },
  )
  .chain((pieces) =>
    fc
      .array(fc.constantFrom('lower', 'upper', 'title'), {
        minLength: pieces.length,
        maxLength: pieces.length,
      })
      .map((cases) =>
        pieces
          .map((piece, i) =>
            cases[i] === 'upper'
              ? piece.toUpperCase()
              : cases[i] === 'title'
                ? piece.charAt(0).toUpperCase() + piece.slice(1)
                : piece,
          )
          .join(''),
      ),
  );

/** Every word start where each word stands, asked of the word's own regex one by one. */
function referencePositions(text: string, words: readonly string[]): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  for (let index = 0; index < text.length; index++) {
    if (index > 0 && LETTER.test(text[index - 1]!)) continue;
    for (const word of words) {
      if (!contextWordAt(text, index, word)) continue;
      byWord.set(word, [...(byWord.get(word) ?? []), index]);
    }
  }
  return byWord;
}

const sorted = (map: Map<string, number[]>) => [...map].sort(([a], [b]) => a.localeCompare(b));

describe('context scan (one pass) finds what each word regex finds', () => {
  it('on generated texts with inflections, glued words and tricky letters', () => {
    fc.assert(
      fc.property(contextText, (text) => {
        assert.deepEqual(
          sorted(contextPositions(text, VOCABULARY)),
          sorted(referencePositions(text, VOCABULARY)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps offsets right after a letter that lower-cases to two characters (İ)', () => {
    const text = 'İstanbul, ring mig på 070-123 45 67';
    assert.deepEqual(contextPositions(text, ['ring']).get('ring'), [text.indexOf('ring')]);
    const phone = detectPersonalData(text).find((span) => span.type === 'phone');
    assert.ok(phone && phone.confidence > 0.8, 'the phone word after İ still raises confidence');
  });

  it('matches the Kelvin and Ångström signs as k and å, as lower-casing does', () => {
    assert.deepEqual(contextPositions('\u212aONTO 1', ['konto*']).get('konto*'), [0]);
    assert.deepEqual(contextPositions('P\u212bT', ['påt']).get('påt'), [0]);
  });
});

const ACCOUNT_LIKE =
  /(?<![\d\p{L}-])(\d{4}(?:-\d)?)(?:, ?|-| )(\d{1,4}(?:[ -]?\d{1,4}){0,4})(?![\d\p{L}]|-\d)/gu;
const GIRO_LIKE = /(?<![\d\p{L}-])(?:\d{1,2} \d{2} \d{2}|\d{1,7})-\d(?![\d\p{L}]|-\d)/gu;

const numberText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('0', '1', '2', '5', '9', ' ', '-', ',') },
      { weight: 1, arbitrary: fc.constantFrom('konto ', 'pg ', 'x', '\n', 'Bankgiro: ') },
    ),
    { maxLength: 400 },
  )
  .map((pieces) => pieces.join(''));

describe('search near context words finds what a whole-text search finds near them', () => {
  for (const [name, shape, longest] of [
    ['account', ACCOUNT_LIKE, 32],
    ['plusgiro', GIRO_LIKE, 12],
  ] as const) {
    it(`${name}: same matches, in the same order`, () => {
      fc.assert(
        fc.property(numberText, (text) => {
          const context = new ContextFinder(text, ['konto*', 'pg', 'bankgiro*']);
          const whole = [...text.matchAll(shape)]
            .filter((m) => context.near(m.index, m.index + m[0].length))
            .map((m) => `${m.index}:${m[0]}`);
          const near = [
            ...matchesNearContext(text, shape, context.positions(), longest, isNumberPunctuation),
          ]
            .filter((m) => context.near(m.index, m.index + m[0].length))
            .map((m) => `${m.index}:${m[0]}`);
          assert.deepEqual(near, whole);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('falls back to scanning from where it stopped after a long run of digits', () => {
    const text = `${'1 '.repeat(400)}konto 5000 1234567`;
    const context = new ContextFinder(text, ['konto*']);
    const found = [
      ...matchesNearContext(text, ACCOUNT_LIKE, context.positions(), 32, isNumberPunctuation),
    ].map((m) => m[0]);
    assert.ok(found.includes('5000 1234567'));
  });
});

describe('folding', () => {
  it('equals a character-by-character map for every UTF-16 unit', () => {
    const all = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
    const folded = foldForDetection(all);
    assert.equal(folded.length, all.length);
    for (let code = 0; code < 0x10000; code++) {
      const expected = foldedReference(code);
      assert.equal(folded.charCodeAt(code), expected, `U+${code.toString(16)}`);
    }
  });
});

/** The documented mapping, written out plainly. */
function foldedReference(code: number): number {
  if (code === 0x09 || code === 0xa0) return 0x20;
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if ((code >= 0x2010 && code <= 0x2015) || [0x2212, 0xfe58, 0xfe63].includes(code)) return 0x2d;
  if (code === 0x2024) return 0x2e;
  if (code === 0xfe6b) return 0x40;
  if ((code >= 0x2000 && code <= 0x200a) || [0x202f, 0x205f, 0x3000].includes(code)) return 0x20;
  return code;
}
