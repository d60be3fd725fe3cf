import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutIndex, LengthGuard } from '../src/shared/length-guard.js';
import { lengthBudget } from '../src/summarizer/options.js';

function feed(guard: LengthGuard, chunks: readonly string[]): string {
  let out = '';
  for (const chunk of chunks) out += guard.push(chunk);
  return out;
}

describe('length budgets', () => {
  it('grow with length for every type', () => {
    for (const type of ['tldr', 'teaser', 'key-points', 'headline'] as const) {
      const [s, m, l] = (['short', 'medium', 'long'] as const).map((x) => lengthBudget(type, x));
      assert.ok(s!.units < m!.units && m!.units < l!.units, type);
      assert.ok(s!.maxNewTokens < m!.maxNewTokens && m!.maxNewTokens < l!.maxNewTokens, type);
    }
    assert.deepEqual(lengthBudget('tldr', 'short'), {
      unit: 'sentence',
      units: 1,
      maxNewTokens: 64,
    });
    assert.equal(lengthBudget('key-points', 'long').units, 7);
    assert.equal(lengthBudget('headline', 'medium').units, 17);
  });
});

describe('LengthGuard', () => {
  it('stops after the allowed sentences, once the next one starts', () => {
    const guard = new LengthGuard('sentence', 2);
    const out = feed(guard, [
      'Du får 1 500 kr. ',
      'Pengarna kommer ',
      'den 25 mars. Du ',
      'ska inte göra något.',
    ]);
    assert.equal(out, 'Du får 1 500 kr. Pengarna kommer den 25 mars.');
    assert.ok(guard.done);
    assert.equal(guard.push('Mer.'), '');
  });

  it('does not count abbreviations followed by a lower-case word', () => {
    assert.equal(cutIndex('Du kan t.ex. ringa oss. Eller skriva.', 'sentence', 1), 23);
  });

  it('lets a text within budget through whole', () => {
    const guard = new LengthGuard('sentence', 3);
    assert.equal(feed(guard, ['Ett. ', 'Två.']), 'Ett. Två.');
    assert.ok(!guard.done);
  });

  it('counts list items', () => {
    const guard = new LengthGuard('item', 2);
    const out = feed(guard, ['• Du får pengar.\n', '• Du ska svara.\n• Tre', ' punkter.']);
    assert.equal(out, '• Du får pengar.\n• Du ska svara.');
  });

  it('counts words, and a headline ends at its line', () => {
    assert.equal(feed(new LengthGuard('word', 3), ['Ett två ', 'tre fyra fem']), 'Ett två tre');
    assert.equal(
      feed(new LengthGuard('word', 10), ['Beslut om bidrag\n', 'Mer text']),
      'Beslut om bidrag',
    );
  });
});
