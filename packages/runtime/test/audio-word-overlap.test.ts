import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WindowTranscript } from '../src/audio/window-text.js';
import { ownedSpans, planWindows } from '../src/audio/windows.js';
import { findWordOverlap, mergeWords, splitWords } from '../src/audio/word-overlap.js';

const merge = (a: string, b: string) => mergeWords(splitWords(a), splitWords(b)).join(' ');

/** Distinct words (w0, w1, …) cut into three runs: before, shared, after. */
const threeRuns = fc
  .tuple(fc.nat({ max: 30 }), fc.integer({ min: 1, max: 20 }), fc.nat({ max: 30 }))
  .map(([x, o, y]) => {
    const words = Array.from({ length: x + o + y }, (_, i) => `w${i}`);
    return { before: words.slice(0, x), shared: words.slice(x, x + o), after: words.slice(x + o) };
  });

/** The word as a recogniser might write it again: other case, punctuation around it. */
const respelled = (word: string, variant: number) => {
  const cased = variant & 1 ? word.toUpperCase() : word;
  return ['', ',', '.', '?', '…'][variant % 5] === ''
    ? cased
    : `${variant & 2 ? '"' : ''}${cased}${[',', '.', '?', '…'][variant % 4]}`;
};

describe('word overlap of consecutive windows', () => {
  it('examples: exact overlap, case and punctuation, cut edge words, no overlap', () => {
    assert.equal(
      merge('jag vill ansöka om bostadsbidrag för', 'om bostadsbidrag för min familj'),
      'jag vill ansöka om bostadsbidrag för min familj',
    );
    assert.equal(
      merge('Jag vill ansöka om bostadsbidrag, för', 'Om bostadsbidrag för min familj.'),
      'Jag vill ansöka om bostadsbidrag, för min familj.',
    );
    // The first window ends mid-word ("famil"), the second starts mid-word ("drag").
    assert.equal(
      merge('ansöka om bostadsbidrag för min famil', 'drag för min familj och mina barn'),
      'ansöka om bostadsbidrag för min familj och mina barn',
    );
    assert.equal(merge('hej hej', 'då då'), 'hej hej då då');
    assert.equal(merge('', 'bara andra'), 'bara andra');
    assert.equal(merge('bara första', ''), 'bara första');
  });

  it('a lone common word far from the edges does not cut text out', () => {
    // "och" appears in both, but using it would drop more words than it matches.
    assert.equal(
      merge('vi pratade och sedan gick vi hem', 'nästa dag kom och hälsade på'),
      'vi pratade och sedan gick vi hem nästa dag kom och hälsade på',
    );
    const o = findWordOverlap(splitWords('a b och c d'), splitWords('e f och g'));
    assert.equal(o.shared, 0);
  });

  it('property: before+shared and shared+after merge to before+shared+after', () => {
    fc.assert(
      fc.property(threeRuns, ({ before, shared, after }) => {
        const merged = mergeWords([...before, ...shared], [...shared, ...after]);
        assert.deepEqual(merged, [...before, ...shared, ...after]);
      }),
    );
  });

  it('property: the repeat may differ in case and punctuation; the first spelling is kept', () => {
    fc.assert(
      fc.property(
        threeRuns,
        fc.array(fc.nat({ max: 15 }), { minLength: 20, maxLength: 20 }),
        (r, v) => {
          const again = r.shared.map((w, i) => respelled(w, v[i] as number));
          const merged = mergeWords([...r.before, ...r.shared], [...again, ...r.after]);
          assert.deepEqual(merged, [...r.before, ...r.shared, ...r.after]);
        },
      ),
    );
  });

  it('property: a word cut at either window edge is dropped when the shared run outweighs it', () => {
    fc.assert(
      fc.property(threeRuns, fc.boolean(), fc.boolean(), (r, cutEnd, cutStart) => {
        fc.pre(r.shared.length >= 2);
        const first = [...r.before, ...r.shared, ...(cutEnd ? ['xcut'] : [])];
        const second = [...(cutStart ? ['ycut'] : []), ...r.shared, ...r.after];
        assert.deepEqual(mergeWords(first, second), [...r.before, ...r.shared, ...r.after]);
      }),
    );
  });

  it('property: texts with no word in common are joined whole', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat({ max: 40 }), (x, y) => {
        const a = Array.from({ length: x }, (_, i) => `a${i}`);
        const b = Array.from({ length: y }, (_, i) => `b${i}`);
        assert.deepEqual(mergeWords(a, b), [...a, ...b]);
      }),
    );
  });

  it('property: only the edges can change; nothing outside them is lost or repeated', () => {
    const word = fc.constantFrom('och', 'jag', 'vill', 'att', 'det', 'är', 'en', 'på', 'hej');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 60 }), (a, b) => {
        const { keepFromPrevious, skipFromNext, shared } = findWordOverlap(a, b, 24);
        assert.ok(
          keepFromPrevious >= Math.max(0, a.length - 24),
          'keeps the earlier text up to its tail',
        );
        assert.ok(
          skipFromNext <= Math.min(b.length, 24),
          'drops at most the head of the later text',
        );
        const dropped = a.length - keepFromPrevious + skipFromNext;
        assert.ok(dropped <= 2 * shared, 'drops no more than it matched (twice: both copies)');
        const merged = mergeWords(a, b, 24);
        assert.deepEqual(merged.slice(0, keepFromPrevious), a.slice(0, keepFromPrevious));
        assert.deepEqual(merged.slice(keepFromPrevious), b.slice(skipFromNext));
      }),
    );
  });
});

