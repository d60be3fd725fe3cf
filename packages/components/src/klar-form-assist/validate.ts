import type { FieldInfo, FormControl } from './form-schema.js';

const EMAIL =
  /^[A-Za-z0-9_%+'-]+(\.[A-Za-z0-9_%+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one value against a property schema of the subset `formSchema` writes. */
export function valueMatchesSchema(
  value: unknown,
  schema: Readonly<Record<string, unknown>>,
): boolean {
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

/** Checks a whole document: an object with only known keys, every required key, every value valid. */
export function documentMatchesSchema(
  doc: unknown,
  schema: { properties: Record<string, Record<string, unknown>>; required: readonly string[] },
): boolean {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const record = doc as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const property = schema.properties[key];
    if (!property || !valueMatchesSchema(record[key], property)) return false;
  }
  return schema.required.every((key) => key in record);
}

/** Whether a control is empty: the citizen has not given a value. */
export function isEmpty(field: FieldInfo): boolean {
  return field.controls.every((c) => {
    if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio'))
      return !c.checked;
    return c.value === '';
  });
}

/** The value as the control would hold it, or undefined if the control would not accept it. */
export function fitValue(field: FieldInfo, value: unknown): string | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (field.kind === 'boolean') return value === true ? true : undefined;
  const text = String(value);
  if (field.kind === 'enum') return field.options?.some((o) => o.value === text) ? text : undefined;
  const control = field.controls[0]!;
  // A detached clone checks type, pattern, min/max and step without touching the page.
  const clone = control.cloneNode() as FormControl;
  clone.value = text;
  if (clone.value !== text) return undefined; // e.g. an invalid date is sanitised to ''
  if (
    (clone instanceof HTMLInputElement || clone instanceof HTMLTextAreaElement) &&
    clone.maxLength > 0 &&
    text.length > clone.maxLength
  ) {
    return undefined;
  }
  return clone.checkValidity() ? text : undefined;
}

/** Sets the value as a person would, firing `input` and `change` so frameworks notice. */
export function applyValue(field: FieldInfo, value: string | boolean): void {
  let target: FormControl | undefined;
  if (field.kind === 'boolean') {
    target = field.controls[0];
    (target as HTMLInputElement).checked = value === true;
  } else if (field.controls[0] instanceof HTMLInputElement && field.controls[0].type === 'radio') {
    target = field.controls.find((c) => c.value === value);
    if (target) (target as HTMLInputElement).checked = true;
  } else {
    target = field.controls[0];
    if (target) target.value = String(value);
  }
  if (!target) return;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
}
