// Loaded by packages/tasks/test/browser/language-detector.test.ts inside an iframe whose
// Content-Security-Policy comes from a <meta> tag: runs Klar's identifier under that policy and
// reports the answer, the error code, and every CSP violation back to the test.
import { LanguageDetector } from '../../packages/tasks/src/index.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

let language: string | undefined;
let error: string | undefined;
try {
  const detector = await LanguageDetector.create({ useNative: false });
  language = (await detector.detect('hej jag har inte fått något beslut om min ansökan än'))[0]
    ?.detectedLanguage;
} catch (cause) {
  error = (cause as { code?: string }).code ?? String(cause);
}
// Violation events are queued as tasks: let them arrive before reporting.
await new Promise((resolve) => setTimeout(resolve, 200));
parent.postMessage({ kind: 'klar-lid-csp', language, error, violations }, '*');
