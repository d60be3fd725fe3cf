/**
 * The demo e-service without JavaScript, in real Chromium against the real dev server (the same
 * configuration as `npm start`): every page is readable in both languages, the language links
 * lead to the same page in the other language, required fields are checked by the browser, the
 * application reaches the receipt page by POST with the personnummer in the body and never in a
 * URL the server saw, and axe (WCAG 2.2 AA) finds nothing. One test turns JavaScript on to show
 * the enhanced page posts the same way, after the personal-data guard masked the free text.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { type DemoServer, launchChromium, startDemoServer } from './demo-server.js';

const PAGES = ['index.html', 'beslut.html', 'ansokan.html', 'kvitto.html'] as const;
const LANGUAGES = [
  { lang: 'sv', prefix: '/', other: '/en/' },
  { lang: 'en', prefix: '/en/', other: '/' },
] as const;
const PERSONNUMMER = '19121212-1212';
/** Someone else's number, typed in the free-text field that becomes a public document. */
const OTHER_PERSONNUMMER = '19850612-1234';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(server.origin + path, { waitUntil: 'load' });
  return page;
}

/** Fills in the application as a citizen would, with keyboard and clicks only. */
async function fillApplication(page: Page): Promise<void> {
  await page.type('#namn', 'Tolvan Tolvansson');
  await page.type('#personnummer', PERSONNUMMER);
  await page.type('#epost', 'tolvan@example.se');
  await page.select('#kommun', 'lund');
  await page.click('#boende-hyresratt');
  await page.type('#barn', '2');
  await page.type('#hyra', '7900');
  await page.click('#delat-boende');
  await page.type('#ovrigt', 'Inget mer.');
}

