import { deepEqual, equal } from '../testing/assert.js';
import { insertAtCaret, isTextField } from './insert-text.js';

function field(html: string, value: string, caret?: [number, number]) {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  const el = host.firstElementChild as HTMLTextAreaElement | HTMLInputElement;
  el.value = value;
  if (caret) el.setSelectionRange(...caret);
  const events: string[] = [];
  for (const name of ['input', 'change']) el.addEventListener(name, () => events.push(name));
  return { el, events, done: () => host.remove() };
}

describe('insertAtCaret', () => {
  it('adds spaces where words would run together, none before punctuation', () => {
    const { el, events, done } = field('<textarea></textarea>', 'Hej.Tack', [4, 4]);
    deepEqual(insertAtCaret(el, ' jag bor i Lund '), {
      inserted: ' jag bor i Lund ',
      shortened: false,
    });
    equal(el.value, 'Hej. jag bor i Lund Tack');
    equal(el.selectionStart, 'Hej. jag bor i Lund '.length);
    equal(events.join(), 'input,change');
    const second = field('<textarea></textarea>', 'Hej', [3, 3]);
    insertAtCaret(second.el, 'du');
    equal(second.el.value, 'Hej du');
    const third = field('<textarea></textarea>', 'Hej.', [3, 3]);
    insertAtCaret(third.el, 'du');
    equal(third.el.value, 'Hej du.');
    done();
    second.done();
    third.done();
  });

  it('respects maxlength and says it shortened', () => {
    const { el, done } = field('<input type="text" maxlength="10">', 'Hej', [3, 3]);
    const result = insertAtCaret(el, 'och välkommen');
    equal(el.value, 'Hej och vä');
    equal(result.shortened, true);
    done();
  });

  it('appends to inputs without a caret (email) and when asked to', () => {
    const email = field('<input type="email">', 'a@b.se');
    insertAtCaret(email.el, 'x');
    equal(email.el.value, 'a@b.se x');
    const text = field('<textarea></textarea>', 'Ett två', [0, 0]);
    insertAtCaret(text.el, 'tre', true);
    equal(text.el.value, 'Ett två tre');
    email.done();
    text.done();
  });

  it('knows which fields it can write into', () => {
    for (const [html, ok] of [
      ['<textarea></textarea>', true],
      ['<input>', true],
      ['<input type="search">', true],
      ['<input type="number">', false],
      ['<input type="date">', false],
      ['<select></select>', false],
    ] as const) {
      const host = document.createElement('div');
      host.innerHTML = html;
      equal(isTextField(host.firstElementChild), ok, html);
    }
  });
});
