import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  CountTokensRequest,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
} from '@klar/runtime';
import {
  buildFormFillRequest,
  documentMatchesSchema,
  type FormDescription,
  formJsonSchema,
  parseFormFillAnswer,
  proposeFormValues,
  valueMatchesSchema,
} from '../src/form-fill/index.js';
import type { TaskEngine } from '../src/shared/types.js';

const FORM: FormDescription = {
  title: 'Ansökan om bostadsbidrag',
  fields: [
    { name: 'namn', label: 'Namn', type: 'text', required: true },
    { name: 'pnr', label: 'Personnummer', type: 'text', pattern: '\\d{8}-\\d{4}', required: true },
    { name: 'epost', label: 'E-post', type: 'email' },
    { name: 'telefon', label: 'Telefon', type: 'tel' },
    {
      name: 'kommun',
      label: 'Kommun',
      type: 'choice',
      options: [
        { value: 'malmo', label: 'Malmö' },
        { value: 'lund', label: 'Lund' },
      ],
    },
    { name: 'antal', label: 'Antal barn', type: 'integer', min: 0, max: 20 },
    { name: 'datum', label: 'Inflyttningsdatum', type: 'date' },
    { name: 'samtycke', label: 'Jag vill ha svar via e-post', type: 'boolean' },
    { name: 'ovrigt', label: 'Övrigt', type: 'textarea', maxLength: 200 },
    { name: 'adress', label: 'Adress', type: 'text', filled: true },
  ],
};

const STORY =
  'Jag heter Anna Svensson, personnummer 19121212-1212, och bor i Malmö med två barn. ' +
  'Vi flyttade in 2026-04-01. Mejla mig på anna.svensson@example.se.';

const prompt = (r: { messages: readonly { content: string }[] }) =>
  r.messages.map((m) => m.content).join('\n');

describe('form fill: schema', () => {
  it('derives one property per open field, typed, with enums, patterns, bounds and caps', () => {
    const schema = formJsonSchema(FORM);
    assert.deepEqual(Object.keys(schema.properties), [
      'namn',
      'pnr',
      'epost',
      'telefon',
      'kommun',
      'antal',
      'datum',
      'samtycke',
      'ovrigt',
    ]);
    assert.deepEqual(schema.required, ['namn', 'pnr']);
    assert.equal(schema.properties.pnr!.pattern, '^(?:\\d{8}-\\d{4})$');
    assert.equal(schema.properties.epost!.format, 'email');
    assert.deepEqual(schema.properties.kommun!.enum, ['malmo', 'lund', null]);
    assert.deepEqual(schema.properties.antal!.type, ['integer', 'null']);
    assert.equal(schema.properties.antal!.maximum, 20);
    assert.equal(schema.properties.ovrigt!.maxLength, 120, 'long free text is capped');
    assert.equal(schema.properties.namn!.maxLength, 60, 'default cap');
    assert.equal(schema.additionalProperties, false);
  });

  it('validates values and whole answers against it', () => {
    const schema = formJsonSchema(FORM);
    assert.ok(documentMatchesSchema({ namn: 'A', pnr: null }, schema));
    assert.ok(!documentMatchesSchema({ namn: 'A' }, schema), 'required key missing');
    assert.ok(!documentMatchesSchema({ namn: 'A', pnr: '123' }, schema), 'pattern');
    assert.ok(!documentMatchesSchema({ namn: 'A', pnr: null, kommun: 'umea' }, schema), 'enum');
    assert.ok(
      !documentMatchesSchema({ namn: 'A', pnr: null, adress: 'x' }, schema),
      'filled field',
    );
    assert.ok(valueMatchesSchema(3, schema.properties.antal!));
    assert.ok(!valueMatchesSchema(2.5, schema.properties.antal!), 'integer');
    assert.ok(!valueMatchesSchema(21, schema.properties.antal!), 'maximum');
    assert.ok(!valueMatchesSchema('2026-13-45', schema.properties.datum!), 'date');
    assert.ok(!valueMatchesSchema('anna@', schema.properties.epost!), 'email');
  });
});

