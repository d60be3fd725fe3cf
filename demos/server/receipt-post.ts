/**
 * Lets the demo's application form work without JavaScript: the form POSTs to a static receipt
 * page (kvitto.html), so nothing the citizen typed ends up in a URL, a server log or the history.
 * Neither Vite's dev server nor its preview server answers POST for an .html file, so this
 * middleware takes the POST, reads and discards the body (the demo stores nothing), and answers
 * 303 See Other to the same page: the browser then GETs the static receipt (post/redirect/get,
 * so reloading the receipt never sends the form again).
 *
 * A static host needs the same rule; see docs/accessibility.md ("The demo without JavaScript").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/** Receipt pages that accept a POST: any `kvitto.html`, in any language folder. */
export const RECEIPT_PAGE = /^\/(?:[a-z]{2}\/)?kvitto\.html$/;

/** A form body larger than this is refused (the demo form is far smaller). */
const MAX_BODY_BYTES = 256 * 1024;

export function receiptPostMiddleware(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method !== 'POST' || !RECEIPT_PAGE.test(path)) return next();
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !refused) {
        refused = true;
        res.statusCode = 413;
        res.setHeader('Connection', 'close');
        res.end();
        req.destroy();
      }
    });
    req.on('end', () => {
      if (refused) return;
      // Keep only the query the page was opened with (e.g. ?models=fixtures); never form data.
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice(path.length) : '';
      res.statusCode = 303;
      res.setHeader('Location', path + query);
      res.setHeader('Cache-Control', 'no-store');
      res.end();
    });
  };
}

/** The Vite plugin: the same rule for `npm start` (dev) and `vite preview` (the built site). */
export function receiptPost(): Plugin {
  return {
    name: 'klar-demo-receipt-post',
    configureServer(server) {
      server.middlewares.use(receiptPostMiddleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(receiptPostMiddleware());
    },
  };
}
