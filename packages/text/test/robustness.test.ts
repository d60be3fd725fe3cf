import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  detectPersonalData,
  lix,
  mask,
  readability,
  segmentSentences,
  segmentWords,
  summarizeExtractive,
} from '../src/index.js';
import { insertDash, withCheckDigit } from './helpers.js';

const MB = 1_000_000;
const PNR = insertDash(withCheckDigit('19900101', '001'));
const SWEDISH =
  `Hej Anna, ditt personnummer ${PNR} och tel 070-123 45 67 finns hos oss. ` +
  'Mejla anna@example.se eller besök Storgatan 12 B, 114 55 Stockholm. Beloppet är 1 234 kr enligt dnr 2023-1234. ';

/** Deterministic pseudo-random UTF-16 junk, including lone surrogates and control characters. */
function junk(length: number): string {
  const codes = new Uint16Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    codes[i] = state >>> 16;
  }
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** Inputs that make naive regexes backtrack: long runs of the characters the patterns want. */
const ADVERSARIAL: Record<string, string> = {
  digits: '1'.repeat(MB),
  'digits and spaces': '1 '.repeat(MB / 2),
  'zero dash': '0-'.repeat(MB / 2),
  letters: 'a'.repeat(MB),
  'capital letters': 'A'.repeat(MB),
  'at signs': 'a@'.repeat(MB / 2),
  'dotted local parts': `${'a.'.repeat(MB / 2)}@`,
  'street endings': 'gatan 1'.repeat(MB / 7),
  abbreviations: 't.ex. '.repeat(MB / 6),
  'list markers': '1. '.repeat(MB / 3),
  newlines: 'a\n'.repeat(MB / 2),
  'plus signs': '+4'.repeat(MB / 2),
};

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

describe('large and hostile input', () => {
  it('detects and masks 10 MB of Swedish text in linear time', () => {
    const text = SWEDISH.repeat(Math.ceil((10 * MB) / SWEDISH.length));
    const [masked, ms] = timed(() => mask(text, { operator: 'pseudonymize' }));
    const perCopy = masked.spans.length / Math.ceil((10 * MB) / SWEDISH.length);
    assert.equal(perCopy, 5, 'pnr, phone, e-mail, street, postal in every copy');
    assert.ok(!masked.text.includes(PNR));
    assert.equal(masked.restore(masked.text), text);
    // Generous bound for a shared CI core: a quadratic pattern would take minutes, not seconds.
    assert.ok(ms < 45_000, `took ${ms.toFixed(0)} ms`);
  });

  it('segments 10 MB without Intl.Segmenter going quadratic', () => {
    const text = SWEDISH.repeat(Math.ceil((10 * MB) / SWEDISH.length));
    const [sentences, ms] = timed(() => segmentSentences(text));
    assert.equal(sentences.length, 3 * Math.ceil((10 * MB) / SWEDISH.length));
    assert.ok(ms < 45_000, `took ${ms.toFixed(0)} ms`);
  });

  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`handles 1 MB of ${name} quickly`, () => {
      const [, ms] = timed(() => {
        detectPersonalData(text);
        segmentWords(text);
        segmentSentences(text);
      });
      assert.ok(ms < 15_000, `took ${ms.toFixed(0)} ms`);
    });
  }

  it('handles 2 MB of binary junk, lone surrogates and control characters', () => {
    const text = junk(2 * MB);
    const spans = detectPersonalData(text);
    for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text);
    const result = mask(text, { operator: 'pseudonymize' });
    assert.equal(result.restore(result.text), text);
    assert.doesNotThrow(() => readability(text.slice(0, 200_000)));
    assert.doesNotThrow(() => summarizeExtractive(text.slice(0, 200_000), { sentences: 2 }));
  });

  it('handles emoji, mixed scripts and right-to-left text', () => {
    const text =
      `👨‍👩‍👧 Familjen 🙂 har personnummer ${PNR}. مرحبا بك، رقمك 070-123 45 67. שלום עולם! ` +
      'Привет мир. 你好世界。สวัสดีครับ 🇸🇪 e-post: åsa@example.se \u202eevil\u202c.';
    const types = detectPersonalData(text).map((span) => span.type);
    assert.deepEqual(types, ['personnummer', 'phone', 'email']);
    const result = mask(text, { operator: 'pseudonymize' });
    assert.equal(result.restore(result.text), text);
    const words = segmentWords(text).map((word) => word.text);
    assert.ok(words.includes('שלום') && words.includes('Привет') && words.includes('你好'));
    assert.ok(segmentSentences(text).length >= 4);
    assert.ok(Number.isFinite(lix(text)));
  });

  it('handles empty and whitespace-only text everywhere', () => {
    for (const text of ['', '   ', '\n\n\t']) {
      assert.deepEqual(detectPersonalData(text), []);
      assert.equal(mask(text).text, text);
      assert.equal(lix(text), 0);
      assert.equal(readability(text).words, 0);
      assert.equal(summarizeExtractive(text, { sentences: 2 }).text, '');
    }
  });
});
