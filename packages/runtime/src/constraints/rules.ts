import { KlarError } from '../errors.js';
import { FORMAT_PATTERNS } from './formats.js';
import { MAX_MAGNITUDE, type NumberRules } from './number-segment.js';
import { compilePattern, intersectDfa } from './regex/compile.js';
import { ANY_DFA, type Dfa } from './regex/dfa-types.js';
import type { StringRules } from './string-segment.js';
import type { JsonSchemaConstraintOptions } from './types.js';

type Schema = Readonly<Record<string, unknown>>;

export const DEFAULT_MAX_STRING_LENGTH = 200;

/** String keywords → DFA and length bounds. What can't be enforced becomes a warning. */
export function stringRules(
  schema: Schema,
  pointer: string,
  options: JsonSchemaConstraintOptions,
  warnings: string[],
): StringRules {
  const at = pointer || '/';
  const cap = options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH;
  const schemaMax = finite(schema.maxLength) ?? Number.POSITIVE_INFINITY;
  const minLength = Math.max(0, Math.ceil(finite(schema.minLength) ?? 0));
  if (minLength > schemaMax) invalid(at, 'minLength is larger than maxLength');
  // The cap keeps generation finite, but never below what the schema requires.
  const maxLength = Math.max(minLength, Math.floor(Math.min(schemaMax, cap)));
  let dfa: Dfa = ANY_DFA;
  if (typeof schema.format === 'string') {
    const source = FORMAT_PATTERNS[schema.format];
    if (source === undefined) warnings.push(`${at}: format '${schema.format}' is not enforced`);
    else dfa = compilePattern(source) as Dfa;
  }
  if (typeof schema.pattern === 'string') {
    const compiled = compilePattern(schema.pattern);
    if (typeof compiled === 'string') {
      warnings.push(
        `${at}: pattern ${JSON.stringify(schema.pattern)} is not enforced (${compiled})`,
      );
    } else {
      const both = dfa === ANY_DFA ? compiled : intersectDfa(dfa, compiled);
      if (typeof both === 'string') warnings.push(`${at}: pattern is not enforced (${both})`);
      else dfa = both;
    }
  }
  return { dfa, minLength, maxLength };
}

/** Number keywords → inclusive bounds within ±MAX_MAGNITUDE (exclusive ones tightened to whole numbers). */
export function numberRules(
  schema: Schema,
  integer: boolean,
  pointer: string,
  warnings: string[],
): NumberRules {
  const at = pointer || '/';
  let min = finite(schema.minimum) ?? -MAX_MAGNITUDE;
  let max = finite(schema.maximum) ?? MAX_MAGNITUDE;
  const exMin = finite(schema.exclusiveMinimum);
  const exMax = finite(schema.exclusiveMaximum);
  // Conservative: every value > exMin that we can write is >= floor(exMin) + 1.
  if (exMin !== undefined) min = Math.max(min, Math.floor(exMin) + 1);
  if (exMax !== undefined) max = Math.min(max, Math.ceil(exMax) - 1);
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  min = Math.max(min, -MAX_MAGNITUDE);
  max = Math.min(max, MAX_MAGNITUDE);
  if (min > max)
    invalid(at, `no ${integer ? 'integer' : 'number'} within ±${MAX_MAGNITUDE} fits its bounds`);
  if (schema.multipleOf !== undefined) warnings.push(`${at}: multipleOf is not enforced`);
  return { integer, min, max };
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function invalid(at: string, message: string): never {
  throw new KlarError('invalid-input', `JSON schema at ${at}: ${message}.`);
}
