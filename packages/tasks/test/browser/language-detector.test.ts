// Klar's own language identifier in a real page: CLD3's WebAssembly loads from the package on
// first use (useNative: false; Chromium may have a built-in one), answers in BCP 47, and nothing leaves the origin.
import { executeServerCommand } from '@web/test-runner-commands';
import { LanguageDetector } from '../../src/index.js';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

const CASES: [string, string][] = [
  ['hej jag har inte fått något beslut än, skickade ansökan i mars', 'sv'],
  ['mushahar ma helin tan iyo janaayo maxaan sameeyaa hadda', 'so'],
  ['ئێمە ٢ گەورە و ٣ منداڵین لە ماڵەوە', 'ckb'],
  ['ካብ ጥሪ ጀሚረ ደሞዝ ኣይረኸብኩን እንታይ ክገብር', 'ti'],
  ['Я не отримав зарплату з січня, що мені робити', 'uk'],
  ['No he recibido mi sueldo desde enero, qué hago', 'es'],
];

describe('LanguageDetector with Klar’s packaged identifier, in Chromium', () => {
  it('loads lazily, identifies, answers und for short text, and makes no request off the origin', async () => {
    const before = performance.getEntriesByType('resource').length;
    check((await LanguageDetector.availability({ useNative: false })) === 'available', 'available');
    const detector = await LanguageDetector.create({ useNative: false });
    check(detector.source === 'cld3', `source ${detector.source}`);
    for (const [text, expected] of CASES) {
      const results = await detector.detect(text);
      check(results[0]?.detectedLanguage === expected, `${text} → ${JSON.stringify(results)}`);
      check(
        results.every((r, i) => i === 0 || r.confidence <= results[i - 1]!.confidence),
        'most likely first',
      );
    }
    const short = await detector.detect('ok tack');
    check(short[0]?.detectedLanguage === 'und', `short → ${JSON.stringify(short)}`);

    const requested = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((entry) => entry.name);
    const offOrigin = requested.filter((url) => new URL(url).origin !== location.origin);
    check(offOrigin.length === 0, `requests off the origin: ${offOrigin.join(', ')}`);
    const attempts = await executeServerCommand<
      { request: string; browserService: boolean }[],
      undefined
    >('network-audit');
    const leaks = (attempts ?? []).filter((a) => !a.browserService);
    check(leaks.length === 0, `left the machine: ${leaks.map((a) => a.request).join(', ')}`);
    detector.destroy();
  });

  // The page policy docs/security.md recommends, as a <meta> tag in a same-origin iframe.
  const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

  async function underPolicy(policy: string) {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="${policy}"><script type="module" src="/test/lid/csp-probe.ts"></script>`;
    const report = new Promise<{ language?: string; error?: string; violations: string[] }>(
      (resolve) => {
        const onMessage = (event: MessageEvent) => {
          if (event.data?.kind !== 'klar-lid-csp') return;
          window.removeEventListener('message', onMessage);
          resolve(event.data);
        };
        window.addEventListener('message', onMessage);
      },
    );
    document.body.append(frame);
    try {
      return await report;
    } finally {
      frame.remove();
    }
  }

  it('runs under the recommended page CSP with no violation (it does not fetch its own data: URI)', async () => {
    const report = await underPolicy(POLICY);
    check(report.language === 'sv', `answer ${JSON.stringify(report)}`);
    check(report.violations.length === 0, `violations: ${report.violations.join(', ')}`);
  });

  it("says 'backend-unavailable' when the page CSP forbids WebAssembly", async () => {
    const report = await underPolicy(POLICY.replace(" 'wasm-unsafe-eval'", ''));
    check(report.error === 'backend-unavailable', `answer ${JSON.stringify(report)}`);
  });
});
