/**
 * The view's link between a native `<form>` and the form-fill task: the task's plain-data
 * description of each field (see `@klar/tasks` `readForm`), plus the field's controls, so a
 * proposal can be shown beside them and filled in once accepted.
 */
import { type FormControl, type FormFieldDescription, fieldSchema, readForm } from '@klar/tasks';

export { labelOf } from '@klar/tasks';
export type { FormControl };

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
  /** The task's description of the field. */
  readonly description: FormFieldDescription;
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

function kindOf(field: FormFieldDescription): FieldInfo['kind'] {
  if (field.type === 'choice') return 'enum';
  if (field.type === 'boolean' || field.type === 'number' || field.type === 'integer')
    return field.type;
  return 'string';
}

/** Every field of `form` (filled or not) with its controls and JSON schema, in document order. */
export function formSchema(form: HTMLFormElement): FormSchema {
  const { description, controls } = readForm(form);
  const fields: FieldInfo[] = description.fields.map((field) => ({
    name: field.name,
    label: field.label,
    kind: kindOf(field),
    controls: controls.get(field.name) ?? [],
    required: field.required === true,
    ...(field.options ? { options: field.options } : {}),
    schema: fieldSchema(field),
    description: field,
  }));
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
