import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { parseRoutes } from '../scripts/lib/bundle-budget.mjs';
import { prerenderHome, writeHomeFiles } from '../scripts/lib/prerender-home.mjs';

// Vendor code is split by how often it changes and when it is needed: React and the router load on
// every page; the Firebase SDKs are large and change on their own schedule; firebase/functions and
// firebase/storage are imported lazily where used, so they stay out of the initial load.
const vendorGroups = [
  // What main.tsx needs before anything else — the configuration check and Vite's dynamic-import
  // helper — in a tiny chunk of its own, so the entry needs nothing but React to show "SkillVerse is
  // not configured", and runs (starting the app shell) without waiting for Firebase. In 'shared' they
  // would drag Firebase into the entry: a group also takes the modules its members import.
  {
    name: 'boot',
    test: /(web[\\/]src[\\/]config[\\/]env\.ts|vite[\\/]preload-helper(\.js)?)$/,
    priority: 40,
  },
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  {
    name: 'router',
    test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 30,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  { name: 'firebase-auth', test: /node_modules[\\/]@firebase[\\/]auth[\\/]/, priority: 20 },
  { name: 'firebase-firestore', test: /node_modules[\\/]@firebase[\\/]firestore[\\/]/, priority: 20 },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
  {
    name: 'firebase-core',
    // (Not tslib: only the video room's rxjs imports it, and here it would load with every page.)
    test: /node_modules[\\/](@firebase[\\/](app|component|logger|util)|firebase[\\/]app|idb)[\\/]/,
    // Above the SDK groups: a group also takes the modules its own modules import, so at a lower
    // priority the Firebase core would land in the lazily loaded Auth chunk and drag it back into
    // every page's first paint.
    priority: 25,
  },
  // Shared app code (primitives, helpers, config, domain): one chunk instead of many tiny ones.
  // Firebase set-up stays out of it: main.tsx loads that only once the configuration is valid, and
  // lib/firebase-auth.ts (with the Auth SDK) loads after the first paint; lib/zod.ts loads with
  // the forms that use it. So do the Firestore data modules (lib/firestore, lib/data): each loads
  // with the pages that read its collection, not with every page. Uploads (lib/uploads.ts,
  // lib/image-resize.ts, components/ui/file-upload.tsx) load with the two forms that upload: in
  // here they would take the Firebase set-up with them onto every page.
  {
    name: 'shared',
    test: (id: string) =>
      /web[\\/]src[\\/](components[\\/]ui|lib|config)[\\/]/.test(id) &&
      !/web[\\/]src[\\/]lib[\\/](firebase\.ts|firebase-auth\.ts|zod\.ts|uploads\.ts|image-resize\.ts|firestore[\\/]|data[\\/])/.test(
        id,
      ) &&
      !/web[\\/]src[\\/]components[\\/]ui[\\/]file-upload\.tsx$/.test(id),
    priority: 5,
  },
];

/**
 * The page paints before its scripts load. Vite would put the entry (`<script type="module">`) and
 * `<link rel="modulepreload">` tags in <head>: the browser then fetches about 245 kB of script at high
 * priority alongside the HTML and runs it before the first frame, so even a page whose content is in
 * the HTML (a prerendered `/`, publicPage's course and catalogue pages) paints only after the app's
 * start-up work (issue 17, BENCHMARKS.md "Lighthouse"). Instead the HTML loads one small deferred
 * script (no inline script under the CSP), emitted here, which waits until the page's first content
 * is on the screen (the `first-contentful-paint` entry; where paint timing is missing, the next frame;
 * at most 2 s) and then adds:
 *   - `modulepreload` for the entry's static imports and the app shell's (main.tsx imports
 *     `src/app/app.tsx` dynamically, after checking the configuration, so the browser would discover
 *     the shell's chunks only once the entry has run: one round trip less);
 *   - `modulepreload` for the route's own page chunk: it matches `location.pathname` against the
 *     routes of src/app/router.tsx (index.html is the same for every route), so the page chunk
 *     downloads with the shell instead of after the router ran;
 *   - the entry script itself.
 * A few links per task: starting each preload costs the main thread about a millisecond on a phone,
 * and twenty-odd in one task made a long task of their own.
 * Waiting for the frame itself is not enough: on a slow phone (and under Lighthouse) the frame is
 * rastered and shown well after its requestAnimationFrame, and scripts started there compete with it.
 * A hidden document (a tab opened in the background) paints nothing: it loads at once.
 */
function bootLoader(): Plugin {
  return {
    name: 'skillverse:boot-loader',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const src = fileURLToPath(new URL('./src', import.meta.url));
        const routes = parseRoutes(
          readFileSync(`${src}/app/router.tsx`, 'utf8'),
          readFileSync(`${src}/config/paths.ts`, 'utf8'),
        );
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const closure = (from: string, into: Set<string>) => {
          if (into.has(from)) return into;
          into.add(from);
          const chunk = bundle[from];
          if (chunk?.type === 'chunk') for (const i of chunk.imports) closure(i, into);
          return into;
        };
        const entry = chunks.find((c) => c.isEntry);
        const shellChunk = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/app.tsx'));
        if (!entry || !shellChunk)
          throw new Error('boot-loader: no entry chunk or no chunk for src/app/app.tsx');
        const shell = closure(shellChunk.fileName, closure(entry.fileName, new Set()));
        // Chunk names without "assets/" and ".js": the loader is first-paint script on every page.
        // (Listing each name once and referring to it by index came out larger after gzip.)
        const short = (f: string) => {
          const m = /^assets\/(.+)\.js$/.exec(f);
          if (!m?.[1]) throw new Error(`boot-loader: ${f} is not an assets/*.js chunk`);
          return m[1];
        };
        const table = routes.map(({ path, module }) => {
          const page = chunks.find((c) =>
            c.facadeModuleId?.replace(/\.tsx?$/, '').endsWith(`/src/${module}`),
          );
          if (!page) throw new Error(`boot-loader: no chunk for @/${module}`);
          const pattern = path
            .split('/')
            .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('/');
          // The page chunk only: its own imports come with the router's import of it (Vite's preload
          // list), one round trip later, after the paint. Listing them all doubled the loader's size.
          return [`^${pattern}/?$`, short(page.fileName)];
        });
        const preload = [...shell].filter((f) => f !== entry.fileName);
        const code = `(function(){var d=document,h=d.head,p=location.pathname,r=${JSON.stringify(table)},f=${JSON.stringify(preload.map(short))};for(var i=0;i<r.length;i++)if(new RegExp(r[i][0]).test(p)){f.push(r[i][1]);break}function go(){for(var k=0;k<4&&f.length;k++)add(f.shift());if(f.length)setTimeout(go,0);else{var s=d.createElement("script");s.type="module";s.crossOrigin="";s.src="/${entry.fileName}";h.appendChild(s)}}function add(x){var l=d.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href="/assets/"+x+".js";h.appendChild(l)}var done=0;function start(){if(!done){done=1;go()}}if(d.visibilityState==="hidden")return start();try{new PerformanceObserver(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();setTimeout(start,0)}}).observe({type:"paint",buffered:true})}catch(e){requestAnimationFrame(function(){setTimeout(start,0)})}setTimeout(start,2000)})();\n`;
        const fileName = `assets/boot-loader-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName, source: code });
        // Vite's own tags for the entry and its static imports: the loader adds them after the paint.
        const stripped = html
          .replace(/[ \t]*<script type="module"[^>]*\bsrc="[^"]*"[^>]*><\/script>\n?/g, '')
          .replace(/[ \t]*<link rel="modulepreload"[^>]*>\n?/g, '');
        if (stripped.includes('type="module"'))
          throw new Error('boot-loader: a module script is left in index.html');
        return stripped.replace('</head>', `  <script src="/${fileName}" defer></script>\n  </head>`);
      },
    },
  };
}

/**
 * `<link rel="preconnect">` to Firestore (the emulator in emulator builds): every page reads from it
 * as soon as its scripts run, so the connection can be set up while they download.
 */
function preconnectFirestore(): Plugin {
  let origin = 'https://firestore.googleapis.com';
  return {
    name: 'skillverse:preconnect-firestore',
    apply: 'build',
    configResolved(config) {
      const env = config.env as Record<string, string | undefined>;
      if (env.VITE_USE_EMULATORS === 'true') {
        origin = `http://${env.VITE_EMULATOR_HOST || '127.0.0.1'}:${env.VITE_FIRESTORE_EMULATOR_PORT || '8080'}`;
      }
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'preconnect', href: origin, crossorigin: '' }, injectTo: 'head' },
    ],
  };
}

