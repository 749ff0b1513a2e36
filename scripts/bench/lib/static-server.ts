// A small static server for a production web build, close to Firebase Hosting for what Lighthouse
// measures: gzip on text responses, the `hosting.headers` of firebase.json (cache lifetimes,
// security headers), and the single-page rewrite to /index.html. The Content-Security-Policy is
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

export function startStaticServer(opts: {
  dir: string;
  port: number;
  hostingHeaders: HostingHeaders[];
}): Promise<Server> {
  const rules = opts.hostingHeaders.map((h) => ({ re: globToRegExp(h.source), headers: h.headers }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    let file = join(opts.dir, path);
    if (!existsSync(file) || statSync(file).isDirectory()) {
      path = '/index.html';
      file = join(opts.dir, 'index.html');
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    for (const rule of rules) {
      if (!rule.re.test(url.pathname)) continue;
      for (const { key, value } of rule.headers) {
        if (key.toLowerCase() !== 'content-security-policy') headers[key] = value;
      }
    }
    let body: Buffer = readFileSync(file);
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
