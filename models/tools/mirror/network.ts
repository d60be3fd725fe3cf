import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

/** Proxy variables undici's EnvHttpProxyAgent reads (it honours NO_PROXY too). */
const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

export function proxyFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of PROXY_VARS) if (env[name]) return env[name];
  return undefined;
}

/**
 * The fetch the mirror uses: Node's own, or, when HTTPS_PROXY / HTTP_PROXY is set, undici's
 * fetch through EnvHttpProxyAgent (Node 20's built-in fetch ignores those variables; undici
 * is the library Node's fetch is built on, so responses behave the same).
 */
export function hubFetch(env: NodeJS.ProcessEnv = process.env): typeof fetch {
  const proxy = proxyFrom(env);
  if (!proxy) return fetch;
  if (proxied?.proxy === proxy) return proxied.fetch;
  const dispatcher = new EnvHttpProxyAgent({
    ...(env.HTTPS_PROXY || env.https_proxy
      ? { httpsProxy: env.HTTPS_PROXY ?? env.https_proxy }
      : {}),
    ...(env.HTTP_PROXY || env.http_proxy ? { httpProxy: env.HTTP_PROXY ?? env.http_proxy } : {}),
    ...(env.NO_PROXY || env.no_proxy ? { noProxy: env.NO_PROXY ?? env.no_proxy } : {}),
  });
  const viaProxy = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  proxied = { proxy, fetch: viaProxy };
  return viaProxy;
}

/** One proxy agent per proxy URL, so connections are reused across files. */
let proxied: { proxy: string; fetch: typeof fetch } | undefined;

interface SystemError {
  code?: string;
  syscall?: string;
  hostname?: string;
  address?: string;
  port?: number;
  message?: string;
  cause?: unknown;
}

const HINTS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve (no DNS, or a network that needs HTTPS_PROXY)',
  EAI_AGAIN: 'DNS lookup timed out (offline, or a network that needs HTTPS_PROXY)',
  ECONNREFUSED: 'nothing accepts connections there (wrong --hub or proxy address?)',
  ECONNRESET: 'the connection was reset (a proxy or firewall cut it)',
  ETIMEDOUT: 'the connection timed out (firewall, or a network that needs HTTPS_PROXY)',
  UND_ERR_CONNECT_TIMEOUT:
    'the connection timed out (firewall, or a network that needs HTTPS_PROXY)',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the TLS certificate is not trusted (a TLS-inspecting proxy? set NODE_EXTRA_CA_CERTS)',
  SELF_SIGNED_CERT_IN_CHAIN:
    'the TLS certificate is not trusted (a TLS-inspecting proxy? set NODE_EXTRA_CA_CERTS)',
};

/**
 * The real reason behind fetch's "fetch failed": the first system error in the cause chain,
 * with its code, host and a hint, e.g. `ENOTFOUND huggingface.co: the host name does not
 * resolve (…)`. Falls back to the message.
 */
export function describeNetworkError(error: unknown, url: string): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as SystemError;
    if (typeof e.code === 'string' && e.code !== 'ERR_INVALID_ARG_TYPE') {
      const host = e.hostname ?? e.address ?? new URL(url).host;
      const where = e.port && !host.includes(':') ? `${host}:${e.port}` : host;
      const hint = HINTS[e.code] ?? e.message ?? '';
      const proxy = proxyFrom();
      return `${e.code} ${where}${hint ? `: ${hint}` : ''}${proxy ? ` (via proxy ${redact(proxy)})` : ''}`;
    }
    current = e.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A proxy URL without its password, for messages. */
function redact(proxy: string): string {
  try {
    const u = new URL(proxy);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return proxy;
  }
}