describe('windows', () => {
  it('30 s windows overlapping by 5 s cover the audio; short audio is one window', () => {
    const s = 16_000;
    assert.deepEqual(planWindows(3 * s, 30 * s, 5 * s), [{ start: 0, end: 3 * s }]);
    assert.deepEqual(planWindows(0, 30 * s, 5 * s), [{ start: 0, end: 0 }]);
    assert.deepEqual(planWindows(40 * s, 30 * s, 5 * s), [
      { start: 0, end: 30 * s },
      { start: 25 * s, end: 40 * s },
    ]);
    assert.equal(planWindows(60 * s, 30 * s, 5 * s).length, 3);
    assert.deepEqual(ownedSpans(planWindows(40 * s, 30 * s, 5 * s)), [
      { start: 0, end: 27.5 * s },
      { start: 27.5 * s, end: 40 * s },
    ]);
  });

  it('property: consecutive windows overlap exactly, and the owned spans tile the audio', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5_000 }),
        fc.integer({ min: 2, max: 400 }),
        fc.nat(),
        (n, size, o) => {
          const overlap = o % size;
          const windows = planWindows(n, size, overlap);
          assert.equal(windows[0]?.start, 0);
          assert.equal(windows.at(-1)?.end, n);
          for (let i = 1; i < windows.length; i++)
            assert.equal(windows[i]!.start, windows[i - 1]!.end - overlap);
          const spans = ownedSpans(windows);
          for (let i = 1; i < spans.length; i++) assert.equal(spans[i]!.start, spans[i - 1]!.end);
        },
      ),
    );
  });
});

describe('streaming the transcript of overlapping windows', () => {
  /** Feeds each window's text word by word, as tokens would arrive. */
  function stream(windowTexts: string[], maxWords: number) {
    const transcript = new WindowTranscript(maxWords);
    let shown = '';
    windowTexts.forEach((text, window) => {
      const last = window === windowTexts.length - 1;
      const words = splitWords(text);
      for (let k = 1; k <= words.length; k++)
        shown += transcript.update(window, words.slice(0, k).join(' '), { done: false, last });
      shown += transcript.update(window, text, { done: true, last });
    });
    return { shown, text: transcript.text, transcript };
  }

  it('shows every word once, in order, ending with the merged text', () => {
    const windows = [
      'jag vill ansöka om bostadsbidrag för min',
      'bostadsbidrag för min familj eftersom vi har flyttat till',
      'flyttat till en större lägenhet',
    ];
    const { shown, text, transcript } = stream(windows, 4);
    assert.equal(
      text,
      'jag vill ansöka om bostadsbidrag för min familj eftersom vi har flyttat till en större lägenhet',
    );
    assert.equal(shown, text);
    assert.deepEqual(transcript.windowTexts(3), [
      'jag vill ansöka om bostadsbidrag för min',
      'familj eftersom vi har flyttat till',
      'en större lägenhet',
    ]);
  });

  it('holds back only the undecided words, and shows them once decided', () => {
    const t = new WindowTranscript(2);
    const notLast = { done: false, last: false };
    assert.equal(t.update(0, 'a b c d', notLast), 'a b', 'the last 2 words of window 0 wait');
    assert.equal(t.update(0, 'a b c d e', { done: true, last: false }), ' c');
    const last = { done: false, last: true };
    assert.equal(t.update(1, 'd e', last), '', 'window 1 has not shown where it joins yet');
    assert.equal(t.update(1, 'd e f', last), ' d e f', 'joined after "e": the rest flows');
    assert.equal(t.update(1, 'd e f g', last), ' g');
    assert.equal(t.update(1, 'd e f g', { done: true, last: true }), '');
    assert.equal(t.text, 'a b c d e f g');
  });

  it('property: the streamed text is always the final text, never a duplicate', () => {
    fc.assert(
      fc.property(
        fc.array(threeRuns, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (runs, maxWords) => {
          // Window i is run i's before+shared; window i+1 starts with that shared part again.
          const texts: string[] = [];
          const expected: string[] = [];
          let carry: string[] = [];
          runs.forEach((r, i) => {
            const tag = (w: string) => `${w}_${i}`;
            const shared = r.shared.slice(0, maxWords).map(tag);
            texts.push([...carry, ...r.before.map(tag), ...shared].join(' '));
            expected.push(...r.before.map(tag), ...shared);
            carry = shared;
          });
          texts.push(carry.join(' '));
          const { shown, text } = stream(texts, maxWords);
          assert.equal(text, expected.join(' '));
          assert.equal(shown, text);
        },
      ),
    );
  });
});
