// Pure logic of the bundle budget (scripts/check-bundle.mjs): which chunks a route loads for its
// first paint, how much they weigh, and which rules they break. No file system here; unit-tested
// in bundle-budget.test.ts.

/**
 * Routes of web/src/app/router.tsx: every `lazyPage(() => import('@/…'))` with the `paths.<name>.path`
 * (or `index: true`) of the same route object, resolved against web/src/config/paths.ts.
 * @param {string} routerSource
 * @param {string} pathsSource
 * @returns {{ path: string, module: string }[]} module as written after `@/` (no extension)
 */
export function parseRoutes(routerSource, pathsSource) {
  const patterns = new Map();
  for (const m of pathsSource.matchAll(/(\w+):\s*\{\s*path:\s*'([^']+)'/g)) patterns.set(m[1], m[2]);
  const routes = [];
  const routeRe =
    /(?:path:\s*paths\.(\w+)\.path|index:\s*true),\s*\.\.\.lazyPage\(\s*\(\)\s*=>\s*import\(\s*'@\/([^']+)'\s*\)/g;
  for (const m of routerSource.matchAll(routeRe)) {
    const name = m[1];
    const path = name === undefined ? '/' : patterns.get(name);
    if (path === undefined)
      throw new Error(`router.tsx uses paths.${name}, which config/paths.ts does not define`);
    routes.push({ path, module: m[2] });
  }
  return routes;
}

/**
 * The manifest key of a source module written as `@/<module>` (Vite keys are relative to web/).
 * @param {Record<string, { file: string }>} manifest
 * @param {string} module
 */
export function manifestKey(manifest, module) {
  for (const ext of ['.tsx', '.ts', '.jsx', '.js']) {
    const key = `src/${module}${ext}`;
    if (manifest[key]) return key;
  }
  throw new Error(`the build manifest has no chunk for @/${module} (is it still lazy-loaded?)`);
}

/**
 * Manifest keys of `roots` and everything they import statically (`imports`), transitively.
 * With `dynamic`, `dynamicImports` are followed too (everything the roots can ever load).
 * @param {Record<string, { imports?: string[], dynamicImports?: string[] }>} manifest
 * @param {string[]} roots
 * @param {{ dynamic?: boolean }} [options]
 * @returns {Set<string>}
 */
export function closure(manifest, roots, { dynamic = false } = {}) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no entry ${key}`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
    if (dynamic) stack.push(...(chunk.dynamicImports ?? []));
  }
  return seen;
}

/**
 * @typedef {object} BudgetInput
 * @property {Record<string, { file: string, imports?: string[], dynamicImports?: string[] }>} manifest
 * @property {{ path: string, module: string }[]} routes
 * @property {string[]} shell manifest keys every page loads before its own chunk (entry, app)
 * @property {Record<string, number>} gzipBytes by chunk file
 * @property {Record<string, string[]>} sources by chunk file: source paths relative to the repo root
 * @property {{ paths: string[], maxBytes: number }} budget
 * @property {{ name: string, source: RegExp, routes: RegExp }[]} ownChunks code that must stay in
 *   chunks only its own routes load first (admin, educator, player)
 * @property {string[]} [htmlScripts] scripts index.html loads that are not chunks (web/vite.config.ts
 *   emits the boot loader), counted in every route's first paint
 * @property {{ source: RegExp, routes: RegExp }} livekit livekit-client's sources, and the routes
 *   (the live room) allowed to load it
 */

/**
 * Measures every route's first-paint JS and checks the rules.
 * @param {BudgetInput} input
 * @returns {{ rows: { path: string, module: string, files: string[], bytes: number }[], failures: string[] }}
 */
export function checkBudget({
  manifest,
  routes,
  shell,
  gzipBytes,
  sources,
  budget,
  ownChunks,
  livekit,
  htmlScripts = [],
}) {
  const failures = [];
  const size = (file) => {
    const bytes = gzipBytes[file];
    if (bytes === undefined) throw new Error(`no size for ${file}`);
    return bytes;
  };
  const has = (file, re) => (sources[file] ?? []).some((s) => re.test(s));
  const rows = routes.map(({ path, module }) => {
    const key = manifestKey(manifest, module);
    const files = [
      ...new Set([...[...closure(manifest, [...shell, key])].map((k) => manifest[k].file), ...htmlScripts]),
    ].sort();
    return { path, module, key, files, bytes: files.reduce((sum, f) => sum + size(f), 0) };
  });

  for (const path of budget.paths) {
    const row = rows.find((r) => r.path === path);
    if (!row) failures.push(`budget: no route ${path} in the router`);
    else if (row.bytes > budget.maxBytes)
      failures.push(
        `budget: ${path} loads ${kB(row.bytes)} of gzip JS for its first paint, more than ${kB(budget.maxBytes)}`,
      );
  }

  for (const rule of ownChunks) {
    for (const row of rows) {
      if (rule.routes.test(row.path)) continue;
      const leaked = row.files.filter((f) => has(f, rule.source));
      if (leaked.length > 0)
        failures.push(
          `${rule.name} code loads with the first paint of ${row.path}: ${leaked.join(', ')} (${(
            sources[leaked[0]] ?? []
          )
            .filter((s) => rule.source.test(s))
            .slice(0, 3)
            .join(', ')})`,
        );
    }
  }

  // livekit-client: only in chunks that nothing but the live room can ever load (statically or
  // lazily): every other route's reach, shell included, must be free of it.
  const shellReach = closure(manifest, shell);
  for (const row of rows) {
    if (livekit.routes.test(row.path)) continue;
    const reach = new Set([...shellReach, ...closure(manifest, [row.key], { dynamic: true })]);
    const leaked = [...reach].map((k) => manifest[k].file).filter((f) => has(f, livekit.source));
    if (leaked.length > 0)
      failures.push(
        `livekit-client can be loaded by ${row.path} (not the live room): ${[...new Set(leaked)].join(', ')}`,
      );
  }
  return { rows, failures };
}

/** 251234 → "251.2 kB" (1 kB = 1000 bytes, as Vite reports). */
export function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * A Markdown-style table of every route's first-paint JS, largest first.
 * @param {{ path: string, files: string[], bytes: number }[]} rows
 * @param {number} maxBytes
 * @param {string[]} budgetPaths
 */
export function formatTable(rows, maxBytes, budgetPaths) {
  const lines = ['| route | gzip JS, first paint | chunks | budget |', '| --- | ---: | ---: | --- |'];
  for (const r of [...rows].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))) {
    const limit = budgetPaths.includes(r.path)
      ? `≤ ${kB(maxBytes)} ${r.bytes <= maxBytes ? 'ok' : 'OVER'}`
      : '';
    lines.push(`| \`${r.path}\` | ${kB(r.bytes)} | ${r.files.length} | ${limit} |`);
  }
  return lines.join('\n');
}
