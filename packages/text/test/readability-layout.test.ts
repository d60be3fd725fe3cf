/**
 * LIX must not depend on layout: the same text as clean paragraphs and as it comes out of a
 * PDF (hard-wrapped lines, words hyphenated across line breaks, blank lines between wrapped
 * lines) gives LIX within 1, in Swedish and English.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lix, readability, segmentSentences, segmentWords } from '../src/index.js';
import { OFFICIAL_PROSE } from './fixtures/official-prose.js';

interface WrapOptions {
  readonly width: number;
  /** Split long words at the line end with a hyphen, as PDF typesetting does. */
  readonly hyphenate: boolean;
  /** Line separator inside a paragraph: '\n' or '\n\n' (PDF copies with blank lines). */
  readonly lineBreak: string;
  /** Paragraph separator. */
  readonly paragraphBreak: string;
}

/** Greedy hard wrap of each paragraph; long words are hyphenated across the line break. */
function wrap(text: string, options: WrapOptions): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (candidate.length <= options.width) {
          line = candidate;
          continue;
        }
        const room = options.width - line.length - 2;
        if (options.hyphenate && /^\p{L}{9,}/u.test(word) && room >= 4) {
          const cut = Math.min(room, word.length - 4);
          lines.push(`${line ? `${line} ` : ''}${word.slice(0, cut)}-`);
          line = word.slice(cut);
          continue;
        }
        if (line) lines.push(line);
        line = word;
      }
      if (line) lines.push(line);
      return lines.join(options.lineBreak);
    })
    .join(options.paragraphBreak);
}

const LAYOUTS: Record<string, WrapOptions> = {
  'PDF lines, 72 wide': { width: 72, hyphenate: false, lineBreak: '\n', paragraphBreak: '\n\n' },
  'PDF lines, hyphenated, 60 wide': {
    width: 60,
    hyphenate: true,
    lineBreak: '\n',
    paragraphBreak: '\n\n',
  },
  'blank line between wrapped lines, hyphenated': {
    width: 66,
    hyphenate: true,
    lineBreak: '\n\n',
    paragraphBreak: '\n\n\n',
  },
  'narrow column, CRLF': {
    width: 45,
    hyphenate: true,
    lineBreak: '\r\n',
    paragraphBreak: '\r\n\r\n',
  },
};

describe('LIX does not depend on layout', () => {
  for (const { id, locale, text } of OFFICIAL_PROSE) {
    for (const [layout, options] of Object.entries(LAYOUTS)) {
      it(`${id} (${locale}): ${layout}`, () => {
        const clean = readability(text, { locale });
        const wrapped = readability(wrap(text, options), { locale });
        assert.ok(
          Math.abs(clean.lix - wrapped.lix) < 1,
          `clean ${clean.lix.toFixed(2)} (${clean.words} words, ${clean.sentences} sentences) vs wrapped ${wrapped.lix.toFixed(2)} (${wrapped.words} words, ${wrapped.sentences} sentences)`,
        );
        assert.equal(wrapped.words, clean.words, 'hyphenated words count once');
      });
    }
  }
});

describe('wrapped lines and hyphenation', () => {
  it('a word hyphenated across a line break is one word, with a blank line between too', () => {
    for (const text of [
      'Vi har fått din ansök-\nningen i dag.',
      'Vi har fått din ansök-\n\nningen i dag.',
    ]) {
      const words = segmentWords(text).map((w) => w.text.replace(/-\s+/u, '-'));
      assert.deepEqual(words, ['Vi', 'har', 'fått', 'din', 'ansök-ningen', 'i', 'dag']);
    }
    assert.equal(lix('Ansök-\r\nningen kom in.'), lix('Ansökningen kom in.'));
    assert.equal(readability('Ansök\u00adningen kom in.').words, 3, 'soft hyphen');
  });

  it('a hyphen before a capitalised line is a real break ("och/eller-" lists stay apart)', () => {
    assert.equal(segmentWords('Kontakta Skatte-\nVerket').length, 3);
  });

  it('keeps headings, list items and paragraphs without a full stop apart', () => {
    const text =
      'Beslut om bostadsbidrag\n\nFörsäkringskassan har beslutat att du får bostadsbidrag.\n\nDu behöver skicka in\n- lönebesked\n- hyresavtal\n\nSå ansöker du\nDu ansöker på webben.';
    assert.deepEqual(
      segmentSentences(text).map((s) => s.text),
      [
        'Beslut om bostadsbidrag',
        'Försäkringskassan har beslutat att du får bostadsbidrag.',
        'Du behöver skicka in',
        '- lönebesked',
        '- hyresavtal',
        'Så ansöker du',
        'Du ansöker på webben.',
      ],
    );
  });

  it('joins a PDF line that wraps before a capitalised name', () => {
    const text =
      'Beslutet har fattats av handläggare på enheten för bostadsbidrag hos\nFörsäkringskassan i Östersund efter en utredning av ärendet och dina\nuppgifter. Du kan begära omprövning hos Försäkringskassan inom två\nmånader från den dag du fick del av beslutet om du inte är nöjd.';
    assert.equal(segmentSentences(text).length, 2);
  });
});
