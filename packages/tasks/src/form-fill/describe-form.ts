/**
 * Reads a native `<form>` into a `FormDescription`: one field per named control (a radio group
 * is one field), typed from the control, with options, pattern, lengths, bounds, `required`,
 * whether the citizen already filled it, and the visible label. Reads the DOM, changes nothing.
 */
import type { FormDescription, FormFieldDescription, FormFieldType } from './types.js';

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const SKIPPED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password']);

function clean(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*$/, '')
    .trim();
}

/** The visible label of a control: aria-labelledby, `<label>`s, aria-label, placeholder, name. */
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

function include(control: Element): control is FormControl {
  const isControl =
    control instanceof HTMLInputElement ||
    control instanceof HTMLSelectElement ||
    control instanceof HTMLTextAreaElement;
  if (!isControl) return false;
  if (!control.name || control.disabled || control.hasAttribute('data-klar-skip')) return false;
  if (control instanceof HTMLInputElement && SKIPPED_TYPES.has(control.type)) return false;
  if (control instanceof HTMLSelectElement && control.multiple) return false;
  return true;
}

function isFilled(controls: readonly FormControl[]): boolean {
  return controls.some((c) =>
    c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')
      ? c.checked
      : c.value !== '',
  );
}

function numberOrUndefined(value: string): number | undefined {
  return value !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
}

function describeField(name: string, controls: readonly FormControl[]): FormFieldDescription {
  const first = controls[0]!;
  const required = controls.some((c) => c.required);
  const help = first.dataset.klarHelp;
  const common = {
    name,
    required,
    ...(isFilled(controls) ? { filled: true } : {}),
    ...(help ? { help } : {}),
  };
  if (first instanceof HTMLSelectElement) {
    const options = [...first.options]
      .filter((o) => o.value !== '' && !o.disabled)
      .map((o) => ({ value: o.value, label: clean(o.textContent) }));
    return { ...common, label: labelOf(first), type: 'choice', options };
  }
  if (first instanceof HTMLInputElement && first.type === 'radio') {
    const legend = clean(first.closest('fieldset')?.querySelector('legend')?.textContent);
    const options = controls.map((c) => ({ value: c.value, label: labelOf(c) }));
    return { ...common, label: legend || name, type: 'choice', options };
  }
  if (first instanceof HTMLInputElement && first.type === 'checkbox')
    return { ...common, label: labelOf(first), type: 'boolean' };
  if (first instanceof HTMLInputElement && (first.type === 'number' || first.type === 'range')) {
    const step = first.getAttribute('step');
    const integer = step !== 'any' && (!step || Number.isInteger(Number(step)));
    const min = numberOrUndefined(first.min);
    const max = numberOrUndefined(first.max);
    return {
      ...common,
      label: labelOf(first),
      type: integer ? 'integer' : 'number',
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
  }
  const inputType = first instanceof HTMLInputElement ? first.type : 'textarea';
  const type: FormFieldType =
    inputType === 'email' || inputType === 'tel' || inputType === 'date' || inputType === 'textarea'
      ? inputType
      : 'text';
  const pattern = first instanceof HTMLInputElement ? first.getAttribute('pattern') : null;
  const text = first as HTMLInputElement | HTMLTextAreaElement;
  return {
    ...common,
    label: labelOf(first),
    type,
    ...(pattern ? { pattern } : {}),
    ...(text.maxLength > 0 ? { maxLength: text.maxLength } : {}),
    ...(text.minLength > 0 ? { minLength: text.minLength } : {}),
    ...(first.inputMode ? { inputMode: first.inputMode } : {}),
  };
}

function titleOf(form: HTMLFormElement): string {
  const labelledBy = form.getAttribute('aria-labelledby');
  const fromIds = labelledBy
    ?.split(/\s+/)
    .map((id) => form.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
  return clean(
    fromIds ||
      form.getAttribute('aria-label') ||
      form.ownerDocument.querySelector('h1')?.textContent,
  );
}

/** The description and each field's controls (in document order), for views that show proposals. */
export function readForm(form: HTMLFormElement): {
  readonly description: FormDescription;
  readonly controls: ReadonlyMap<string, readonly FormControl[]>;
} {
  const groups = new Map<string, FormControl[]>();
  for (const element of form.elements) {
    if (!include(element)) continue;
    const list = groups.get(element.name) ?? [];
    list.push(element);
    groups.set(element.name, list);
  }
  // A checkbox field is its first box; more boxes with one name are not a yes/no question.
  for (const [name, list] of groups)
    if (list[0] instanceof HTMLInputElement && list[0].type === 'checkbox')
      groups.set(name, [list[0]]);
  const fields = [...groups].map(([name, controls]) => describeField(name, controls));
  const title = titleOf(form);
  return { description: { ...(title ? { title } : {}), fields }, controls: groups };
}

/** Reads a native `<form>` into plain data for `proposeFormValues()`. */
export function describeForm(form: HTMLFormElement): FormDescription {
  return readForm(form).description;
}
