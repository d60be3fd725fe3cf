// A recording proxy: the test browser sends every request for a non-loopback host here
// (Chromium bypasses proxies for loopback only). Each one is recorded and refused, so a
// test run proves that nothing left the machine, whichever context (page, worker) made it.
import net from 'node:net';

// Hosts Chromium's own browser process contacts (component updater, sign-in, network clock)
// even with background networking disabled. They carry no page content; they are refused and
// reported, but not counted as leaks. Anything else fails the run.
const BROWSER_SERVICE_HOSTS = [
  'update.googleapis.com',
  'clients2.google.com',
  'accounts.google.com',
  'edgedl.me.gvt1.com',
  'redirector.gvt1.com',
  'optimizationguide-pa.googleapis.com',
  'content-autofill.googleapis.com',
  'safebrowsing.googleapis.com',
  'www.google.com',
  // Chromium 156's device registration (GCM), seen with background networking disabled.
  'android.clients.google.com',
];

function hostOf(requestLine) {
  const target = requestLine.split(' ')[1] ?? '';
  try {
    return target.includes('://') ? new URL(target).hostname : target.split(':')[0];
  } catch {
    return target;
  }
}

export function startNetworkAudit() {
  const attempts = [];
  const server = net.createServer((socket) => {
    socket.once('data', (chunk) => {
      const head = chunk.toString('latin1').split('\r\n')[0] ?? '';
      const host = hostOf(head);
      attempts.push({
        at: new Date().toISOString(),
        host,
        request: head.slice(0, 300),
        browserService: BROWSER_SERVICE_HOSTS.includes(host),
      });
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
  });
  const ready = new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ready,
    get port() {
      return server.address().port;
    },
    attempts,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
