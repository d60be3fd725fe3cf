/**
 * The browser's own messages for a field that stops the form speak the browser's language, not the
 * page's, and for a wrong format say only "match the requested format". This puts the page's own
 * message in the bubble instead, in the page's language and saying how to fix it (WCAG 3.3.3).
 * The messages are written on the fields (`data-error-required`, `data-error-format`; for a radio
 * group on its `<fieldset>`), so each page carries its own language. Without JavaScript the browser
 * still checks the same rules, with its own wording.
 */
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isField(target: EventTarget | null): target is Field {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

function messageFor(field: Field): string {
  const own = (key: 'errorRequired' | 'errorFormat') =>
    field.dataset[key] ?? field.closest('fieldset')?.dataset[key] ?? '';
  const v = field.validity;
  if (v.valueMissing) return own('errorRequired');
  if (v.patternMismatch || v.typeMismatch || v.badInput || v.rangeUnderflow || v.rangeOverflow)
    return own('errorFormat');
  return '';
}

export function localiseValidationMessages(form: HTMLFormElement): void {
  form.addEventListener(
    'invalid',
    (event) => {
      if (!isField(event.target)) return;
      event.target.setCustomValidity(''); // read the browser's verdict, not our last message
      event.target.setCustomValidity(messageFor(event.target));
    },
    true,
  );
  // A custom message keeps a field invalid until cleared: clear it as soon as the citizen edits.
  const clear = (event: Event) => {
    if (!isField(event.target)) return;
    const group =
      event.target instanceof HTMLInputElement && event.target.type === 'radio'
        ? form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(event.target.name)}"]`)
        : [event.target];
    for (const field of group) field.setCustomValidity('');
  };
  form.addEventListener('input', clear);
  form.addEventListener('change', clear);
}