describe('form fill: request', () => {
  it('masks identifiers and lets identifier fields take only fitting placeholders', () => {
    const request = buildFormFillRequest(STORY, FORM, 'sv');
    const text = prompt(request);
    assert.ok(!text.includes('1212-1212') && !text.includes('anna.svensson@example.se'), text);
    assert.match(text, /\[PERSONNUMMER 1\]/);
    const pnr = request.schema.properties.pnr!.enum as unknown[];
    const epost = request.schema.properties.epost!.enum as unknown[];
    assert.deepEqual(pnr, ['[PERSONNUMMER 1]', null]);
    assert.equal(epost.length, 2);
    assert.ok(String(epost[0]).startsWith('[E-POST'), String(epost[0]));
    assert.equal(request.schema.properties.telefon!.enum, undefined, 'no phone in the text');
    assert.ok(!text.includes('adress'), 'a filled field is not asked about');
    assert.match(text, /Formulärets fält/);
    assert.equal(request.restore('[PERSONNUMMER 1]'), '19121212-1212');
  });

  it('writes the prompt in the requested language, and compact leaves the field list out', () => {
    const en = buildFormFillRequest('I live in Lund.', FORM, 'en');
    assert.match(prompt(en), /You help a person fill in/);
    assert.match(prompt(en), /The form's fields:/);
    assert.doesNotMatch(prompt(en), /Formulärets/);
    const compact = buildFormFillRequest('Jag bor i Lund.', FORM, 'sv', { compact: true });
    assert.doesNotMatch(prompt(compact), /Formulärets fält/);
    assert.deepEqual(compact.schema, buildFormFillRequest('Jag bor i Lund.', FORM, 'sv').schema);
    assert.ok(compact.maxNewTokens > 0 && compact.maxNewTokens <= 2048);
  });

  it('keeps only valid answers for open fields, with identifiers restored', () => {
    const { restore } = buildFormFillRequest(STORY, FORM, 'sv');
    const values = parseFormFillAnswer(
      JSON.stringify({
        namn: 'Anna Svensson',
        pnr: '[PERSONNUMMER 1]',
        kommun: 'umea',
        antal: 2,
        datum: '2026-02-30x',
        samtycke: false,
        ovrigt: null,
        adress: 'Storgatan 1',
        extra: 'x',
      }),
      FORM,
      restore,
    );
    assert.deepEqual(values, { namn: 'Anna Svensson', pnr: '19121212-1212', antal: 2 });
    assert.deepEqual(parseFormFillAnswer('not json', FORM, restore), {});
    assert.deepEqual(parseFormFillAnswer('[1,2]', FORM, restore), {});
  });
});

/** A stand-in engine: tokens ≈ characters / 2, answers from a function of the request. */
class FakeEngine implements TaskEngine {
  readonly generated: GenerateRequest[] = [];
  readonly counted: CountTokensRequest[] = [];
  constructor(
    private readonly contextLength: number,
    private readonly answer: (r: GenerateRequest) => unknown,
    private readonly runtimeLimitChars = Number.POSITIVE_INFINITY,
  ) {}
  async countTokens(request: CountTokensRequest) {
    this.counted.push(request);
    const chars = (request.messages ?? []).reduce((n, m) => n + m.content.length + 8, 0);
    return { tokens: Math.ceil(chars / 2), contextLength: this.contextLength, model: 'fake/lm' };
  }
  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    if (options.signal?.aborted)
      throw Object.assign(new Error('stopped'), { name: 'KlarError', code: 'aborted' });
    this.generated.push(request);
    const chars = prompt({ messages: request.messages ?? [] }).length;
    if (chars > this.runtimeLimitChars)
      throw Object.assign(new Error('too long'), { name: 'KlarError', code: 'input-too-long' });
    return {
      text: JSON.stringify(this.answer(request)),
      tokenIds: [],
      promptTokens: 0,
      finishReason: 'eos',
      backend: 'wasm',
      model: 'fake/lm',
    };
  }
  load: TaskEngine['load'] = async () => ({ model: 'fake/lm', backend: 'wasm', dtype: 'q4' });
  describe: TaskEngine['describe'] = async (task) => ({
    task,
    availability: 'available',
    downloadBytes: 0,
    totalBytes: 0,
    stored: true,
  });
}

