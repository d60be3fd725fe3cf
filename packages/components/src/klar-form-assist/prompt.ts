import type { ChatMessage, JsonSchema } from '../shared/engine-types.js';
import { maskWithPlaceholders, personalDataIn } from '../shared/text.js';
import type { FieldInfo, FormSchema } from './form-schema.js';
import { fitValue } from './validate.js';

export interface AssistRequest {
  readonly messages: ChatMessage[];
  readonly schema: JsonSchema;
  readonly maxNewTokens: number;
  /** Puts the masked identifiers back into a generated value. */
  readonly restore: (value: string) => string;
}

const SYSTEM =
  'Du hjälper en person att fylla i ett formulär hos en myndighet. Läs personens beskrivning och ' +
  'föreslå värden för formulärets fält som JSON. Använd bara uppgifter som står i beskrivningen. ' +
  'Skriv null för fält som beskrivningen inte nämner. Hitta aldrig på något. Uppgifter inom ' +
  'hakparentes, till exempel [PERSONNUMMER 1], är dolda värden: skriv dem exakt som de står.';

function identifierField(field: FieldInfo): boolean {
  const control = field.controls[0];
  if (field.kind !== 'string' || !(control instanceof HTMLInputElement)) return false;
  return (
    control.hasAttribute('pattern') ||
    ['email', 'tel'].includes(control.type) ||
    control.inputMode === 'numeric'
  );
}

function describe(field: FieldInfo): string {
  const parts = [`- ${field.name}: ${field.label}`];
  if (field.options)
    parts.push(
      `(välj ett av: ${field.options.map((o) => `"${o.value}" = ${o.label}`).join(', ')})`,
    );
  else if (field.kind === 'boolean') parts.push('(true eller null)');
  else if (field.kind !== 'string') parts.push('(ett tal)');
  else if (field.schema.format === 'date') parts.push('(datum ÅÅÅÅ-MM-DD)');
  if (field.required) parts.push('[obligatoriskt]');
  return parts.join(' ');
}

/**
 * The prompt and the schema for one request. Identifiers in the citizen's text become
 * placeholders; a field that takes identifiers (pattern, email, tel) may only receive one of the
 * placeholders whose real value fits it (or null), so the model never copies digits.
 */
export interface AssistOptions {
  /** The model's context in tokens; the request is sized to fit it. */
  readonly contextLength?: number;
  /** Leave the field list out of the prompt (the schema still constrains the output). */
  readonly compact?: boolean;
}

/** Which kinds of personal data a control may receive as a placeholder. */
function acceptsKind(field: FieldInfo, kind: string): boolean {
  const control = field.controls[0];
  if (!(control instanceof HTMLInputElement)) return false;
  if (control.type === 'email') return kind === 'email';
  if (control.type === 'tel') return kind === 'phone';
  return kind !== 'email' && kind !== 'phone';
}

/**
 * The prompt and the schema for one request. Identifiers in the citizen's text become
 * placeholders; a field that takes identifiers (pattern, email, tel) may only receive one of the
 * placeholders whose real value fits it (or null), so the model never copies digits.
 */
export function buildAssistRequest(
  description: string,
  form: FormSchema,
  locale: string,
  options: AssistOptions = {},
): AssistRequest {
  const findings = personalDataIn(description);
  const kindOf = new Map(findings.map((f) => [f.text, f.type]));
  const masked = maskWithPlaceholders(description, locale, findings);
  const properties: Record<string, Record<string, unknown>> = { ...form.schema.properties };
  for (const field of form.fields) {
    if (!identifierField(field)) continue;
    const fitting = [...masked.values]
      .filter(
        ([, original]) =>
          acceptsKind(field, kindOf.get(original) ?? '') && fitValue(field, original) !== undefined,
      )
      .map(([p]) => p);
    if (fitting.length)
      properties[field.name] = { enum: [...fitting, null], description: field.schema.description };
  }
  const schema = { ...form.schema, properties };
  const fieldList = options.compact
    ? ''
    : `Formulärets fält:\n${form.fields.map(describe).join('\n')}\n\n`;
  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `${fieldList}Personens beskrivning:\n${masked.text}` },
  ];
  let budget = 16;
  for (const field of form.fields) {
    const p = properties[field.name] ?? {};
    const valueTokens = Array.isArray(p.enum)
      ? 12
      : typeof p.maxLength === 'number'
        ? p.maxLength
        : field.kind === 'string'
          ? 12
          : 8;
    budget += field.name.length + 6 + valueTokens;
  }
  let maxNewTokens = Math.min(budget, 2048);
  if (options.contextLength) {
    // Small tokenizers use about 2 characters per token; keep room for the chat template.
    const promptTokens = Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 2) + 32;
    maxNewTokens = Math.max(32, Math.min(maxNewTokens, options.contextLength - promptTokens));
  }
  return { messages, schema, maxNewTokens, restore: masked.restore };
}
