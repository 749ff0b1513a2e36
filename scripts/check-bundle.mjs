#!/usr/bin/env node
// Bundle budget (issue 7), run by `npm test` after the production web build:
//   node scripts/check-bundle.mjs [--dir web/dist-1000] [--write]   (--write: also BENCHMARKS.md)
// For every route of web/src/app/router.tsx, the gzip size of the JS its first paint loads: the
// entry (index.html) and the app shell main.tsx loads once the configuration is valid
// (src/app/app.tsx), the route's lazy page chunk, and all their static imports — not dynamic ones.
// Fails when `/` or `/courses` exceeds 250 kB, when livekit-client can be loaded by any route but
// the video rooms (live session, exchange call, swap cycle call), or when admin, educator or player code loads with another route's first paint.
// Chunk contents come from the build's source maps, which stay local: it also fails when a built
// JS or CSS file carries a sourceMappingURL comment (build.sourcemap must be 'hidden'; firebase.json
// ignores **/*.map). Prints a table of every route.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkBudget, formatTable, kB, parseRoutes } from './lib/bundle-budget.mjs';
import { ROOT } from './lib/emulators.mjs';
import { webOutDir } from './lib/web-env.mjs';

// The budget (issue 7). Firebase Auth loads after the first paint (web/src/lib/firebase.ts) and zod
// only with the forms (web/src/lib/zod.ts); without that, the libraries alone would exceed it.
const MAX_BYTES = 250_000;
// `/` and `/courses` are the issue's; the course page is where shared links and search land, and
// Lighthouse measures it too, so it gets the same budget.
const BUDGET_PATHS = ['/', '/courses', '/courses/:id'];
const SHELL = ['index.html', 'src/app/app.tsx'];

const argDir = process.argv.indexOf('--dir');
const dist = resolve(ROOT, argDir === -1 ? join('web', webOutDir()) : process.argv[argDir + 1]);
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(
    `check-bundle: no ${relative(ROOT, manifestPath)}; build the web app first (npm run build -w web)`,
  );
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const web = join(ROOT, 'web', 'src');
const routes = parseRoutes(
  readFileSync(join(web, 'app', 'router.tsx'), 'utf8'),
  readFileSync(join(web, 'config', 'paths.ts'), 'utf8'),
);

const gzipBytes = {};
const sources = {};
for (const { file } of Object.values(manifest)) {
  if (!file.endsWith('.js') || file in gzipBytes) continue;
  const path = join(dist, file);
  gzipBytes[file] = gzipSync(readFileSync(path)).length;
  const mapPath = `${path}.map`;
  if (!existsSync(mapPath)) {
    // Only the bundler's own runtime has no map, and re-export facades (a package one route
    // imports dynamically and another statically, e.g. livekit-client in the two video rooms):
    // their code is in the chunk they import. Anything else bigger must be attributable.
    const facade = /^export\s*\{[^}]*\}\s*from\s*"[^"]+";?$/.test(readFileSync(path, 'utf8').trim());
    if (gzipBytes[file] > 1000 && !facade) {
      console.error(`check-bundle: ${relative(ROOT, mapPath)} is missing (build.sourcemap must stay on)`);
      process.exit(2);
    }
    sources[file] = [];
    continue;
  }
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const base = resolve(dirname(mapPath), map.sourceRoot ?? '');
  sources[file] = map.sources.map((s) => relative(ROOT, resolve(base, s)).split('\\').join('/'));
}

// Scripts index.html loads besides the chunks (the boot loader web/vite.config.ts emits):
// every route's first paint downloads them too.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const chunkFiles = new Set(Object.values(manifest).map((c) => c.file));
const htmlScripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+\.js)"/g)]
  .map((m) => m[1])
  .filter((file) => !chunkFiles.has(file));
for (const file of htmlScripts) {
  gzipBytes[file] = gzipSync(readFileSync(join(dist, file))).length;
  sources[file] = [];
}

