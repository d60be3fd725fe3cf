import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rewriteMaxNewTokens, rewriteMessages } from '../src/rewriter/prompts.js';
import { pageLanguage, promptLanguageOf, supportsLanguages } from '../src/shared/language.js';
import { lengthBudget } from '../src/summarizer/options.js';
import { partMessages, summaryMessages } from '../src/summarizer/prompts.js';

const TEXT = 'Försäkringskassan har beviljat 1 500 kronor.';

describe('summary prompts', () => {
  it('come in Swedish and English, with the length budget and the text', () => {
    const base = {
      type: 'tldr',
      format: 'plain-text',
      budget: lengthBudget('tldr', 'medium'),
      text: TEXT,
    } as const;
    const sv = summaryMessages({ ...base, language: 'sv' });
    const en = summaryMessages({ ...base, language: 'en' });
    assert.equal(sv[0]!.role, 'system');
    assert.match(sv[0]!.content, /klarspråk/);
    assert.match(sv[0]!.content, /Svara på svenska/);
    assert.match(sv[1]!.content, /högst 3 meningar/);
    assert.match(en[0]!.content, /Answer in English/);
    assert.match(en[1]!.content, /at most 3 sentences/);
    for (const m of [sv, en]) assert.ok(m[1]!.content.endsWith(TEXT));
  });

  it('differ per type and length, and per format', () => {
    const prompts = new Set<string>();
    for (const type of ['tldr', 'teaser', 'key-points', 'headline'] as const)
      for (const length of ['short', 'medium', 'long'] as const)
        for (const format of ['plain-text', 'markdown'] as const)
          prompts.add(
            summaryMessages({
              language: 'sv',
              type,
              format,
              budget: lengthBudget(type, length),
              text: TEXT,
            })[1]!.content,
          );
    assert.equal(prompts.size, 4 * 3 * 2);
    const headline = summaryMessages({
      language: 'en',
      type: 'headline',
      format: 'plain-text',
      budget: lengthBudget('headline', 'short'),
      text: TEXT,
    });
    assert.match(headline[1]!.content, /at most 12 words/);
  });

  it('carry shared context and per-call context as background', () => {
    const m = summaryMessages({
      language: 'sv',
      type: 'key-points',
      format: 'markdown',
      budget: lengthBudget('key-points', 'short'),
      sharedContext: 'Ett beslut om bostadsbidrag.',
      context: 'Läsaren är 19 år.',
      text: TEXT,
    });
    assert.match(m[1]!.content, /Bakgrund: Ett beslut om bostadsbidrag\.\nLäsaren är 19 år\./);
    assert.match(m[1]!.content, /Punkter börjar med "- "/);
  });

  it('name the part in a long text', () => {
    const m = partMessages(
      { language: 'en', format: 'plain-text', text: TEXT },
      { index: 2, count: 5 },
    );
    assert.match(m[1]!.content, /part 2 of 5/);
    assert.match(m[1]!.content, /deadlines/);
  });
});

describe('rewrite prompts', () => {
  it('have a stronger lättläst level than klarspråk, in both languages', () => {
    const base = { tone: 'as-is', format: 'as-is', length: 'as-is', text: TEXT } as const;
    const klar = rewriteMessages({ ...base, language: 'sv', plainLanguage: 'klarspråk' })[1]!
      .content;
    const latt = rewriteMessages({ ...base, language: 'sv', plainLanguage: 'lättläst' })[1]!
      .content;
    assert.match(klar, /klarspråk/);
    assert.match(latt, /lättläst/);
    assert.match(latt, /mycket korta meningar/);
    const en = rewriteMessages({ ...base, language: 'en', plainLanguage: 'lättläst' })[1]!.content;
    assert.match(en, /easy-to-read/);
    assert.equal(
      rewriteMessages({ ...base, language: 'en' })[1]!.content.includes('plain language'),
      false,
    );
  });

  it('leave room for the rewrite by length', () => {
    assert.ok(rewriteMaxNewTokens(100, 'shorter') < rewriteMaxNewTokens(100, 'as-is'));
    assert.ok(rewriteMaxNewTokens(100, 'as-is') < rewriteMaxNewTokens(100, 'longer'));
  });
});

describe('languages', () => {
  it('maps tags to prompt languages, Swedish by default', () => {
    assert.equal(promptLanguageOf('en-GB'), 'en');
    assert.equal(promptLanguageOf('sv-SE'), 'sv');
    assert.equal(promptLanguageOf('fi'), undefined);
    assert.equal(pageLanguage(), 'sv', 'no document: Swedish');
  });

  it('checks requested languages against a model', () => {
    assert.ok(supportsLanguages(['sv', 'en'], ['sv-SE', 'en', undefined]));
    assert.ok(!supportsLanguages(['sv', 'en'], ['fi']));
    assert.ok(supportsLanguages(['mul'], ['fi']));
  });
});