/**
 * `/` paints its hero from the HTML (docs/rendering.md). index.html is also every deep link's
 * single-page fallback, so the build writes two files: `app.html`, the bare shell, which the `**`
 * fallback (firebase.json), `vite preview`'s fallback (below) and publicPage's template use; and
 * `index.html`, the same shell with the landing hero and the home page's share tags
 * (scripts/lib/prerender-home.mjs). The dev server prerenders `/` only; every other page (and
 * publicPage's `/app.html`) gets the bare shell.
 */
function prerenderHomePage(appUrl: string | undefined): Plugin {
  let outDir = '';
  return {
    name: 'skillverse:prerender-home',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.server) return html;
        const path = (ctx.originalUrl ?? ctx.path).split(/[?#]/)[0];
        return path === '/' || path === '/index.html' ? prerenderHome(html, { appUrl }) : html;
      },
    },
    writeBundle: {
      order: 'post',
      handler() {
        writeHomeFiles(outDir, { appUrl });
      },
    },
    configurePreviewServer(server) {
      // Hosting's `**` → /app.html: a deep link gets the bare shell, never the landing hero.
      server.middlewares.use((req, _res, next) => {
        const accept = req.headers.accept ?? '';
        const path = (req.url ?? '/').split(/[?#]/)[0];
        if (
          (req.method === 'GET' || req.method === 'HEAD') &&
          (accept === '' || accept.includes('text/html') || accept.includes('*/*')) &&
          path !== '/' &&
          !/\.[a-z0-9]+$/i.test(path) &&
          !existsSync(join(outDir, decodeURIComponentSafe(path)))
        ) {
          req.url = `/app.html${(req.url ?? '').slice(path.length)}`;
        }
        next();
      });
    },
  };
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * `npm start`: the dev server hands the pages publicPage renders (`/courses`, `/courses/:id`,
 * `/u/:uid`, `/certificates/:id/verify`) to that function on the Functions emulator, as Hosting's
 * rewrites do in production (firebase.json), so they arrive with their content and share tags.
 * The function reads the dev server's own index.html (it trusts the forwarded loopback host on the
 * emulators only; functions/src/public-pages/public-page.ts).
 */
function publicPageProxy(env: Record<string, string | undefined>) {
  if (env.VITE_USE_EMULATORS !== 'true' || !env.VITE_FUNCTIONS_EMULATOR_PORT) return undefined;
  const host = env.VITE_EMULATOR_HOST || '127.0.0.1';
  const project = env.VITE_FIREBASE_PROJECT_ID || 'demo-skillverse';
  return {
    '^/(courses(/[^/?]+)?|u/[^/?]+|certificates/[^/?]+/verify)/?(\\?.*)?$': {
      target: `http://${host}:${env.VITE_FUNCTIONS_EMULATOR_PORT}/${project}/us-central1/publicPage`,
      // The function reads the template from the forwarded host (this dev server).
      configure: (proxy: {
        on: (
          event: 'proxyReq',
          fn: (
            proxyReq: { setHeader: (k: string, v: string) => void },
            req: { headers: { host?: string } },
          ) => void,
        ) => void;
      }) => {
        proxy.on('proxyReq', (proxyReq, req) =>
          proxyReq.setHeader('x-forwarded-host', req.headers.host ?? ''),
        );
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    tailwindcss(),
    bootLoader(),
    preconnectFirestore(),
    prerenderHomePage(
      loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_').VITE_APP_URL ||
        process.env.VITE_APP_URL,
    ),
  ],
  server: {
    proxy: publicPageProxy({
      ...loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_'),
      ...process.env,
    }),
  },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Firestore imports re2js only for client-side pipeline regexes, which this app never runs
      // (about 40 kB gzip on every page); see the stub's comment.
      re2js: fileURLToPath(new URL('./src/lib/vendor/re2js-unsupported.ts', import.meta.url)),
    },
    // One zod: the callable contracts in domain/ import it from domain/node_modules (the root holds
    // firebase-tools' zod 3), the app from web/node_modules; both are 4.6.7, bundled once.
    dedupe: ['zod'],
  },
  build: {
    target: 'es2022',
    // Maps for scripts/check-bundle.mjs (and an error tracker's upload), without a sourceMappingURL
    // comment in the served JS; firebase.json's hosting.ignore keeps the .map files off the CDN.
    sourcemap: 'hidden',
    // .vite/manifest.json: the chunk graph scripts/check-bundle.mjs measures the bundle budget on.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
}));
