import type { ChatMessage } from '@klar/runtime';
import { detectPersonalData, mask, type PiiSpan } from '@klar/text';
import type { PromptLanguage } from '../shared/language.js';
import { FORM_FILL_PROMPTS, fieldLine } from './prompts.js';
import {
  type FormJsonSchema,
  fieldSchema,
  formJsonSchema,
  openFields,
  type PropertySchema,
  valueMatchesSchema,
} from './schema.js';
import type { FormDescription, FormFieldDescription } from './types.js';

export interface FormFillRequest {
  readonly messages: ChatMessage[];
  /** The answer's schema: the form's, with identifier fields narrowed to fitting placeholders. */
  readonly schema: FormJsonSchema;
  readonly maxNewTokens: number;
  /** Puts the masked identifiers back into a generated value. */
  readonly restore: (value: string) => string;
}

export interface FormFillRequestOptions {
  /** Leave the field list out of the prompt (the schema still constrains the output). */
  readonly compact?: boolean;
}

/** A field that takes identifiers (pattern, email, tel, numeric): only placeholders may go in. */
function takesIdentifiers(field: FormFieldDescription): boolean {
  if (!['text', 'email', 'tel'].includes(field.type)) return false;
  return (
    field.pattern !== undefined ||
    field.type === 'email' ||
    field.type === 'tel' ||
    field.inputMode === 'numeric'
  );
}

/** Which kinds of personal data a field may receive as a placeholder. */
function acceptsKind(field: FormFieldDescription, kind: string): boolean {
  if (field.type === 'email') return kind === 'email';
  if (field.type === 'tel') return kind === 'phone';
  return kind !== 'email' && kind !== 'phone';
}

/** Tokens the answer may need: the field names, the JSON around them, the values. */
export function answerBudget(schema: FormJsonSchema): number {
  let budget = 16;
  for (const [name, p] of Object.entries(schema.properties)) {
    const valueTokens = Array.isArray(p.enum)
      ? 12
      : typeof p.maxLength === 'number'
        ? p.maxLength
        : ([] as unknown[]).concat(p.type).includes('string')
          ? 12
          : 8;
    budget += name.length + 6 + valueTokens;
  }
  return Math.min(budget, 2048);
}

/**
 * The prompt and the schema for one request. Identifiers in the citizen's text become
 * placeholders (the model sees the kind of value, never its digits); a field that takes
 * identifiers may only receive one of the placeholders whose real value fits it, or null.
 */
export function buildFormFillRequest(
  text: string,
  form: FormDescription,
  language: PromptLanguage,
  options: FormFillRequestOptions = {},
): FormFillRequest {
  const prompts = FORM_FILL_PROMPTS[language];
  const findings: PiiSpan[] = detectPersonalData(text);
  const kindOf = new Map(findings.map((f) => [f.text, f.type as string]));
  const masked = mask(text, { operator: 'pseudonymize', locale: language, spans: findings });
  const values = masked.mapping ?? new Map<string, string>();
  const base = formJsonSchema(form);
  const properties: Record<string, PropertySchema> = { ...base.properties };
  const fields = openFields(form);
  for (const field of fields) {
    if (!takesIdentifiers(field)) continue;
    const own = fieldSchema(field);
    const fitting = [...values]
      .filter(
        ([, original]) =>
          acceptsKind(field, kindOf.get(original) ?? '') && valueMatchesSchema(original, own),
      )
      .map(([placeholder]) => placeholder);
    if (fitting.length)
      properties[field.name] = { enum: [...fitting, null], description: own.description };
  }
  const schema: FormJsonSchema = { ...base, properties };
  const fieldList = options.compact
    ? ''
    : `${prompts.fieldsHeading}\n${fields.map((f) => fieldLine(f, prompts)).join('\n')}\n\n`;
  const messages: ChatMessage[] = [
    { role: 'system', content: prompts.system },
    { role: 'user', content: `${fieldList}${prompts.descriptionHeading}\n${masked.text}` },
  ];
  return {
    messages,
    schema,
    maxNewTokens: answerBudget(schema),
    restore: (value) => masked.restore(value),
  };
}

/**
 * The model's answer, kept only where it is a valid value for an open field: placeholders are
 * restored, then each value is checked against the field's own schema (not the placeholder list).
 */
export function parseFormFillAnswer(
  answer: string,
  form: FormDescription,
  restore: (value: string) => string,
): Record<string, string | number | boolean> {
  let doc: unknown;
  try {
    doc = JSON.parse(answer);
  } catch {
    return {};
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return {};
  const record = doc as Record<string, unknown>;
  const values: Record<string, string | number | boolean> = {};
  for (const field of openFields(form)) {
    const raw = record[field.name];
    if (raw === null || raw === undefined) continue;
    const value = typeof raw === 'string' ? restore(raw) : raw;
    if (field.type === 'boolean' && value !== true) continue; // "no" is never proposed
    if (typeof value === 'object') continue;
    if (valueMatchesSchema(value, fieldSchema(field)))
      values[field.name] = value as string | number | boolean;
  }
  return values;
}
