// Which Firestore collections exist, read from the security rules and the code, and which ones
// docs/data-model.md describes. scripts/check-data-model.mjs fails when they disagree.
//
// A collection is named by its collection-id path: `users/{uid}/pointEvents/{id}` → `users/pointEvents`.
// Sources (CODE_SOURCES below; add a folder there when collections get a new home):
//   - firestore.rules: every `match` (nested ones joined to their parents);
//   - code: path literals given to collection()/collectionGroup()/doc() (Admin and modular SDK),
//     chained `.collection('x')`, and path literals in the data/refs modules (`'earnings/${uid}/entries'`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders scanned for collection names, and which files in them count. */
export const CODE_SOURCES = [
  // Cloud Functions: every collection a function reads or writes (tests and test doubles excluded).
  { dir: 'functions/src', calls: true, pathLiterals: false },
  // One data module per collection (issue 13): their path literals name collections.
  { dir: 'functions/src/lib/data', calls: true, pathLiterals: true },
  { dir: 'web/src/lib/data', calls: true, pathLiterals: true },
  // The web app's path tables (`*Paths`) and refs, until they all live in web/src/lib/data.
  { dir: 'web/src/lib/firestore', calls: true, pathLiterals: true },
  { dir: 'web/src/features', calls: true, pathLiterals: false, only: /\/api\/refs\.ts$/ },
];

const isTestFile = (path) => /(\.test\.tsx?$|test-utils|test-fixtures|-test-target|\/test\/)/.test(path);

/** `users/{uid}/private/account` → `users/private`; `{x=**}` segments end the path. */
export function collectionPath(path) {
  const segments = path.replace(/^\/+|\/+$/g, '').split('/');
  const ids = [];
  for (let i = 0; i < segments.length; i += 2) {
    const segment = segments[i];
    if (!segment || /[{}$]/.test(segment)) break;
    ids.push(segment);
  }
  return ids.join('/');
}

/** Collection paths matched in firestore.rules (wildcard collection groups like `{path=**}/x` as `x`). */
export function rulesCollections(rules) {
  const found = new Set();
  const stack = [];
  let depth = 0;
  const text = rules.replace(/\/\/[^\n]*/g, '');
  const re = /match\s+(\/[^\s{]*(?:\{[^}]*\}[^\s{]*)*)\s*\{|\{|\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      depth += 1;
      stack.push({ depth, path: m[1] });
      const full = stack.map((s) => s.path).join('');
      const inside = full.replace(/^\/databases\/\{database\}\/documents/, '');
      if (inside === full || inside === '' || inside.startsWith('/{document=**}')) continue;
      const group = /^\/\{[^}]*=\*\*\}\/(.*)$/.exec(inside);
      const path = collectionPath(group ? group[1] : inside);
      if (path) found.add(path);
    } else if (m[0] === '{') depth += 1;
    else {
      if (stack.at(-1)?.depth === depth) stack.pop();
      depth -= 1;
    }
  }
  return found;
}

const LITERAL = /'([^'\n]*)'|`([^`\n]*)`|"([^"\n]*)"/g;
const PATHISH = /^[a-z][A-Za-z0-9]*(\/(\$\{[^}]+\}|\{[^}]+\}|[A-Za-z0-9_-]+))*$/;

