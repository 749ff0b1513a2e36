// functions/.secret.local for the emulators: an override for every secret a function declares, so
// the Functions emulator never asks Google Cloud Secret Manager (it logs "Unable to access secret
// environment variables…" on every function load and, offline, stalls each cold start).
//
// The emulator treats an EMPTY override as missing (firebase-tools: `!secretEnvs[key]`), so a
// secret that is not configured is written as a single space, `NAME=" "`: the functions read it
// through optionalSecret() (functions/src/config/params.ts), which trims it to '' = "not
// configured" and uses the local fallback (SPEC §7). STRIPE_WEBHOOK_SECRET gets its documented
// emulator default instead (the same value the emulator falls back to, which the webhook tests
// read from this file). Values a developer put in the file are kept. The file is git-ignored.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const UNSET = '" "';
/** LOCAL_STRIPE_WEBHOOK_SECRET in domain/src/courses-api.ts (a unit test keeps them equal). */
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_skillverse_local_emulator_only';
const DEFAULTS = { STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE_WEBHOOK_SECRET };
const HEADER = [
  '# Local overrides for the Functions emulator (git-ignored; kept up to date by npm start / npm test).',
  '# NAME=" " means "not configured": the app uses its local fallback. An empty value would make the',
  '# emulator ask Google Cloud Secret Manager for it. Put real keys here to use real services locally.',
];

/** Every `defineSecret('NAME')` in the functions' sources (tests excluded), sorted. */
export function declaredSecrets(srcDir) {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/defineSecret\(\s*['"]([A-Z0-9_]+)['"]/g))
          names.add(m[1]);
      }
    }
  };
  walk(srcDir);
  return [...names].sort();
}

const isEmpty = (value) => /^\s*(""|'')?\s*$/.test(value);

/**
 * The file's new text: `current` (or the example when there is none) with every declared secret
 * present and none empty. Returns `current` unchanged when nothing needs doing.
 * @param {{ current?: string, example: string, declared: string[] }} input
 */
export function localSecretsText({ current, example, declared }) {
  const base = current ?? example;
  const seen = new Set();
  let changed = current === undefined;
  const lines = base.split('\n').map((line) => {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m) return line;
    seen.add(m[1]);
    if (!isEmpty(m[2])) return line;
    changed = true;
    return `${m[1]}=${DEFAULTS[m[1]] ?? UNSET}`;
  });
  const missing = declared.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    changed = true;
    if (lines.at(-1) === '') lines.pop();
    lines.push(...missing.map((name) => `${name}=${DEFAULTS[name] ?? UNSET}`), '');
  }
  if (!changed) return current;
  const text = lines.join('\n');
  return text.startsWith(HEADER[0]) ? text : `${HEADER.join('\n')}\n${text}`;
}

/** Creates or completes functions/.secret.local (see the top of this file). */
export function ensureLocalSecrets(root) {
  const file = join(root, 'functions', '.secret.local');
  const examplePath = join(root, 'functions', '.secret.local.example');
  const example = existsSync(examplePath) ? readFileSync(examplePath, 'utf8') : '';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const next = localSecretsText({
    current,
    example,
    declared: declaredSecrets(join(root, 'functions', 'src')),
  });
  if (next !== current) writeFileSync(file, next);
}