const { rows, failures } = checkBudget({
  manifest,
  routes,
  shell: SHELL,
  gzipBytes,
  sources,
  budget: { paths: BUDGET_PATHS, maxBytes: MAX_BYTES },
  htmlScripts,
  ownChunks: [
    { name: 'admin', source: /^web\/src\/features\/admin\//, routes: /^\/admin(\/|$)/ },
    { name: 'educator', source: /^web\/src\/features\/educator\//, routes: /^\/educator(\/|$)/ },
    {
      name: 'player',
      source:
        /^web\/src\/features\/learning\/(pages\/player-page|components\/|utils\/player|api\/(get-lectures|get-quizzes|submit-quiz|complete-lecture|save-resume-position))/,
      routes: /^\/learn\//,
    },
  ],
  // The video rooms: a live session's, an exchange session's call (issue 15) and a swap cycle's
  // group call (issue 16).
  livekit: {
    // livekit-client and LiveKit's React components (@livekit/components-react and its core).
    source: /node_modules\/(livekit-client|@livekit\/components-[a-z]+)\//,
    routes:
      /^(\/live\/:sessionId|\/skill-exchange\/:id\/sessions\/:sessionId\/call|\/skill-exchange\/cycles\/:id\/sessions\/:sessionId\/call)$/,
  },
});

// Served files must not point at their maps (the maps are not deployed; see firebase.json).
const linked = readdirSync(dist, { recursive: true })
  .map((f) => String(f).split('\\').join('/'))
  .filter(
    (f) =>
      /\.(js|css)$/.test(f) &&
      /^(\/\/|\/\*)[#@] sourceMappingURL=/m.test(readFileSync(join(dist, f), 'utf8')),
  )
  .sort();
if (linked.length > 0) {
  failures.push(
    `${linked.length} built file(s) reference a source map (${linked.slice(0, 3).join(', ')}${linked.length > 3 ? ', …' : ''}): set build.sourcemap to 'hidden' in web/vite.config.ts`,
  );
}

const table = formatTable(rows, MAX_BYTES, BUDGET_PATHS);
console.log(`First-paint JS per route (gzip, ${relative(ROOT, dist)}; shell: ${SHELL.join(' + ')}):\n`);
console.log(table);
if (process.argv.includes('--write')) writeReport();

/** The `bench:bundle` section of BENCHMARKS.md: the table, the chunks of `/`, and the verdict. */
function writeReport() {
  const home = rows.find((r) => r.path === '/');
  const chunks = (home?.files ?? [])
    .map((f) => [f, gzipBytes[f] ?? 0])
    .sort((a, b) => b[1] - a[1])
    .map(
      ([f, b]) =>
        `${String(f)
          .replace(/^assets\//, '')
          .replace(/-[\w-]{8}\.js$/, '')} ${kB(b)}`,
    )
    .join(', ');
  // Libraries vs app code in `/`: a chunk counts as library code when all its sources are packages
  // (or stand-ins for them, web/src/lib/vendor/).
  const isLibrary = (f) =>
    (sources[f] ?? []).length > 0 &&
    sources[f].every((x) => x.includes('node_modules/') || x.startsWith('web/src/lib/vendor/'));
  const libraryBytes = (home?.files ?? []).filter(isLibrary).reduce((sum, f) => sum + (gzipBytes[f] ?? 0), 0);
  const body = [
    '## Bundle budget (first-paint JS per route)',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length}-core machine (sizes do not depend on it)`,
    '- Command: `node scripts/check-bundle.mjs --write` after a production build (`npm test` runs it, without --write, after its web build)',
    `- What counts: the entry, the app shell main.tsx loads once configured (\`src/app/app.tsx\`), the route's lazy page chunk, and their static imports; gzip (zlib default level) of each JS chunk, 1 kB = 1000 bytes. Budget: ${kB(MAX_BYTES)} for ${BUDGET_PATHS.map((p) => `\`${p}\``).join(' and ')}.`,
    '',
    table,
    '',
    `Chunks of \`/\`: ${chunks}. Library chunks (only package code): ${kB(libraryBytes)}; the rest, ${kB((home?.bytes ?? 0) - libraryBytes)}, is app code (layouts, providers, components, converters, domain) with the page.${libraryBytes > MAX_BYTES ? ` The library chunks alone exceed the budget by ${kB(libraryBytes - MAX_BYTES)}: meeting it needs a library off the first paint (or a smaller one), not only leaner app code.` : ''}`,
    '',
    'What keeps it there: Firebase Auth (about 36 kB gzip) loads after the first paint, once the browser is idle (`web/src/lib/firebase.ts`, the AuthProvider); zod (about 25 kB) loads only with forms, through `web/src/lib/zod.ts` — Firestore documents are read with small hand-written readers and the configuration is checked by hand (enforced by `scripts/check-boundaries.mjs`); signed-in-only header parts and the course review form are lazy. Before those changes `/` loaded 294.6 kB.',
    '',
    "Firestore's bundle would be about 46 kB gzip larger: `re2js`, which Firestore 12 imports only to evaluate pipeline regexes on the client (this app runs no pipelines), is replaced in the web build by a stub that throws (`web/src/lib/vendor/re2js-unsupported.ts`, aliased in `web/vite.config.ts`).",
    '',
    failures.length > 0 ? `**Failing:** ${failures.join('; ')}.` : '**Every rule met.**',
  ].join('\n');
  const file = join(ROOT, 'BENCHMARKS.md');
  let text = readFileSync(file, 'utf8');
  const open = '<!-- bench:bundle -->';
  const close = '<!-- /bench:bundle -->';
  if (!text.includes(open)) text = `${text.trimEnd()}\n\n${open}\n${close}\n`;
  const start = text.indexOf(open) + open.length;
  writeFileSync(file, `${text.slice(0, start)}\n${body}\n${text.slice(text.indexOf(close))}`);
}
if (failures.length > 0) {
  console.log(`\ncheck-bundle: ${failures.length} problem(s):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
  process.exit(1);
}
const worst = Math.max(...rows.filter((r) => BUDGET_PATHS.includes(r.path)).map((r) => r.bytes));
console.log(
  `\ncheck-bundle: ok — ${BUDGET_PATHS.join(' and ')} at most ${kB(worst)} (budget ${kB(MAX_BYTES)}); livekit-client only in the video rooms; admin, educator and player code off other routes' first paint`,
);