/** Collection ids a source file names (see CODE_SOURCES). */
export function codeCollections(text, { calls = true, pathLiterals = false } = {}) {
  const found = new Set();
  // Comments and module specifiers are not collections.
  const source = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/[^\n]*/g, '$1')
    .replace(/^\s*(import|export)\b[^;]*\bfrom\s*['"][^'"]*['"];?/gm, '');
  const add = (path) => {
    if (!PATHISH.test(path)) return;
    for (const id of collectionPath(path).split('/')) if (id) found.add(id);
  };
  if (calls) {
    // collection('x') / doc('x/${id}') / collectionGroup('x') / .collection('x'); modular SDK:
    // collection(db, 'x', id, 'y') — every other literal argument is a collection id.
    // A string constant of the same file stands for its literal (`db.collection(LIVE_WEBHOOK_EVENTS)`).
    const constants = new Map();
    for (const c of source.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*(['"])([^'"\n]*)\2\s*;/g))
      constants.set(c[1], c[3]);
    const callRe = /\b(collection|collectionGroup|doc)\(\s*([^()]*)\)/g;
    for (let m = callRe.exec(source); m; m = callRe.exec(source)) {
      const args = m[2].split(',').map((a) => a.trim());
      const literal = (a) => /^(['`"])(.*)\1$/.exec(a)?.[2] ?? constants.get(a);
      const first = literal(args[0]);
      if (first !== undefined) {
        if (m[1] === 'collectionGroup') found.add(first);
        // a chained .doc('account') names a document, not a collection
        else if (m[1] === 'collection' || first.includes('/')) add(first);
        continue;
      }
      // modular: (db|ref, 'a', id, 'b', …): literals at the collection positions
      const rest = args.slice(1);
      for (let i = 0; i < rest.length; i += 2) {
        const lit = literal(rest[i]);
        if (lit === undefined) break;
        add(lit);
      }
    }
  }
  if (pathLiterals) {
    for (const m of source.matchAll(LITERAL)) {
      const value = m[1] ?? m[2] ?? m[3];
      if (value.includes('/')) add(value);
    }
  }
  return found;
}

function walk(dir, only) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...walk(path, only));
    else if (/\.tsx?$/.test(name) && !isTestFile(path) && (!only || only.test(path))) files.push(path);
  }
  return files;
}

/** Collection id → the files (relative to root) that name it. */
export function scanCode(root, sources = CODE_SOURCES) {
  const byId = new Map();
  for (const source of sources) {
    for (const file of walk(join(root, source.dir), source.only)) {
      for (const id of codeCollections(readFileSync(file, 'utf8'), source)) {
        if (!byId.has(id)) byId.set(id, new Set());
        byId.get(id).add(relative(root, file));
      }
    }
  }
  return byId;
}

/** Collection paths docs/data-model.md describes: headings like ## `users/{uid}/pointEvents/{eventId}`. */
export function documentedCollections(markdown) {
  const found = new Map();
  for (const m of markdown.matchAll(/^#{2,4}\s+`([^`]+)`/gm)) {
    const path = collectionPath(m[1]);
    if (path) found.set(path, m[1]);
  }
  return found;
}

/**
 * What is wrong between the doc and the rules/code, as messages (empty: all agree).
 * @param {{ rules: Set<string>, code: Map<string, Set<string>>, documented: Map<string, string> }} input
 */
export function compareDataModel({ rules, code, documented }) {
  const problems = [];
  const docPaths = new Set(documented.keys());
  const docIds = new Set([...docPaths].flatMap((p) => p.split('/')));
  const knownIds = new Set([...[...rules].flatMap((p) => p.split('/')), ...code.keys()]);
  for (const path of [...rules].sort()) {
    if (!docPaths.has(path) && !(path.includes('/') ? false : docIds.has(path))) {
      problems.push(`firestore.rules matches ${path}, which docs/data-model.md does not describe`);
    }
  }
  for (const [id, files] of [...code].sort(([a], [b]) => a.localeCompare(b))) {
    if (!docIds.has(id)) {
      problems.push(
        `${[...files].slice(0, 3).join(', ')} use${files.size === 1 ? 's' : ''} the collection "${id}", which docs/data-model.md does not describe`,
      );
    }
  }
  for (const [path, heading] of documented) {
    const last = path.split('/').at(-1);
    if (!knownIds.has(last)) {
      problems.push(
        `docs/data-model.md describes ${heading}, but neither firestore.rules nor the code names "${last}"`,
      );
    }
  }
  return problems;
}
