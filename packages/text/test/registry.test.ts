import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  builtInRegistry,
  createPatternRecognizer,
  createRecognizerRegistry,
  createTokenClassificationRecognizer,
  detectPersonalData,
  detectPersonalDataAsync,
  isKlarTextError,
  mask,
} from '../src/index.js';
import { insertDash, typesOf, withCheckDigit } from './helpers.js';

const PNR = insertDash(withCheckDigit('19850312', '123'));
const caseNumber = () =>
  createPatternRecognizer({
    id: 'fk-case-number',
    type: 'case-number',
    pattern: /\bFK \d{4}-\d{6}\b/,
    contextWords: ['ärende'],
    labels: { sv: 'ÄRENDENUMMER', en: 'CASE NUMBER' },
  });

describe('recogniser registry', () => {
  it('runs custom patterns next to the built-ins', () => {
    const registry = createRecognizerRegistry();
    registry.register(caseNumber());
    const spans = registry.detect(`Ärende FK 2024-123456 gäller ${PNR}.`);
    assert.deepEqual(typesOf(spans), ['case-number', 'personnummer']);
    assert.equal(spans[0]!.text, 'FK 2024-123456');
    assert.ok(spans[0]!.confidence > 0.8, 'context word raises confidence');
  });

  it('labels custom types in placeholders', () => {
    const registry = createRecognizerRegistry({ builtIns: false });
    registry.register(caseNumber());
    const masked = mask('Se FK 2024-123456.', { registry, operator: 'pseudonymize' });
    assert.equal(masked.text, 'Se [ÄRENDENUMMER 1].');
    assert.equal(masked.restore('Svar om [CASE NUMBER 1]'), 'Svar om FK 2024-123456');
  });

  it('has no shared mutable default: the built-in registry is read-only, yours is explicit', () => {
    assert.throws(
      () => builtInRegistry().register(caseNumber()),
      (e) => isKlarTextError(e, 'invalid-option'),
    );
    const registry = createRecognizerRegistry({ recognizers: [caseNumber()] });
    const remove = () => registry.unregister('fk-case-number');
    assert.deepEqual(typesOf(detectPersonalData('FK 2024-123456', { registry })), ['case-number']);
    // Another registry, and the default path, never see it.
    assert.deepEqual(detectPersonalData('FK 2024-123456'), []);
    assert.deepEqual(createRecognizerRegistry().detect('FK 2024-123456'), []);
    assert.ok(remove());
    assert.deepEqual(detectPersonalData('FK 2024-123456', { registry }), []);
  });

  it('keeps no context between detections or registries', () => {
    const a = createRecognizerRegistry({ builtIns: false });
    a.register(
      createPatternRecognizer({
        id: 'ticket',
        type: 'ticket',
        pattern: /\bT-\d{4}\b/,
        contextWords: ['biljett'],
        confidence: 0.5,
      }),
    );
    const long = `${'ord '.repeat(2000)}biljett T-1234 ${'ord '.repeat(2000)}T-5678`;
    const spans = a.detect(long);
    assert.deepEqual(
      spans.map((s) => s.confidence),
      [0.65, 0.5],
    );
    // Same answer again, and for the short text the index was never shared.
    assert.deepEqual(a.detect(long), spans);
    assert.equal(a.detect('biljett T-1111')[0]!.confidence, 0.65);
    assert.equal(a.detect('T-1111')[0]!.confidence, 0.5);
  });

  it('rejects broken and duplicate recognisers with typed errors', () => {
    const registry = createRecognizerRegistry();
    assert.throws(
      () => registry.register(caseNumber()) && registry.register(caseNumber()),
      (e) => isKlarTextError(e, 'duplicate-recognizer'),
    );
    assert.throws(
      () => registry.register({ id: 'x', types: ['x'] } as never),
      (e) => isKlarTextError(e, 'invalid-recognizer'),
    );
    assert.throws(
      () => registry.register({ id: '', types: [], detect: () => [] }),
      (e) => isKlarTextError(e, 'invalid-recognizer'),
    );
  });

  it('filters by type, confidence and validity', () => {
    const text = `Ring 070-123 45 67 om ${PNR} eller ${insertDash(withCheckDigit('850312', '124')).replace(/\d$/, (d) => String((Number(d) + 1) % 10))}.`;
    assert.deepEqual(typesOf(detectPersonalData(text, { types: ['phone'] })), ['phone']);
    assert.ok(detectPersonalData(text).some((span) => !span.valid));
    assert.ok(detectPersonalData(text, { includeInvalid: false }).every((span) => span.valid));
    assert.ok(
      detectPersonalData(text, { minConfidence: 0.8 }).every((span) => span.confidence >= 0.8),
    );
  });

  it('gives the same spans and confidences for short and long texts', () => {
    // Short texts check context words by slicing, long ones through a shared index.
    const line = `Personnummer ${PNR}, ring 070-123 45 67 eller mejla a@b.se. Bankgiro 5050-1055. `;
    const short = detectPersonalData(line);
    const long = detectPersonalData(line.repeat(200));
    assert.ok(line.repeat(200).length > 4096);
    const strip = (spans: typeof short) =>
      spans.map(({ type, text, confidence, valid }) => ({ type, text, confidence, valid }));
    assert.deepEqual(strip(long.slice(0, short.length)), strip(short));
    assert.deepEqual(strip(long.slice(-short.length)), strip(short));
  });

  it('resolves overlaps deterministically: higher confidence wins, then longer', () => {
    const registry = createRecognizerRegistry({ builtIns: false });
    registry.register(
      createPatternRecognizer({ id: 'short', type: 'a', pattern: /abc/, confidence: 0.9 }),
    );
    registry.register(
      createPatternRecognizer({ id: 'long', type: 'b', pattern: /abcdef/, confidence: 0.5 }),
    );
    registry.register(
      createPatternRecognizer({ id: 'tie-long', type: 'c', pattern: /xyz12/, confidence: 0.7 }),
    );
    registry.register(
      createPatternRecognizer({ id: 'tie-short', type: 'd', pattern: /xyz/, confidence: 0.7 }),
    );
    const spans = registry.detect('abcdef xyz12');
    assert.deepEqual(typesOf(spans), ['a', 'c']);
    assert.deepEqual(registry.detect('abcdef xyz12'), spans, 'same input, same output');
  });
});

