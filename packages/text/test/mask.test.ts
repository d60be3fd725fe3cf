import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectPersonalData, isKlarTextError, mask, Pseudonymizer } from '../src/index.js';
import { insertDash, withCheckDigit } from './helpers.js';

const PNR = insertDash(withCheckDigit('19900101', '001'));
const OTHER = insertDash(withCheckDigit('19851224', '234'));
const TEXT = `Anna har ${PNR} och tel 070-123 45 67. Hennes bror har ${OTHER}. Anna skrev ${PNR} igen, mejl anna@example.se.`;

describe('mask operators', () => {
  it('placeholder: typed, numbered, consistent for the same value, one-way', () => {
    const result = mask(TEXT);
    assert.equal(
      result.text,
      'Anna har [PERSONNUMMER 1] och tel [TELEFONNUMMER 1]. Hennes bror har [PERSONNUMMER 2]. Anna skrev [PERSONNUMMER 1] igen, mejl [E-POST 1].',
    );
    assert.equal(result.mapping, undefined);
    assert.equal(result.restore(result.text), result.text);
  });

  it('placeholder labels in English', () => {
    assert.match(mask(TEXT, { locale: 'en' }).text, /\[PERSONAL ID 1\].*\[PHONE 1\].*\[EMAIL 1\]/);
  });

  it('partial: keeps the birth date, hides the rest', () => {
    const result = mask(`Pnr ${PNR}, tel 070-123 45 67, anna@example.se`, { operator: 'partial' });
    assert.equal(result.text, `Pnr ${PNR.slice(0, 9)}****, tel 070-*** ** 67, a***@example.se`);
  });

  it('redact: removes values without leaking type or length', () => {
    const result = mask(TEXT, { operator: 'redact' });
    assert.ok(!result.text.includes(PNR));
    assert.equal(result.text.match(/\[MASKERAT\]/g)?.length, 5);
    assert.match(mask(TEXT, { operator: 'redact', locale: 'en' }).text, /\[REDACTED\]/);
  });

  it('pseudonymize: restore gives back the original exactly', () => {
    const result = mask(TEXT, { operator: 'pseudonymize' });
    assert.equal(result.restore(result.text), TEXT);
    assert.equal(result.mapping?.get('[PERSONNUMMER 1]'), PNR);
    assert.equal(result.mapping?.get('[PERSONNUMMER 2]'), OTHER);
  });

  it('restore works on new text carrying the placeholders, including mangled ones', () => {
    const result = mask(TEXT, { operator: 'pseudonymize' });
    const modelAnswer =
      'Svar: [PERSONNUMMER 2] och [personnummer_1], ring <TELEFONNUMMER 1> eller [Telefonnummer1], skriv {E POST 1}; [PERSONAL ID 2]; [PERSONNUMMER 9] finns inte.';
    assert.equal(
      result.restore(modelAnswer),
      `Svar: ${OTHER} och ${PNR}, ring 070-123 45 67 eller 070-123 45 67, skriv anna@example.se; ${OTHER}; [PERSONNUMMER 9] finns inte.`,
    );
  });

  it('spans report where each replacement landed', () => {
    const result = mask(TEXT, { operator: 'pseudonymize' });
    for (const span of result.spans) {
      assert.equal(result.text.slice(span.maskedStart, span.maskedEnd), span.replacement);
      assert.equal(TEXT.slice(span.start, span.end), span.text);
    }
  });

  it('never reuses a placeholder already written in the input', () => {
    const input = `Mallen säger [PERSONNUMMER 1] men riktiga är ${PNR}.`;
    const result = mask(input, { operator: 'pseudonymize' });
    assert.equal(result.text, 'Mallen säger [PERSONNUMMER 1] men riktiga är [PERSONNUMMER 2].');
    assert.equal(result.restore(result.text), input);
  });

  it('a Pseudonymizer keeps numbering across messages of one conversation', () => {
    const pseudonymizer = new Pseudonymizer();
    const first = mask(`Jag har ${PNR}.`, { operator: 'pseudonymize', pseudonymizer });
    const second = mask(`Min bror har ${OTHER}, jag har ${PNR}.`, {
      operator: 'pseudonymize',
      pseudonymizer,
    });
    assert.equal(first.text, 'Jag har [PERSONNUMMER 1].');
    assert.equal(second.text, 'Min bror har [PERSONNUMMER 2], jag har [PERSONNUMMER 1].');
    assert.equal(pseudonymizer.restore('[PERSONNUMMER 2]/[PERSONNUMMER 1]'), `${OTHER}/${PNR}`);
    pseudonymizer.clear();
    assert.equal(pseudonymizer.restore('[PERSONNUMMER 1]'), '[PERSONNUMMER 1]');
  });

  it('masks only the requested types', () => {
    const result = mask(TEXT, { types: ['email'] });
    assert.ok(result.text.includes(PNR));
    assert.ok(result.text.includes('[E-POST 1]'));
  });

  it('accepts given spans and resolves their overlaps', () => {
    const spans = detectPersonalData(TEXT);
    const overlapping = [
      ...spans,
      { ...spans[0]!, start: spans[0]!.start + 1, end: spans[0]!.end + 2 },
    ];
    const result = mask(TEXT, { spans: overlapping, operator: 'pseudonymize' });
    assert.equal(result.restore(result.text), TEXT);
    assert.throws(
      () => mask('kort', { spans: [{ ...spans[0]! }] }),
      (e) => isKlarTextError(e, 'invalid-input'),
    );
  });

  it('rejects an unknown operator', () => {
    assert.throws(
      () => mask('x', { operator: 'shred' as never }),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
  });
});
