// The Content Security Policies docs/security.md recommends, as the test server sends them.
// A dedicated worker does not inherit the page's CSP: it gets the policy of its own script's
// response. So the policy goes on the page AND on the worker script (its imports run under it).

/** For pages that embed Klar (and for the worker script): models from the same origin. */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The same, plus Trusted Types: only Klar's and Lit's named policies may create script URLs/HTML. */
export const TRUSTED_TYPES_POLICY = `${PAGE_POLICY}; require-trusted-types-for 'script'; trusted-types klar lit-html`;

/** The policy for the worker script: what the worker needs and nothing else. */
export const WORKER_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'self'",
].join('; ');

/** Negative control: a worker policy without 'wasm-unsafe-eval' must stop the WASM backend. */
const WORKER_POLICY_WITHOUT_WASM = WORKER_POLICY.replace(" 'wasm-unsafe-eval'", '');

/*
 * The CSP pages load the runtime under their own URL prefixes (the same files): Chromium reuses
 * a worker script it already loaded for the same URL without asking the server again, so a
 * worker another test started must not stand in for the one whose policy is under test.
 * `/csp-runtime-nowasm/` is the negative control's copy.
 */
const RUNTIME_PREFIX = /^\/csp-runtime(-nowasm)?\//;

/** Worker scripts served with a policy, so a test can show the header was really sent. */
export const workerPolicyLog = [];

/** Pages under /test/csp/ and the workers they start are served with the policies above. */
export async function cspMiddleware(context, next) {
  const prefix = RUNTIME_PREFIX.exec(context.path);
  if (prefix) context.path = `/${context.path.slice(prefix[0].length)}`;
  const workerOfCspPage = isWorkerOfCspPage(context);
  if (workerOfCspPage) {
    // A 304 would let the browser reuse a copy (and its policy) cached for another page.
    delete context.request.headers['if-none-match'];
    delete context.request.headers['if-modified-since'];
  }
  await next();
  const path = context.path;
  if (path.startsWith('/test/csp/') && path.endsWith('.html')) {
    context.set(
      'Content-Security-Policy',
      path.includes('trusted-types') ? TRUSTED_TYPES_POLICY : PAGE_POLICY,
    );
    return;
  }
  if (!workerOfCspPage) return;
  const policy = prefix?.[1] === '-nowasm' ? WORKER_POLICY_WITHOUT_WASM : WORKER_POLICY;
  context.set('Content-Security-Policy', policy);
  context.set('Cache-Control', 'no-store');
  workerPolicyLog.push({ path: `${prefix?.[0] ?? '/'}${path.slice(1)}`, policy });
}

/** The worker's own script (Sec-Fetch-Dest: worker) started by a page under /test/csp/. */
function isWorkerOfCspPage(context) {
  if (context.get('sec-fetch-dest') !== 'worker') return false;
  try {
    return new URL(context.get('referer')).pathname.startsWith('/test/csp/');
  } catch {
    return false;
  }
}
