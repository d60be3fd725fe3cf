import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKlarTextError, summarizeExtractive } from '../src/index.js';

const TEXT = [
  'Bostadsbidrag är ett stöd för hushåll med låga inkomster.',
  'Vädret var fint i går.',
  'Du söker bostadsbidrag hos Försäkringskassan och bidraget beror på inkomsten och boendekostnaden.',
  'Katten sov hela dagen.',
  'Om inkomsten ändras ska du anmäla det, annars kan du bli återbetalningsskyldig för bostadsbidrag.',
  'Det finns många sorters glass.',
].join(' ');

describe('summarizeExtractive', () => {
  it('picks the central sentences in original order', () => {
    const summary = summarizeExtractive(TEXT, { sentences: 3 });
    assert.equal(summary.sentences.length, 3);
    for (const sentence of summary.sentences)
      assert.match(sentence.text, /bostadsbidrag|bidraget/i);
    const starts = summary.sentences.map((s) => s.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.equal(summary.text, summary.sentences.map((s) => s.text).join(' '));
  });

  it('ignores Swedish stop words when comparing sentences', () => {
    // The off-topic sentences share only stop words ("det", "i", "och") with the rest.
    const summary = summarizeExtractive(TEXT, { sentences: 1 });
    assert.doesNotMatch(summary.text, /Vädret|Katten|glass/);
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

  it('rejects a bad sentence count', () => {
    assert.throws(
      () => summarizeExtractive(TEXT, { sentences: 0 }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
    assert.throws(
      () => summarizeExtractive(TEXT, { sentences: 1.5 }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
  });
});
