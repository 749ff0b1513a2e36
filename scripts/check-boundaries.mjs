#!/usr/bin/env node
// Import boundaries that keep the layout honest (STYLE.md):
//  - domain/ is pure: no firebase, react or node-only imports;
//  - a web feature never imports another feature's files (shared code lives in components/, lib/, domain);
//  - web/src/components, lib and config never import from features or app;
//  - pages and components never import firebase/firestore directly (only lib/ and features/*/api/ do);
//  - web code gets zod from lib/zod.ts (which configures it first), never from 'zod' itself, and
//    lib/firestore/ and lib/data/ (on every page's first paint) do not use it at all;
//  - a collection's converter lives in its web/src/lib/data/<collection>.ts: no converter is
//    defined or attached elsewhere (`.withConverter(null)` for a write is fine), and the generic
//    machinery in lib/firestore/ does not depend on any collection's module.
//  - functions/src top-level folders import each other one way only: no cycle between folders
//    (e.g. gamification ↔ leagues), and functions/src/lib and config import no domain folder.
//  - in domain/, only the callable contracts (domain/src/contracts/, which configure zod in their
//    own zod.ts) use zod, and the other modules (courses-api, models… on first paint) never import
//    a contract; lib/firebase.ts, lib/firestore/ and lib/data/ import contracts as types only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './lib/emulators.mjs';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || (name === 'lib' && dir.endsWith('functions'))) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const importRe =
  /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];

/** Specifiers imported only as types (`import type … from`), which load nothing at run time. */
function typeOnlyImports(file) {
  const text = readFileSync(file, 'utf8');
  const valued = new Set();
  const typed = new Set();
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s)?[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    (m[2] ? typed : valued).add(m[3]);
  }
  return new Set([...typed].filter((spec) => !valued.has(spec)));
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(importRe)) out.push(m[1] ?? m[2]);
  return out;
}

const domainSrc = join(ROOT, 'domain', 'src');
for (const file of files(domainSrc)) {
  const rel = relative(domainSrc, file).split(sep).join('/');
  const inContracts = rel.startsWith('contracts/');
  const typeOnly = typeOnlyImports(file);
  for (const spec of importsOf(file)) {
    if (/^zod(\/|$)/.test(spec) && !(inContracts && rel === 'contracts/zod.ts') && !typeOnly.has(spec)) {
      problems.push(
        `domain/src/${rel}: imports '${spec}'; only contracts/ use zod, through contracts/zod.ts (it configures zod first)`,
      );
    }
    if (!inContracts && /(^|\/)contracts\//.test(spec) && !typeOnly.has(spec)) {
      problems.push(`domain/src/${rel}: imports a contract ('${spec}'), which would bring zod along`);
    }
    if (
      /^(firebase|firebase-admin|firebase-functions|react|@firebase)(\/|$)/.test(spec) ||
      spec.startsWith('node:')
    ) {
      problems.push(`${relative(ROOT, file)}: domain code must stay pure, but imports '${spec}'`);
    }
  }
}

