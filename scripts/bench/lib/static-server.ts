// A small static server for a production web build, close to Firebase Hosting for what Lighthouse
// measures: gzip on text responses, the `hosting.headers` of firebase.json (cache lifetimes,
// security headers), and the single-page rewrite to /app.html (/index.html for `/`). The Content-Security-Policy is
// left out: its connect-src names the production Firebase hosts, not the local emulators.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

interface HostingHeaders {
  source: string;
  headers: { key: string; value: string }[];
}

/** Firebase Hosting globs as used in firebase.json: `**` any path, `*` one segment. */
export function globToRegExp(glob: string): RegExp {
  const re = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${glob.startsWith('/') ? '' : '/?'}${re}$`);
}

/** A `hosting.rewrites` entry to a function, with the URL the function answers on (the emulator). */
export interface FunctionRewrite {
  source: string;
  url: string;
}

/** firebase.json's function rewrites, pointed at the Functions emulator. */
export function functionRewrites(
  rewrites: { source: string; function?: { functionId: string } | string }[],
  functionsBase: string,
): FunctionRewrite[] {
  return rewrites.flatMap((r) => {
    const id = typeof r.function === 'string' ? r.function : r.function?.functionId;
    return id ? [{ source: r.source, url: `${functionsBase}/${id}` }] : [];
  });
}

export function startStaticServer(opts: {
  dir: string;
  port: number;
  hostingHeaders: HostingHeaders[];
  /** Like Hosting: a path that is no static file and matches one of these goes to the function. */
  functionRewrites?: FunctionRewrite[];
}): Promise<Server> {
  const rules = opts.hostingHeaders.map((h) => ({ re: globToRegExp(h.source), headers: h.headers }));
  const rewrites = (opts.functionRewrites ?? []).map((r) => ({ re: globToRegExp(r.source), url: r.url }));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    let file = join(opts.dir, path);
    let upstream: { body: Buffer; type: string; headers: Record<string, string> } | null = null;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const rewrite = rewrites.find((r) => r.re.test(url.pathname));
      if (rewrite) {
        const answer = await fetch(`${rewrite.url}${url.pathname}${url.search}`, {
          headers: { 'x-forwarded-host': req.headers.host ?? '', accept: req.headers.accept ?? '*/*' },
        });
        const cache = answer.headers.get('cache-control');
        upstream = {
          body: Buffer.from(await answer.arrayBuffer()),
          type: answer.headers.get('content-type') ?? 'application/octet-stream',
          headers: cache ? { 'Cache-Control': cache } : {},
        };
      }
      // Like firebase.json: `/` is the prerendered home page (index.html), anything else the bare
      // app shell (app.html, which the web build writes; docs/rendering.md).
      const shell =
        url.pathname !== '/' && existsSync(join(opts.dir, 'app.html')) ? 'app.html' : 'index.html';
      path = `/${shell}`;
      file = join(opts.dir, shell);
    }
    const headers: Record<string, string> = {
      'Content-Type': upstream?.type ?? TYPES[extname(file)] ?? 'application/octet-stream',
      ...upstream?.headers,
    };
    for (const rule of rules) {
      if (!rule.re.test(url.pathname)) continue;
      for (const { key, value } of rule.headers) {
        if (key.toLowerCase() !== 'content-security-policy') headers[key] = value;
      }
    }
    let body: Buffer = upstream?.body ?? readFileSync(file);
    if (
      /text|javascript|json|svg/.test(headers['Content-Type'] ?? '') &&
      /gzip/.test(req.headers['accept-encoding'] ?? '')
    ) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve(server));
  });
}
