// The checks every framework example (React, Vue, Angular) makes in Chromium: the elements
// upgrade, bound properties arrive as properties, klar-… events reach the framework, and the
// run stays clean. The apps render #msg inside <klar-pii-guard> and write the masked count to #masked.
import assert from 'node:assert/strict';
import { until } from '../embed/agency-site.mjs';

/** <klar-summary> upgraded and got `for` and the number `fallbackSentences` as properties. */
export async function assertSummaryBound(page, framework) {
  await until(
    page,
    () => document.querySelector('klar-summary')?.shadowRoot?.textContent?.trim(),
    undefined,
    'klar-summary to upgrade and render',
  );
  const summary = await page.evaluate(() => {
    const el = document.querySelector('klar-summary');
    return {
      defined: customElements.get('klar-summary') === el.constructor,
      for: el.for,
      forAttribute: el.getAttribute('for'),
      fallbackSentences: el.fallbackSentences,
    };
  });
  // A number: the framework set the property, not a string attribute.
  assert.deepEqual(
    summary,
    { defined: true, for: 'letter', forAttribute: 'letter', fallbackSentences: 2 },
    `${framework} bound <klar-summary>'s properties`,
  );
}

/** Types a personnummer into the guarded field #msg. */
export async function typePersonnummer(page) {
  await page.type('#msg', 'Mitt personnummer är 19121212-1212.');
}

/** Masks #msg through the guard and waits for the masked event to reach the app's #masked. */
export async function maskThroughGuard(page, eventWhat) {
  await until(
    page,
    () => document.querySelector('klar-pii-guard')?.shadowRoot?.querySelector('[part~="mask"]'),
    undefined,
    'the guard to offer masking',
  );
  await page.evaluate(() =>
    document.querySelector('klar-pii-guard').shadowRoot.querySelector('[part~="mask"]').click(),
  );
  const masked = await until(
    page,
    () =>
      Number(document.getElementById('masked')?.textContent) > 0 &&
      document.getElementById('masked').textContent,
    undefined,
    eventWhat,
  );
  assert.ok(Number(masked) >= 1);
  const value = await page.$eval('#msg', (el) => el.value);
  assert.ok(!value.includes('1212-1212'), `the field is masked: ${value}`);
}

/** No console error or page error, and no request tried to leave the machine. */
export function assertCleanRun(messages, chromium) {
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    chromium.audit.attempts.filter((a) => !a.browserService),
    [],
  );
}
