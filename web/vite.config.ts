import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Vendor code is split by how often it changes and when it is needed: React and the router load on
// every page; the Firebase SDKs are large and change on their own schedule; firebase/functions and
// firebase/storage are imported lazily where used, so they stay out of the initial load.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  {
    name: 'router',
    test: /node_modules[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
    priority: 30,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  { name: 'firebase-auth', test: /node_modules[\\/]@firebase[\\/]auth[\\/]/, priority: 20 },
  { name: 'firebase-firestore', test: /node_modules[\\/]@firebase[\\/]firestore[\\/]/, priority: 20 },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
  {
    name: 'firebase-core',
    test: /node_modules[\\/](@firebase[\\/](app|component|logger|util)|firebase[\\/]app|idb|tslib)[\\/]/,
    priority: 10,
  },
  // Shared app code (primitives, helpers, config, domain): one chunk instead of many tiny ones.
  // Firebase set-up stays out of it: main.tsx loads that only once the configuration is valid.
  {
    name: 'shared',
    test: (id: string) =>
      /(web[\\/]src[\\/](components|lib|config)|domain[\\/]src)[\\/]/.test(id) &&
      !/web[\\/]src[\\/]lib[\\/](firebase\.ts|firestore[\\/])/.test(id),
    priority: 5,
  },
];

/**
 * main.tsx imports the app shell (`src/app/app.tsx`) dynamically, after checking the configuration,
 * so the browser would discover the shell's chunks (router, query, Firebase) only once the entry
 * has run. `<link rel="modulepreload">` tags for the shell and its static imports let those
 * downloads start with the HTML: one round trip less before the first paint.
 */
function preloadAppShell(): Plugin {
  return {
    name: 'skillverse:preload-app-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const shell = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/app.tsx'));
        if (!shell) throw new Error('preload-app-shell: no chunk for src/app/app.tsx');
        const staticClosure = (from: string, into: Set<string>, skip = new Set<string>()) => {
          if (into.has(from) || skip.has(from)) return into;
          into.add(from);
          const chunk = bundle[from];
          if (chunk?.type === 'chunk') for (const i of chunk.imports) staticClosure(i, into, skip);
          return into;
        };
        // Vite already preloads what the entry imports statically.
        const entry = chunks.find((c) => c.isEntry);
        const already = entry ? staticClosure(entry.fileName, new Set()) : new Set<string>();
        const files = staticClosure(shell.fileName, new Set(), already);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
          injectTo: 'head' as const,
        }));
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

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadAppShell(), preconnectFirestore()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Firestore imports re2js only for client-side pipeline regexes, which this app never runs
      // (about 40 kB gzip on every page); see the stub's comment.
      re2js: fileURLToPath(new URL('./src/lib/vendor/re2js-unsupported.ts', import.meta.url)),
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // .vite/manifest.json: the chunk graph scripts/check-bundle.mjs measures the bundle budget on.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
