// The regex subset agrees with ECMAScript RegExp (u flag, as ajv uses) on every string tried.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FORMAT_PATTERNS } from '../src/constraints/formats.js';
import { compilePattern } from '../src/constraints/regex/compile.js';
import { type Dfa, dfaStep } from '../src/constraints/regex/dfa-types.js';

function dfaOf(pattern: string): Dfa {
  const dfa = compilePattern(pattern);
  assert.notEqual(typeof dfa, 'string', `${pattern}: ${dfa as string}`);
  return dfa as Dfa;
}

function matches(dfa: Dfa, text: string): boolean {
  let q = dfa.start;
  for (const c of text) {
    q = dfaStep(dfa, q, c.codePointAt(0)!);
    if (q < 0) return false;
  }
  return dfa.accepting[q] === 1;
}

const SUPPORTED = [
  '^\\d{3} ?\\d{2}$',
  '^\\d{6}-\\d{4}$',
  '^(19|20)?\\d{6}[-+]?\\d{4}$',
  '^[A-ZÅÄÖ][a-zåäö]*$',
  'ab|^c|d$',
  '^(?:a|bc)+$',
  '^(?<year>\\d{2})x?$',
  '^[^0-9a]{1,3}$',
  '^a{2,}b{0,2}$',
  '^.\\..$',
  '^[\\d\\s-]+$',
  '^\\w+@\\S+$',
  '^[\\-+*]?\\x41\\u00e5\\u{1F600}?$',
  '^a*?b+?c??$',
  '[]',
  '^[^]$',
  '',
  '^$',
  'ä',
];

describe('regex subset', () => {
  it('matches exactly what RegExp matches', () => {
    const alphabet = fc.constantFrom(...'0123456789-+ abcxAZÅåä.@_\n😀'.split(/(?:)/u));
    for (const pattern of SUPPORTED) {
      const dfa = dfaOf(pattern);
      const re = new RegExp(pattern, 'u');
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 14 }), (chars) => {
          const text = chars.join('');
          assert.equal(matches(dfa, text), re.test(text), `${pattern} on ${JSON.stringify(text)}`);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('agrees on hand-picked Swedish examples', () => {
    const post = dfaOf('^\\d{3} ?\\d{2}$');
    for (const s of ['123 45', '12345']) assert.ok(matches(post, s));
    for (const s of ['1234', '123  45', '123-45', '123456']) assert.ok(!matches(post, s));
    const pnr = dfaOf('^\\d{6}-\\d{4}$');
    assert.ok(matches(pnr, '850101-1234'));
    assert.ok(!matches(pnr, '8501011234'));
  });

  it('date and email formats accept only what ajv-formats accepts', () => {
    const date = dfaOf(FORMAT_PATTERNS.date!);
    for (const s of ['2024-01-31', '1999-04-30', '2000-02-28', '2099-12-31'])
      assert.ok(matches(date, s), s);
    for (const s of [
      '2024-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '1899-01-01',
      '2024-1-01',
    ]) {
      assert.ok(!matches(date, s), s);
    }
    const email = dfaOf(FORMAT_PATTERNS.email!);
    for (const s of ['anna@example.se', 'a.b+c@d-e.kommun.se']) assert.ok(matches(email, s), s);
    for (const s of ['a..b@c.se', '.a@c.se', 'a@c', 'a@-c.se', 'a@c.s', 'a b@c.se'])
      assert.ok(!matches(email, s), s);
  });

  it('reports patterns outside the subset instead of guessing', () => {
    for (const pattern of [
      '(?=a)',
      '(?!a)',
      '(?<=a)',
      'a\\b',
      '\\1',
      '(a)\\1',
      'a(^b)',
      '[a-',
      '(a',
      'a{3,1}',
      'a**',
      '\\p{L}',
      'x{2000}',
    ]) {
      assert.equal(typeof compilePattern(pattern), 'string', pattern);
    }
  });
});
