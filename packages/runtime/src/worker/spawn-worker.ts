/** The Trusted Types policy name pages allow with `trusted-types klar` in their CSP. */
export const TRUSTED_TYPES_POLICY = 'klar';

interface TrustedTypePolicyLike {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScriptURL: (input: string) => string },
  ): TrustedTypePolicyLike;
}

let policy: TrustedTypePolicyLike | null | undefined;

/**
 * `new Worker(url)` is a Trusted Types sink: on a page with `require-trusted-types-for
 * 'script'` a plain URL is refused and the engine never starts. Klar creates the worker URL
 * through its own named policy, which only lets through the worker script that sits next to
 * this module. Created once per page (policy names are unique); absent without Trusted Types.
 */
function trustedTypesPolicy(): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  policy = null;
  if (!trustedTypes) return policy;
  try {
    policy = trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL(input) {
        const url = new URL(input, globalThis.location?.href);
        const own = new URL('./', import.meta.url);
        if (url.origin !== own.origin)
          throw new TypeError(`Klar only starts its own worker, not ${url.href}.`);
        return url.href;
      },
    });
  } catch (error) {
    // The page's CSP doesn't allow the name (or another copy of Klar took it): the worker
    // will be refused. Tell the developer how to fix it; the citizen sees "not available".
    console.error(
      `Klar: the Trusted Types policy "${TRUSTED_TYPES_POLICY}" could not be created (${String(error)}). Add it to the page's Content-Security-Policy: trusted-types ${TRUSTED_TYPES_POLICY} (see docs/runtime.md).`,
    );
  }
  return policy;
}

type WorkerConstructor = new (url: string | URL, options?: WorkerOptions) => Worker;

/** A Worker constructor that passes the script URL through Klar's Trusted Types policy. */
function trustedWorkerConstructor(): WorkerConstructor {
  const trusted = trustedTypesPolicy();
  if (!trusted) return globalThis.Worker;
  return class TrustedWorker extends globalThis.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(trusted!.createScriptURL(String(url)) as string, options);
    }
  };
}

/**
 * Starts the Klar module worker. Bundlers (Vite, webpack) find a worker by the literal shape
 * `new Worker(new URL('./worker.ts', import.meta.url))`, so that expression must stay as it
 * is; the parameter is named `Worker` only to keep that shape while the constructor goes
 * through the Trusted Types policy.
 */
export function spawnKlarWorker(): Worker {
  return ((Worker: WorkerConstructor) =>
    new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'klar' }))(
    trustedWorkerConstructor(),
  );
}
