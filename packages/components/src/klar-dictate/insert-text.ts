/** A field dictation can write into: a textarea, or an input that holds free text. */
export type TextField = HTMLTextAreaElement | HTMLInputElement;

/** Input types with a caret (setRangeText works); others get the text at the end. */
const CARET_TYPES = new Set(['text', 'search', 'url', 'tel', 'password']);
const TEXT_TYPES = new Set([...CARET_TYPES, 'email']);

export function isTextField(el: Element | null | undefined): el is TextField {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_TYPES.has(el.type);
}

export interface Insertion {
  /** What was inserted (with any space added around it). */
  readonly inserted: string;
  /** The dictated text did not fit the field's maxlength and was cut. */
  readonly shortened: boolean;
}

/**
 * Puts `text` into the field at the caret without replacing anything the citizen typed: with a
 * selection, after it. Adds a space where words would run together, respects `maxlength`, and
 * fires `input` and `change` so frameworks (React, Vue, Angular) see the new value. The caret
 * ends after the inserted text. `atEnd`: the citizen never placed a caret, so the text goes last.
 */
export function insertAtCaret(field: TextField, text: string, atEnd = false): Insertion {
  const value = field.value;
  const hasCaret = field instanceof HTMLTextAreaElement || CARET_TYPES.has(field.type);
  const at = hasCaret && !atEnd ? (field.selectionEnd ?? value.length) : value.length;
  const before = value.slice(0, at);
  const after = value.slice(at);
  const spoken = text.trim();
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^[\s.,;:!?)]/.test(after) ? ' ' : '';
  let inserted = `${lead}${spoken}${trail}`;
  let shortened = false;
  const max = field.maxLength;
  if (max >= 0 && value.length + inserted.length > max) {
    inserted = inserted.slice(0, Math.max(0, max - value.length));
    shortened = true;
  }
  if (!inserted) return { inserted, shortened };
  if (hasCaret) {
    field.setRangeText(inserted, at, at, 'end');
  } else {
    field.value = before + inserted + after;
  }
  field.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      composed: true,
      inputType: 'insertText',
      data: inserted,
    }),
  );
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return { inserted, shortened };
}
