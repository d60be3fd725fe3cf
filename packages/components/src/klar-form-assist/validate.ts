import type { FieldInfo, FormControl } from './form-schema.js';

// The schema checks (documentMatchesSchema, valueMatchesSchema) live in @klar/tasks; the package
// index re-exports them from there, so this file, loaded with the element, stays free of the task layer.

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
