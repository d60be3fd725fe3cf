import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFaithfulness, findClaims } from '../src/faithfulness/faithfulness.js';

const SOURCE =
  'Försäkringskassan har den 15 mars 2026 beslutat att bevilja ditt bostadsbidrag med 1 500 kronor per månad. Ärendenummer 2026/4711. Ring 08-123 45 67.';

describe('checkFaithfulness', () => {
  it('accepts numbers, dates, identifiers and names that stand in the source', () => {
    const report = checkFaithfulness(
      'Du får 1 500 kronor från Försäkringskassan från 15 mars 2026. Ärende 2026/4711, ring 08-123 45 67.',
      SOURCE,
    );
    assert.deepEqual(report.unverified, []);
    assert.equal(report.pieces.map((p) => p.text).join(''), report.pieces[0]!.text);
  });

  it('marks numbers and names that do not, and keeps the text whole in pieces', () => {
    const summary = 'Du får 2 500 kronor i Göteborg, ärende 2026/4712.';
    const report = checkFaithfulness(summary, SOURCE);
    assert.deepEqual(
      report.unverified.map((c) => [c.text, c.kind]),
      [
        ['2 500', 'number'],
        ['Göteborg', 'name'],
        ['2026/4712', 'number'],
      ],
    );
    assert.equal(report.pieces.map((p) => p.text).join(''), summary);
    assert.equal(report.pieces.filter((p) => p.unverified).length, 3);
  });

  it('does not accept a number that only stands inside a longer one', () => {
    assert.deepEqual(
      checkFaithfulness('Du får 150 kronor.', 'Du får 1500 kronor.').unverified.map((c) => c.text),
      ['150'],
    );
  });

  it('accepts Swedish genitive forms of names, and ignores capitals at sentence starts', () => {
    assert.deepEqual(
      checkFaithfulness('Försäkringskassans beslut. Du får pengar.', SOURCE).unverified,
      [],
    );
    assert.deepEqual(findClaims('Du får pengar.'), []);
  });
});
