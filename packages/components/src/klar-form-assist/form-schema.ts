/**
 * Derives a JSON schema from a native `<form>`: one property per named control, typed from the
 * control, with `enum` from options, `pattern`, `maxLength`, `format`, bounds, `required`, and
 * the label text as `description`. Pure: reads the DOM, changes nothing.
 *
 * Every property also allows `null` ("not mentioned"), so the model never has to invent a value.
 */
export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldInfo {
  readonly name: string;
  readonly label: string;
  readonly kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum';
  /** All controls of the field (several for a radio group). */
  readonly controls: readonly FormControl[];
  readonly required: boolean;
  /** For enums: value → visible option text. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly schema: Record<string, unknown>;
}

export interface FormSchema {
  readonly schema: {
    readonly type: 'object';
    readonly properties: Record<string, Record<string, unknown>>;
    readonly required: readonly string[];
    readonly additionalProperties: false;
  };
  readonly fields: readonly FieldInfo[];
}

const SKIPPED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password']);
/** Cap for free-text fields without `maxlength`, so generation stays short. */
export const DEFAULT_MAX_LENGTH = 60;

function clean(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*$/, '')
    .trim();
}

/** The visible label of a control: `<label for>`, wrapping label, aria-labelledby, aria-label. */
export function labelOf(control: FormControl): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => control.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (clean(text)) return clean(text);
  }
  const fromLabels = [...(control.labels ?? [])].map((l) => l.textContent ?? '').join(' ');
  if (clean(fromLabels)) return clean(fromLabels);
  return (
    clean(control.getAttribute('aria-label')) ||
    clean(control.getAttribute('placeholder')) ||
    control.name
  );
}

function legendOf(control: FormControl): string {
  const fieldset = control.closest('fieldset');
  return clean(fieldset?.querySelector('legend')?.textContent);
}

function stringSchema(control: HTMLInputElement | HTMLTextAreaElement): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: ['string', 'null'] };
  const type = control instanceof HTMLInputElement ? control.type : 'textarea';
  if (type === 'email') schema.format = 'email';
  if (type === 'date') schema.format = 'date';
  const pattern = control instanceof HTMLInputElement ? control.getAttribute('pattern') : null;
  if (pattern) schema.pattern = `^(?:${pattern})$`;
  // Proposals are short values; a long free-text field is capped too, so generation stays short.
  if (type !== 'date')
    schema.maxLength =
      control.maxLength > 0
        ? Math.min(control.maxLength, DEFAULT_MAX_LENGTH * 2)
        : DEFAULT_MAX_LENGTH;
  if (control.minLength > 0) schema.minLength = control.minLength;
  return schema;
}

function numberSchema(control: HTMLInputElement): Record<string, unknown> {
  const step = control.getAttribute('step');
  const integer = step !== 'any' && (!step || Number.isInteger(Number(step)));
  const schema: Record<string, unknown> = { type: [integer ? 'integer' : 'number', 'null'] };
  if (control.min !== '' && Number.isFinite(Number(control.min)))
    schema.minimum = Number(control.min);
  if (control.max !== '' && Number.isFinite(Number(control.max)))
    schema.maximum = Number(control.max);
  return schema;
}

function include(control: Element): control is FormControl {
  if (
    !(
      control instanceof HTMLInputElement ||
      control instanceof HTMLSelectElement ||
      control instanceof HTMLTextAreaElement
    )
  ) {
    return false;
  }
  if (!control.name || control.disabled || control.hasAttribute('data-klar-skip')) return false;
  if (control instanceof HTMLInputElement && SKIPPED_TYPES.has(control.type)) return false;
  if (control instanceof HTMLSelectElement && control.multiple) return false;
  return true;
}

/** Builds the schema and the field list for `form`. Controls are taken in document order. */
export function formSchema(form: HTMLFormElement): FormSchema {
  const groups = new Map<string, FormControl[]>();
  for (const element of form.elements) {
    if (!include(element)) continue;
    const list = groups.get(element.name) ?? [];
    list.push(element);
    groups.set(element.name, list);
  }
  const fields: FieldInfo[] = [];
  for (const [name, controls] of groups) {
    const first = controls[0]!;
    const required = controls.some((c) => c.required);
    let field: FieldInfo;
    if (first instanceof HTMLSelectElement) {
      const options = [...first.options]
        .filter((o) => o.value !== '' && !o.disabled)
        .map((o) => ({ value: o.value, label: clean(o.textContent) }));
      field = {
        name,
        label: labelOf(first),
        kind: 'enum',
        controls,
        required,
        options,
        schema: { enum: [...options.map((o) => o.value), null] },
      };
    } else if (first instanceof HTMLInputElement && first.type === 'radio') {
      const options = controls.map((c) => ({
        value: (c as HTMLInputElement).value,
        label: labelOf(c),
      }));
      field = {
        name,
        label: legendOf(first) || name,
        kind: 'enum',
        controls,
        required,
        options,
        schema: { enum: [...options.map((o) => o.value), null] },
      };
    } else if (first instanceof HTMLInputElement && first.type === 'checkbox') {
      field = {
        name,
        label: labelOf(first),
        kind: 'boolean',
        controls: [first],
        required,
        schema: { type: ['boolean', 'null'] },
      };
    } else if (
      first instanceof HTMLInputElement &&
      (first.type === 'number' || first.type === 'range')
    ) {
      const schema = numberSchema(first);
      const kind = (schema.type as string[])[0] === 'integer' ? 'integer' : 'number';
      field = { name, label: labelOf(first), kind, controls: [first], required, schema };
    } else {
      field = {
        name,
        label: labelOf(first),
        kind: 'string',
        controls: [first],
        required,
        schema: stringSchema(first),
      };
    }
    const description = field.options
      ? `${field.label} (${field.options.map((o) => `${o.value}: ${o.label}`).join('; ')})`
      : field.label;
    fields.push({ ...field, schema: { ...field.schema, description } });
  }
  const properties: Record<string, Record<string, unknown>> = {};
  for (const f of fields) properties[f.name] = f.schema;
  return {
    schema: {
      type: 'object',
      properties,
      required: fields.filter((f) => f.required).map((f) => f.name),
      additionalProperties: false,
    },
    fields,
  };
}
