// A module worker started by the CSP pages: it reports which policy it runs under, proving
// the server's header on the worker script is what governs a worker (not the page's CSP).
const violations: string[] = [];
self.addEventListener('securitypolicyviolation', (e) =>
  violations.push((e as SecurityPolicyViolationEvent).effectiveDirective),
);

let evalBlocked = false;
try {
  // biome-ignore lint/security/noGlobalEval: the point is to show the worker's CSP blocks it
  eval('1');
} catch {
  evalBlocked = true;
}
// Another origin (loopback, so nothing leaves the machine even if the CSP let it through).
let crossOriginFetched = false;
try {
  await fetch('http://127.0.0.2:9/model.onnx');
  crossOriginFetched = true;
} catch {
  // refused by connect-src (or nothing listens): either way no bytes
}
let sameOriginFetched = false;
try {
  sameOriginFetched = (await fetch('/models/manifest.json')).ok;
} catch {
  // reported below as false
}
await new Promise((r) => setTimeout(r, 50));
postMessage({ evalBlocked, crossOriginFetched, sameOriginFetched, violations });

export {};