describe('demo e-service as plain HTML (JavaScript off unless a test says otherwise)', () => {
  for (const { lang, prefix, other } of LANGUAGES) {
    it(`${lang}: every page has the right lang, its language link, and no empty AI section`, async () => {
      for (const name of PAGES) {
        const page = await open(prefix + name);
        assert.equal(await page.$eval('html', (h) => h.lang), lang, `${prefix}${name} lang`);
        const state = await page.evaluate(() => ({
          hiddenAiSections: [...document.querySelectorAll<HTMLElement>('[data-needs-js]')].every(
            (el) => el.hidden && getComputedStyle(el).display === 'none',
          ),
          visibleKlarElements: [...document.querySelectorAll('*')]
            .filter((el) => el.localName.startsWith('klar-'))
            .filter((el) => !el.closest('[hidden]'))
            .map((el) => el.localName),
          h1: document.querySelector('h1')?.textContent?.trim() ?? '',
        }));
        assert.ok(state.hiddenAiSections, `${prefix}${name}: AI sections are hidden without JS`);
        // Only the wrappers around the form remain; they add nothing and hide nothing without JS.
        for (const tag of state.visibleKlarElements)
          assert.ok(['klar-form-assist', 'klar-pii-guard'].includes(tag), `${name}: ${tag}`);
        assert.ok(state.h1.length > 0, `${prefix}${name} has a heading`);

        await Promise.all([page.waitForNavigation(), page.click('.lang-switch a')]);
        const target = new URL(page.url());
        assert.equal(target.pathname, other + name, `language link from ${prefix}${name}`);
        assert.notEqual(await page.$eval('html', (h) => h.lang), lang);
        await page.close();
      }
    });

    it(`${lang}: an empty or malformed application is stopped by the browser, nothing is sent`, async () => {
      const page = await open(`${prefix}ansokan.html`);
      const before = server.log.length;
      await page.click('button[type="submit"]');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(new URL(page.url()).pathname, `${prefix}ansokan.html`);
      const invalid = await page.$$eval('#ansokan :invalid', (els) =>
        [...new Set(els.map((el) => (el as HTMLInputElement).name))].filter(Boolean),
      );
      assert.deepEqual(invalid.sort(), ['boende', 'kommun', 'namn', 'personnummer']);
      await page.type('#personnummer', '1912-12');
      assert.equal(
        await page.$eval(
          '#personnummer',
          (el) => (el as HTMLInputElement).validity.patternMismatch,
        ),
        true,
        'a personnummer with too few digits is refused',
      );
      assert.ok(
        server.log.slice(before).every((r) => r.method !== 'POST'),
        'no POST while fields are missing',
      );
      await page.close();
    });

    it(`${lang}: the application reaches the receipt by POST; the personnummer is never in a URL`, async () => {
      const page = await open(`${prefix}ansokan.html`);
      await fillApplication(page);
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(request.postData() ?? '');
      });
      const before = server.log.length;
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);

      const receipt = new URL(page.url());
      assert.equal(receipt.pathname, `${prefix}kvitto.html`);
      assert.equal(await page.$eval('html', (h) => h.lang), lang);
      assert.match(
        await page.$eval('h1', (h) => h.textContent ?? ''),
        lang === 'sv' ? /Ansökan skickad/ : /Application sent/,
      );
      const seen = server.log.slice(before);
      assert.deepEqual(
        seen.filter((r) => r.method === 'POST').map((r) => r.url),
        [`${prefix}kvitto.html`],
        'one POST to the receipt page',
      );
      // The data went in the request body ...
      assert.equal(posted.length, 1);
      assert.match(posted[0]!, new RegExp(`personnummer=${encodeURIComponent(PERSONNUMMER)}`));
      // ... and nowhere the server logs, the address bar or the history would keep it.
      const digits = PERSONNUMMER.replace(/\D/g, '');
      for (const url of [...seen.map((r) => r.url), page.url()]) {
        assert.ok(!url.replace(/\D/g, '').includes(digits.slice(2)), `personnummer in ${url}`);
        assert.ok(!/namn=|personnummer=|epost=/.test(url), `form data in ${url}`);
      }
      assert.ok(!(await page.content()).includes(PERSONNUMMER), 'receipt shows no personal data');
      // Post/redirect/get: the receipt itself was then fetched with GET, so a reload sends nothing.
      const postAt = seen.findIndex((r) => r.method === 'POST');
      assert.ok(
        seen.slice(postAt + 1).some((r) => r.method === 'GET' && r.url === `${prefix}kvitto.html`),
        'the receipt was fetched with GET after the POST',
      );
      await page.close();
    });
  }

  it('with JavaScript the same form reaches the receipt; "hide and send" masks the free text first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/ansokan.html?models=fixtures`, {
      waitUntil: 'load',
      timeout: 120_000,
    });
    await page.waitForFunction(() => customElements.get('klar-pii-guard'), { timeout: 120_000 });
    await fillApplication(page);
    await page.type('#ovrigt', ` Min sambo har personnummer ${OTHER_PERSONNUMMER}.`);
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posted.push(request.postData() ?? '');
    });
    await page.click('button[type="submit"]');
    const hideAndSend = await page.waitForSelector('klar-pii-guard >>> [part~="mask-and-send"]');
    await Promise.all([page.waitForNavigation(), hideAndSend!.click()]);

    assert.equal(new URL(page.url()).pathname, '/kvitto.html');
    assert.equal(
      new URL(page.url()).search,
      '?models=fixtures',
      'only the model choice in the URL',
    );
    assert.equal(posted.length, 1);
    const body = new URLSearchParams(posted[0]);
    assert.equal(body.get('personnummer'), PERSONNUMMER, 'the field itself is sent as typed');
    assert.ok(body.get('ovrigt')?.startsWith('Inget mer.'), body.get('ovrigt') ?? '');
    assert.ok(!body.get('ovrigt')?.includes(OTHER_PERSONNUMMER), `masked: ${body.get('ovrigt')}`);
    await page.close();
  });

  it('with JavaScript the browser tells what is wrong in the page language, and how to fix it', async () => {
    for (const { lang, prefix } of LANGUAGES) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}${prefix}ansokan.html`, {
        waitUntil: 'load',
        timeout: 120_000,
      });
      await page.waitForFunction(() => customElements.get('klar-pii-guard'), { timeout: 120_000 });
      await page.type('#personnummer', '1912-1212');
      await page.click('button[type="submit"]');
      const messages = await page.evaluate(() =>
        Object.fromEntries(
          ['namn', 'personnummer', 'kommun', 'boende-villa'].map((id) => [
            id,
            (document.getElementById(id) as HTMLInputElement).validationMessage,
          ]),
        ),
      );
      const expected =
        lang === 'sv'
          ? {
              namn: 'Skriv ditt namn.',
              personnummer: /^Skriv personnumret med 12 siffror/,
              kommun: 'Välj kommunen där du bor.',
              'boende-villa': 'Välj vilken boendeform du har.',
            }
          : {
              namn: 'Enter your name.',
              personnummer: /^Write the personal identity number with 12 digits/,
              kommun: 'Choose the municipality you live in.',
              'boende-villa': 'Choose your type of housing.',
            };
      for (const [id, message] of Object.entries(expected)) {
        if (message instanceof RegExp) assert.match(messages[id]!, message, id);
        else assert.equal(messages[id], message, id);
      }
      // Fixing a field clears its message at once; choosing one radio button clears the group.
      await page.type('#namn', 'Tolvan Tolvansson');
      await page.click('#boende-villa');
      const valid = await page.evaluate(() =>
        ['namn', 'boende-hyresratt', 'boende-villa', 'personnummer'].map(
          (id) => (document.getElementById(id) as HTMLInputElement).validity.valid,
        ),
      );
      assert.deepEqual(valid, [true, true, true, false], 'only the malformed personnummer left');
      await page.close();
    }
  });

  it('the Swedish and English forms ask for the same fields with the same rules', async () => {
    const shapes = [];
    for (const { prefix } of LANGUAGES) {
      const page = await open(`${prefix}ansokan.html`);
      shapes.push(
        await page.$$eval('#ansokan input, #ansokan select, #ansokan textarea', (els) =>
          els.map((el) =>
            [
              'name',
              'type',
              'required',
              'pattern',
              'min',
              'max',
              'maxlength',
              'autocomplete',
              'inputmode',
              'value',
            ].map((attr) => `${attr}=${el.getAttribute(attr)}`),
          ),
        ),
      );
      await page.close();
    }
    assert.deepEqual(shapes[1], shapes[0]);
  });

  it('every target outside a sentence is at least 24 × 24 CSS pixels (WCAG 2.5.8)', async () => {
    for (const { prefix } of LANGUAGES) {
      for (const name of PAGES) {
        const page = await open(prefix + name);
        const small = await page.$$eval(
          'a[href], button, input:not([type="hidden"]), select, textarea',
          (els) =>
            els
              .filter((el) => !el.closest('[hidden]') && !el.classList.contains('skip'))
              // A link inside running text is exempt (2.5.8 "inline"); one standing alone is not.
              .filter(
                (el) =>
                  el.localName !== 'a' ||
                  el.parentElement?.textContent?.trim() === el.textContent?.trim(),
              )
              .map((el) => ({ el, box: el.getBoundingClientRect() }))
              .filter(({ box }) => box.width < 24 || box.height < 24)
              .map(
                ({ el, box }) =>
                  `${el.localName}#${el.id || el.textContent?.trim()} ${box.width}×${box.height}`,
              ),
        );
        assert.deepEqual(small, [], `${prefix}${name}`);
        await page.close();
      }
    }
  });

  it('axe (WCAG 2.2 AA and best practices) finds no violation on any page, either language', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
    for (const { prefix } of LANGUAGES) {
      for (const name of PAGES) {
        const page = await open(prefix + name);
        // The page is parsed and laid out without scripts (the <noscript> notes are content);
        // scripts are allowed again only so that axe itself can run, the page's never ran.
        await page.setJavaScriptEnabled(true);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return result.violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }, AXE_TAGS);
        assert.deepEqual(violations, [], `${prefix}${name}`);
        await page.close();
      }
    }
  });
});
