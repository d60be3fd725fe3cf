// <klar-dictate>'s microphone path under the page CSP and Trusted Types: the AudioWorklet module
// loads from our own origin (script-src 'self', no blob:, no policy needed for addModule), and the
// element renders through Lit's policy. The microphone is an oscillator. Reports to the parent.
import '../../packages/components/src/klar-dictate/klar-dictate.js';
import { openMicrophone } from '../../packages/components/src/klar-dictate/microphone.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()),
);

let stringSinkBlocked = false;
try {
  document.createElement('div').innerHTML = '<b>x</b>';
} catch {
  stringSinkBlocked = true;
}
await new Promise((resolve) => setTimeout(resolve, 100));
violations.length = 0;

navigator.mediaDevices.getUserMedia = async () => {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  new OscillatorNode(context).connect(destination);
  return destination.stream;
};

let microphone: unknown;
try {
  const opened = await openMicrophone(() => {});
  microphone = { started: true, stopped: opened.stopped };
  await opened.stop();
} catch (error) {
  microphone = { error: String(error), code: (error as { code?: string }).code };
}

const element = document.querySelector('klar-dictate') as HTMLElement & {
  updateComplete?: Promise<unknown>;
};
await customElements.whenDefined('klar-dictate');
await element.updateComplete;
await new Promise((resolve) => setTimeout(resolve, 100));
const rendered = (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

parent.postMessage(
  { klarDictateCsp: { stringSinkBlocked, microphone, rendered, violations } },
  '*',
);
