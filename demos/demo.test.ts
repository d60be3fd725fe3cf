/**
 * The demo pages load, register the elements, switch language, and pass axe. Loaded in an iframe
 * from the test server (which serves the repository root).
 */
import type * as Axe from 'axe-core';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor<T>(check: () => T, what: string, timeout = 20000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openPage(
  path: string,
): Promise<{ frame: HTMLIFrameElement; doc: Document; win: Window & { axe?: typeof Axe } }> {
  localStorage.removeItem('klar-demo-lang');
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  frame.src = path;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow as Window & { axe?: typeof Axe };
  const doc = frame.contentDocument!;
  await waitFor(
    () => win.customElements.get('klar-summary') && win.customElements.get('klar-form-assist'),
    'elements defined',
  );
  return { frame, doc, win };
}

async function axeIn(
  win: Window & { axe?: typeof Axe },
  doc: Document,
  state: string,
): Promise<void> {
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    doc.head.append(script);
    await new Promise((r) => script.addEventListener('load', r, { once: true }));
  }
  const result = await win.axe!.run(doc, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  });
  const lines = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert(result.violations.length === 0, `axe [${state}]:\n${lines.join('\n')}`);
}

describe('demo e-service', () => {
  it('start page links to both pages and passes axe', async () => {
    const { frame, doc, win } = await openPage('/demos/index.html?models=fixtures');
    const links = [...doc.querySelectorAll('a[data-keep-query]')].map((a) =>
      a.getAttribute('href'),
    );
    assert(
      links.some((h) => h?.includes('beslut.html?models=fixtures')),
      links.join(','),
    );
    assert(!doc.querySelector<HTMLElement>('#fixture-note')!.hidden, 'test-mode note shown');
    await axeIn(win, doc, 'start');
    frame.remove();
  });

  it('decision page: summary, readability and model status render; sv/en switch; axe', async () => {
    const { frame, doc, win } = await openPage('/demos/beslut.html');
    const summary = doc.querySelector('klar-summary')!;
    await waitFor(() => summary.shadowRoot?.querySelector('[part~="trigger"]'), 'summary button');
    const lix = doc.querySelector('klar-readability')!;
    await waitFor(() => lix.shadowRoot?.querySelector('meter'), 'LIX meter');
    const value = lix.shadowRoot!.querySelector('[part="value"]')!.textContent!;
    assert(/svår/.test(value), `the official letter reads as hard: ${value}`);
    await axeIn(win, doc, 'beslut sv');
    doc.querySelector<HTMLButtonElement>('#lang-toggle')!.click();
    await waitFor(
      () =>
        summary.shadowRoot!.querySelector('[part~="trigger"]')!.textContent!.includes('Summarise'),
      'english',
    );
    assert(
      doc.querySelector('h1')!.textContent === 'Decision on housing allowance',
      'page text in English',
    );
    await axeIn(win, doc, 'beslut en');
    frame.remove();
  });

  it('application page: form assist around the form, guard on the free-text field; axe', async () => {
    const { frame, doc, win } = await openPage('/demos/ansokan.html?models=fixtures');
    const assist = doc.querySelector('klar-form-assist')!;
    await waitFor(() => assist.shadowRoot?.querySelector('textarea'), 'assist panel');
    const guard = doc.querySelector('klar-pii-guard')!;
    const field = guard.querySelector('textarea')!;
    field.value = 'Mitt personnummer är 19121212-1212.';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => guard.shadowRoot?.querySelector('[part="panel"]'), 'guard notice');
    await axeIn(win, doc, 'ansokan with notice');
    frame.remove();
  });
});
