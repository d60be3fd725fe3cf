import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitByTokens } from '../src/shared/chunking.js';
import { condense } from '../src/summarizer/hierarchy.js';
import { fakeTokens } from './support/fake-engine.js';

const measure = async (text: string) => fakeTokens(text);
const sentence = (i: number) => `Detta är mening nummer ${i} i ett långt beslut om bostadsbidrag.`;
const long = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ');

describe('splitByTokens', () => {
  it('keeps every part within the budget, cuts only between sentences, and keeps order', async () => {
    const parts = await splitByTokens(long, measure, 40);
    assert.ok(parts.length > 1);
    for (const part of parts) assert.ok(fakeTokens(part) <= 40, `${fakeTokens(part)}: ${part}`);
    assert.equal(parts.join(' '), long);
    for (const part of parts) assert.match(part, /^Detta .*bostadsbidrag\.$/);
  });

  it('returns the text as one part when it fits', async () => {
    assert.deepEqual(await splitByTokens('Kort. Text.', measure, 100), ['Kort. Text.']);
  });

  it('cuts a sentence longer than the budget between words', async () => {
    const words = Array.from({ length: 50 }, (_, i) => `ord${i}`).join(' ');
    const parts = await splitByTokens(`${words}.`, measure, 8);
    assert.ok(parts.length >= 7);
    for (const part of parts) assert.ok(fakeTokens(part) <= 8, part);
    assert.equal(parts.join(' '), `${words}.`);
  });

  it('refuses a budget below one token', async () => {
    await assert.rejects(splitByTokens('Text.', measure, 0), RangeError);
  });
});

describe('condense (summaries of summaries)', () => {
  const signal = new AbortController().signal;
  const source = (quota: number, shrinkTo = 3) => ({
    parts: [] as string[],
    measureFinal: async (text: string) => ({ requested: fakeTokens(text) + 10, quota }),
    partTextBudget: async () => quota - 10,
    measureText: async (text: string) => fakeTokens(text),
    async summarizePart(text: string) {
      this.parts.push(text);
      return text.split(' ').slice(0, shrinkTo).join(' ') + '.';
    },
  });

  it('returns a text that fits as it is, without summarising parts', async () => {
    const s = source(1000);
    assert.equal(await condense(long, s, { splitLongInput: true, maxLevels: 3, signal }), long);
    assert.equal(s.parts.length, 0);
  });

  it('summarises the parts of a long text, then fits the joined summaries', async () => {
    const s = source(60);
    const seen: string[] = [];
    const result = await condense(long, s, {
      splitLongInput: true,
      maxLevels: 3,
      signal,
      onPart: (p) => seen.push(`${p.level}:${p.index}/${p.count}`),
    });
    assert.ok(s.parts.length > 1);
    assert.ok(fakeTokens(result) + 10 <= 60, result);
    assert.ok(seen[0]!.startsWith('1:1/'));
  });

  it('goes another level when the joined summaries are still too long', async () => {
    const s = source(40, 6);
    const seen: number[] = [];
    await condense(long, s, {
      splitLongInput: true,
      maxLevels: 4,
      signal,
      onPart: (p) => seen.push(p.level),
    });
    assert.ok(seen.includes(2), `levels: ${[...new Set(seen)]}`);
  });

  it('rejects over-quota input with requested and quota when splitting is off', async () => {
    await assert.rejects(
      condense(long, source(60), { splitLongInput: false, maxLevels: 3, signal }),
      (error: { code: string; requested: number; quota: number; details: unknown }) => {
        assert.equal(error.code, 'input-too-long');
        assert.equal(error.quota, 60);
        assert.equal(error.requested, fakeTokens(long) + 10);
        assert.deepEqual(error.details, { requested: error.requested, quota: 60 });
        return true;
      },
    );
  });

  it('rejects when the summaries stop getting shorter', async () => {
    const s = source(40, 1000);
    await assert.rejects(condense(long, s, { splitLongInput: true, maxLevels: 5, signal }), {
      code: 'input-too-long',
    });
  });
});
