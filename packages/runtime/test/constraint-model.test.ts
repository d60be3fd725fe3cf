// End to end: the random-weight tiny Llama fixture, transformers.js generate() with a logits
// processor that applies the constraint (what the runtime's loop does), greedy and sampled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  env,
  LogitsProcessor,
  LogitsProcessorList,
  type PreTrainedModel,
  type Tensor,
} from '@huggingface/transformers';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  buildTokenVocabulary,
  createJsonSchemaConstraint,
  type TokenConstraint,
} from '../src/constraints/index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Feeds the tokens generated since the last call to the constraint, then masks the logits. */
class ConstraintProcessor extends LogitsProcessor {
  private readonly mask: Uint8Array;

  constructor(
    private readonly constraint: TokenConstraint,
    private seen: number,
    size: number,
  ) {
    super();
    this.mask = new Uint8Array(size);
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    const ids = inputIds[0]!;
    for (; this.seen < ids.length; this.seen++) this.constraint.advance(Number(ids[this.seen]));
    this.constraint.allowedTokens(this.mask);
    const data = logits.data as Float32Array;
    for (let i = 0; i < data.length; i++)
      if (this.mask[i] === 0) data[i] = Number.NEGATIVE_INFINITY;
    return logits;
  }
}

const schema = {
  type: 'object',
  properties: {
    namn: { type: 'string', maxLength: 20 },
    postnummer: { type: 'string', pattern: '^\\d{3} ?\\d{2}$' },
    personnummer: { type: 'string', pattern: '^\\d{6}-\\d{4}$' },
    född: { type: 'string', format: 'date' },
    epost: { type: 'string', format: 'email', maxLength: 30 },
    kommun: { enum: ['Stockholm', 'Göteborg', 'Malmö'] },
    barn: { type: 'integer', minimum: 0, maximum: 12 },
    samtycke: { type: 'boolean' },
  },
  required: ['namn', 'postnummer', 'samtycke'],
};

describe('constraint with a real (random-weight) model', () => {
  it('greedy and sampled generations are valid JSON for the schema', async () => {
    env.localModelPath = fileURLToPath(new URL('../../../models/fixtures/', import.meta.url));
    env.allowRemoteModels = false;
    const tokenizer = await AutoTokenizer.from_pretrained('klar-tiny-llama');
    const model = (await AutoModelForCausalLM.from_pretrained('klar-tiny-llama', {
      dtype: 'fp32',
    })) as PreTrainedModel;
    const vocabulary = buildTokenVocabulary(tokenizer, {
      vocabularySize: 512,
      eosTokenIds: [511, 509],
    });
    const validate = addFormats(new Ajv({ strict: false })).compile(schema);
    for (const doSample of [false, true, true]) {
      const inputs = tokenizer('Fyll i formuläret: ');
      const prompt = inputs.input_ids.dims[1] as number;
      const constraint = createJsonSchemaConstraint(schema, vocabulary);
      const processors = new LogitsProcessorList();
      processors.push(new ConstraintProcessor(constraint, prompt, 512));
      const out = (await model.generate({
        ...inputs,
        max_new_tokens: 300,
        do_sample: doSample,
        logits_processor: processors,
      })) as Tensor;
      const ids = (out.tolist() as bigint[][])[0]!.map(Number).slice(prompt);
      const text = tokenizer.decode(ids, { skip_special_tokens: true });
      assert.ok(constraint.isComplete(), text);
      assert.equal(text, constraint.text());
      const value: unknown = JSON.parse(text);
      assert.ok(validate(value), `${text} ${JSON.stringify(validate.errors)}`);
    }
    await model.dispose();
  });
});
