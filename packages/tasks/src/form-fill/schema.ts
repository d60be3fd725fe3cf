import type { JsonSchema } from '@klar/runtime';
import type { FormDescription, FormFieldDescription } from './types.js';

/** Free-text fields without `maxLength` are capped, so generation stays short. */
export const DEFAULT_MAX_LENGTH = 60;

export type PropertySchema = Record<string, unknown>;

export interface FormJsonSchema extends JsonSchema {
  readonly type: 'object';
  readonly properties: Record<string, PropertySchema>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
}

/**
 * The JSON schema of one field's value. Every property also allows `null` ("not mentioned"),
 * so the model never has to invent a value.
 */
export function fieldSchema(field: FormFieldDescription): PropertySchema {
  const description = field.options
    ? `${field.label} (${field.options.map((o) => `${o.value}: ${o.label}`).join('; ')})`
    : field.label;
  switch (field.type) {
    case 'choice':
      return { enum: [...(field.options ?? []).map((o) => o.value), null], description };
    case 'boolean':
      return { type: ['boolean', 'null'], description };
    case 'number':
    case 'integer': {
      const schema: PropertySchema = { type: [field.type, 'null'] };
      if (field.min !== undefined) schema.minimum = field.min;
      if (field.max !== undefined) schema.maximum = field.max;
      return { ...schema, description };
    }
    default: {
      const schema: PropertySchema = { type: ['string', 'null'] };
      if (field.type === 'email') schema.format = 'email';
      if (field.type === 'date') schema.format = 'date';
      if (field.pattern) schema.pattern = `^(?:${field.pattern})$`;
      if (field.type !== 'date')
        schema.maxLength =
          field.maxLength && field.maxLength > 0
            ? Math.min(field.maxLength, DEFAULT_MAX_LENGTH * 2)
            : DEFAULT_MAX_LENGTH;
      if (field.minLength && field.minLength > 0) schema.minLength = field.minLength;
      return { ...schema, description };
    }
  }
}

/** The fields a request asks about: those the citizen left empty. */
export function openFields(form: FormDescription): FormFieldDescription[] {
  return form.fields.filter((f) => !f.filled);
}

/** The schema of the answer: one property per open field. */
export function formJsonSchema(form: FormDescription): FormJsonSchema {
  const fields = openFields(form);
  const properties: Record<string, PropertySchema> = {};
  for (const field of fields) properties[field.name] = fieldSchema(field);
  return {
    type: 'object',
    properties,
    required: fields.filter((f) => f.required).map((f) => f.name),
    additionalProperties: false,
  };
}

const EMAIL =
  /^[A-Za-z0-9_%+'-]+(\.[A-Za-z0-9_%+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one value against a property schema of the subset `fieldSchema` writes. */
export function valueMatchesSchema(value: unknown, schema: Readonly<PropertySchema>): boolean {
  if (value === null) {
    return Array.isArray(schema.enum)
      ? schema.enum.includes(null)
      : ([] as unknown[]).concat(schema.type).includes('null');
  }
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  const types = ([] as unknown[]).concat(schema.type);
  if (typeof value === 'string') {
    if (!types.includes('string')) return false;
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) return false;
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) return false;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      return false;
    if (schema.format === 'email' && !EMAIL.test(value)) return false;
    if (schema.format === 'date' && !(DATE.test(value) && !Number.isNaN(Date.parse(value))))
      return false;
    return true;
  }
  if (typeof value === 'number') {
    if (!(types.includes('number') || (types.includes('integer') && Number.isInteger(value))))
      return false;
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    return true;
  }
  if (typeof value === 'boolean') return types.includes('boolean');
  return false;
}

/** Checks a whole answer: an object with only known keys, every required key, every value valid. */
export function documentMatchesSchema(
  doc: unknown,
  schema: {
    readonly properties: Readonly<Record<string, Readonly<PropertySchema>>>;
    readonly required: readonly string[];
  },
): boolean {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const record = doc as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const property = schema.properties[key];
    if (!property || !valueMatchesSchema(record[key], property)) return false;
  }
  return schema.required.every((key) => key in record);
}