const webSrc = join(ROOT, 'web', 'src');
for (const file of files(webSrc)) {
  const rel = relative(webSrc, file).split(sep);
  const feature = rel[0] === 'features' ? rel[1] : undefined;
  const isApiOrLib = rel[0] === 'lib' || (rel[0] === 'features' && rel[2] === 'api') || rel[0] === 'app';
  const isDataLayer = rel[0] === 'lib' && (rel[1] === 'firestore' || rel[1] === 'data');
  if (!(rel[0] === 'lib' && rel[1] === 'data') && !(rel[0] === 'lib' && rel[1] === 'firestore')) {
    const text = readFileSync(file, 'utf8');
    if (/\bFirestoreDataConverter\b|\breadOnlyConverter\(|\.withConverter\((?!null\))/.test(text)) {
      problems.push(
        `web/src/${rel.join('/')}: defines or attaches a Firestore converter; it belongs in lib/data/<collection>.ts`,
      );
    }
  }
  for (const spec of importsOf(file)) {
    const m = /^(?:@\/|(?:\.\.\/)+)features\/([^/]+)/.exec(spec);
    if (m && feature && m[1] !== feature) {
      problems.push(`web/src/${rel.join('/')}: feature '${feature}' imports feature '${m[1]}' ('${spec}')`);
    }
    if (m && ['components', 'lib', 'config'].includes(rel[0])) {
      problems.push(`web/src/${rel.join('/')}: shared ${rel[0]}/ code imports a feature ('${spec}')`);
    }
    if (isDataLayer && /(^|\/)lib\/zod$/.test(spec)) {
      problems.push(
        `web/src/${rel.join('/')}: Firestore read code must not use zod (it would load on every page's first paint)`,
      );
    }
    if (
      spec.startsWith('@skillverse/domain/contracts/') &&
      spec !== '@skillverse/domain/contracts/http' &&
      rel[0] === 'lib' &&
      (rel[1] === 'firestore' || rel[1] === 'data' || rel[1] === 'firebase.ts') &&
      !typeOnlyImports(file).has(spec)
    ) {
      problems.push(
        `web/src/${rel.join('/')}: imports '${spec}' (zod) into first-paint code; import its types only`,
      );
    }
    if (rel[0] === 'lib' && rel[1] === 'firestore' && /^(?:@\/|(?:\.\.\/)+)(?:lib\/)?data(\/|$)/.test(spec)) {
      problems.push(
        `web/src/${rel.join('/')}: lib/firestore/ is generic machinery; it must not import a collection module ('${spec}')`,
      );
    }
    if (/^zod(\/|$)/.test(spec) && rel.join('/') !== 'lib/zod.ts' && !typeOnlyImports(file).has(spec)) {
      problems.push(`web/src/${rel.join('/')}: imports '${spec}'; use '@/lib/zod' (it configures zod first)`);
    }
    if (spec === 'firebase/firestore' && !isApiOrLib) {
      problems.push(`web/src/${rel.join('/')}: imports firebase/firestore outside lib/ and features/*/api/`);
    }
  }
}

// functions/src: a graph of top-level folders from the relative imports of non-test files.
const fnSrc = join(ROOT, 'functions', 'src');
const folderEdges = new Map(); // folder → Map(importedFolder → first example "file → spec")
const LEAF_FOLDERS = new Set(['lib', 'config']);
for (const file of files(fnSrc)) {
  if (/\.test\.ts$/.test(file)) continue;
  const rel = relative(fnSrc, file).split(sep);
  if (rel.length < 2) continue; // index.ts wires everything
  const from = rel[0];
  for (const spec of importsOf(file)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(fnSrc, resolve(dirname(file), spec)).split(sep);
    if (target[0] === '..' || target.length < 2 || target[0] === from) continue;
    if (!folderEdges.has(from)) folderEdges.set(from, new Map());
    const edges = folderEdges.get(from);
    if (!edges.has(target[0])) edges.set(target[0], `${relative(ROOT, file)} → '${spec}'`);
    if (LEAF_FOLDERS.has(from) && !LEAF_FOLDERS.has(target[0])) {
      problems.push(
        `${relative(ROOT, file)}: functions/src/${from} is generic and must not import a domain folder ('${spec}')`,
      );
    }
  }
}
// Tarjan's strongly connected components: every component with more than one folder is a cycle.
{
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of folderEdges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) {
        const inside = new Set(component);
        const examples = component.flatMap((a) =>
          [...(folderEdges.get(a) ?? [])]
            .filter(([b]) => inside.has(b))
            .map(([b, ex]) => `${a} → ${b} (${ex})`),
        );
        problems.push(
          `functions/src folders import each other in a cycle (${component.sort().join(', ')}); move the shared code to lib/ or break an edge:\n      ${examples.join('\n      ')}`,
        );
      }
    }
  };
  for (const v of folderEdges.keys()) if (!idx.has(v)) visit(v);
}

if (problems.length) {
  console.error(
    `Import boundary problems (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('import boundaries: ok');