describe('async plug-in recognisers', () => {
  const fakeModel = createTokenClassificationRecognizer({
    classify: async (text) => {
      const at = text.indexOf('Anna Berg');
      const city = text.indexOf('Kiruna');
      return [
        ...(at >= 0 ? [{ start: at, end: at + 9, label: 'B-PER', score: 0.97 }] : []),
        ...(city >= 0 ? [{ start: city, end: city + 6, label: 'LOC', score: 0.91 }] : []),
        { start: 0, end: 1, label: 'MISC', score: 0.99 },
      ];
    },
  });

  it('detect() skips them, detectAsync() merges them with the rules', async () => {
    const registry = createRecognizerRegistry();
    registry.unregister('se-person-name-rules'); // so only the model finds names here
    registry.register(fakeModel);
    const text = `Anna Berg i Kiruna har personnummer ${PNR}.`;
    assert.deepEqual(typesOf(registry.detect(text)), ['personnummer']);
    const spans = await registry.detectAsync(text);
    assert.deepEqual(typesOf(spans), ['person-name', 'place', 'personnummer']);
    const masked = mask(text, { spans, operator: 'pseudonymize' });
    assert.equal(masked.text, '[NAMN 1] i [PLATS 1] har personnummer [PERSONNUMMER 1].');
    assert.equal(masked.restore(masked.text), text);
  });

  it('joins the pieces of one name and skips entities without offsets', async () => {
    const text = 'Hej Anna Berg och Per.';
    const recognizer = createTokenClassificationRecognizer({
      classify: async () => [
        { start: 4, end: 8, label: 'B-PER', score: 0.9 },
        { start: 9, end: 11, label: 'I-PER', score: 0.8 },
        { start: 11, end: 13, label: 'I-PER', score: 0.95 },
        { start: 18, end: 21, label: 'B-PER', score: 0.9 },
        { start: Number.NaN, end: 3, label: 'B-PER', score: 0.9 },
      ],
    });
    const spans = await recognizer.detectAsync(text);
    assert.deepEqual(
      spans.map((span) => [text.slice(span.start, span.end), span.confidence]),
      [
        ['Anna Berg', 0.8],
        ['Per', 0.9],
      ],
    );
  });

  it('wraps a failing plug-in and bad spans in KlarTextError', async () => {
    const registry = createRecognizerRegistry();
    registry.register({
      id: 'broken',
      types: ['x'],
      detectAsync: async () => Promise.reject(new Error('model gone')),
    });
    await assert.rejects(
      registry.detectAsync('hej'),
      (e) => isKlarTextError(e, 'recognizer-failed') && /broken/.test(e.message),
    );
    const other = createRecognizerRegistry();
    other.register({
      id: 'outside',
      types: ['x'],
      detectAsync: async () => [{ start: 0, end: 99, type: 'x', confidence: 1, valid: true }],
    });
    await assert.rejects(other.detectAsync('hej'), (e) => isKlarTextError(e, 'recognizer-failed'));
  });

  it('stops with a typed error when the signal fires', async () => {
    const registry = createRecognizerRegistry();
    const controller = new AbortController();
    registry.register({
      id: 'slow-model',
      types: ['person-name'],
      detectAsync: async () => {
        controller.abort();
        return [];
      },
    });
    await assert.rejects(registry.detectAsync('hej', { signal: controller.signal }), (e) =>
      isKlarTextError(e, 'aborted'),
    );
  });

  it('detectPersonalDataAsync uses the default registry', async () => {
    const spans = await detectPersonalDataAsync(`pnr ${PNR}`);
    assert.deepEqual(typesOf(spans), ['personnummer']);
  });
});
