// The web pages (docs/web.md): / (check a draft) and /lineage, with their assets under /assets,
// served as static files from dist/web (built by `npm run build`: scripts/build-web.mjs). They use
// the same API as any client. Their own Content-Security-Policy: scripts, styles and requests
// from this origin only (no CDN, no inline script), images from data: URLs (cytoscape's canvas).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const csp = (style: string) =>
  `default-src 'none'; script-src 'self'; style-src ${style}; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
/** The checking page: styles from the stylesheet only. */
const PAGE_CSP = csp("'self'");
/** The lineage page: cytoscape sets inline styles on the elements it creates around its canvas. */
const GRAPH_CSP = csp("'self' 'unsafe-inline'");

/** dist/web of this package, whether running from dist/src/http or src/http. */
export function webRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(dir, 'dist', 'web');
}

export function webPages(root: string = webRoot()): Router {
  const router = express.Router();
  const pages: Record<string, [string, string]> = { '/': ['index.html', PAGE_CSP], '/lineage': ['lineage.html', GRAPH_CSP] };
  const secure = (res: express.Response, policy = PAGE_CSP) => res.setHeader('Content-Security-Policy', policy);
  for (const [route, [file, policy]] of Object.entries(pages)) {
    router.get(route, (_req, res) => {
      secure(res, policy);
      const full = path.join(root, file);
      if (!existsSync(full)) {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('Trang web chưa được dựng: hãy chạy "npm run build" (dựng dist/web) rồi mở lại.\nThe web pages are not built: run "npm run build" (builds dist/web) and reload.\n');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(full);
    });
  }
  router.use(
    '/assets',
    (_req, res, next) => {
      secure(res);
      next();
    },
    express.static(path.join(root, 'assets'), { index: false, fallthrough: true, maxAge: '1h' }),
  );
  return router;
}