const placeholder = (r: GenerateRequest, name: string) =>
  ((r.constraint!.schema.properties as Record<string, { enum?: unknown[] }>)[name]!.enum ?? [])[0];

describe('form fill: proposeFormValues', () => {
  it('proposes checked values under a JSON-schema constraint, greedy, with the model named', async () => {
    const engine = new FakeEngine(4096, (r) => ({
      namn: 'Anna Svensson',
      pnr: placeholder(r, 'pnr'),
      epost: placeholder(r, 'epost'),
      kommun: 'malmo',
      antal: 2,
      datum: '2026-04-01',
      samtycke: true,
    }));
    const result = await proposeFormValues({
      form: FORM,
      text: STORY,
      engine,
      outputLanguage: 'sv',
    });
    assert.deepEqual(result.values, {
      namn: 'Anna Svensson',
      pnr: '19121212-1212',
      epost: 'anna.svensson@example.se',
      kommun: 'malmo',
      antal: 2,
      datum: '2026-04-01',
      samtycke: true,
    });
    assert.equal(result.model, 'fake/lm');
    assert.equal(result.compact, false);
    const request = engine.generated[0]!;
    assert.equal(request.constraint?.type, 'json-schema');
    assert.equal(request.sampling?.temperature, 0);
    assert.ok(engine.counted.length >= 1, 'sized with the tokenizer');
  });

  it('drops the field list when the full prompt does not fit the context', async () => {
    const full = buildFormFillRequest(STORY, FORM, 'sv');
    const fullTokens = Math.ceil(full.messages.reduce((n, m) => n + m.content.length + 8, 0) / 2);
    const engine = new FakeEngine(fullTokens + 40, () => ({ namn: 'Anna' }));
    const result = await proposeFormValues({ form: FORM, text: STORY, engine });
    assert.equal(result.compact, true);
    assert.doesNotMatch(prompt({ messages: engine.generated[0]!.messages! }), /Formulärets fält/);
    assert.deepEqual(result.values, { namn: 'Anna' });
  });

  it('refuses with input-too-long, requested and quota, before generating, when nothing fits', async () => {
    const engine = new FakeEngine(64, () => ({}));
    await assert.rejects(
      proposeFormValues({ form: FORM, text: STORY.repeat(5), engine }),
      (error: { code?: string; requested?: number; quota?: number }) => {
        assert.equal(error.code, 'input-too-long');
        assert.equal(error.quota, 64);
        assert.ok((error.requested ?? 0) > 64);
        return true;
      },
    );
    assert.equal(engine.generated.length, 0);
  });

  it('retries once without the field list when the runtime says input-too-long', async () => {
    const compactChars = prompt(buildFormFillRequest(STORY, FORM, 'sv', { compact: true })).length;
    const engine = new FakeEngine(100_000, () => ({ kommun: 'malmo' }), compactChars + 5);
    const result = await proposeFormValues({ form: FORM, text: STORY, engine });
    assert.equal(engine.generated.length, 2);
    assert.equal(result.compact, true);
    assert.deepEqual(result.values, { kommun: 'malmo' });
  });

  it('follows the output language, and stops when aborted', async () => {
    const engine = new FakeEngine(4096, () => ({}));
    await proposeFormValues({
      form: FORM,
      text: 'I live in Lund.',
      engine,
      outputLanguage: 'en-GB',
    });
    assert.match(prompt({ messages: engine.generated[0]!.messages! }), /You help a person/);
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(
      proposeFormValues({ form: FORM, text: STORY, engine, signal: abort.signal }),
      (error: { code?: string }) => error.code === 'aborted',
    );
  });

  it('asks nothing for an empty description or a form without open fields', async () => {
    const engine = new FakeEngine(4096, () => ({ namn: 'x' }));
    assert.deepEqual((await proposeFormValues({ form: FORM, text: '  ', engine })).values, {});
    const filled = { fields: FORM.fields.map((f) => ({ ...f, filled: true })) };
    assert.deepEqual((await proposeFormValues({ form: filled, text: STORY, engine })).values, {});
    assert.equal(engine.generated.length, 0);
  });
});
