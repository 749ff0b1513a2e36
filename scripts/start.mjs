#!/usr/bin/env node
// `npm start`: builds the functions, starts the Firebase emulators, loads the seed data and serves
// the web app with Vite. Ctrl-C stops everything (firebase emulators:exec shuts the emulators down
// when scripts/dev-stack.ts exits).
//
// Data lives in the emulators' memory and is lost on Ctrl-C, unless `npm start -- --persist`: then
// the emulators import .cache/emulator-data (or .cache/emulator-data-<offset>) on start and export
// to it on exit, and the seed runs only when there is nothing to import yet (it would reset the
// demo people's data). Delete that folder to start afresh.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorPlan, firebaseBin, firebaseConfig, PROJECT_ID, ROOT } from './lib/emulators.mjs';
import { assertPortOffset } from './lib/ports.mjs';

assertPortOffset();
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--persist');
if (unknown.length > 0) {
  console.error(`usage: npm start [-- --persist]   (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}
const persist = args.includes('--persist');

const plan = emulatorPlan();
if (!plan.available) {
  console.error(`\nSkillVerse cannot start the Firebase emulators here: ${plan.reason}.`);
  console.error(
    'Install Java 21 (or Java 17 with the Google Cloud Firestore emulator package) and try again; see README.\n',
  );
  process.exit(1);
}

console.log('▸ building functions…');
const build = spawnSync('npm', ['run', 'build', '-w', 'functions'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const persistArgs = [];
const env = { ...plan.env };
if (persist) {
  const offset = Number(process.env.SV_PORT_OFFSET || 0);
  const dir = join(ROOT, '.cache', offset ? `emulator-data-${offset}` : 'emulator-data');
  const imported = existsSync(join(dir, 'firebase-export-metadata.json'));
  if (imported) {
    persistArgs.push('--import', dir);
    env.SV_SKIP_SEED = '1';
  }
  persistArgs.push('--export-on-exit', dir);
  console.log(
    imported
      ? `▸ --persist: loading the data saved in ${dir} (no seeding); saved again on Ctrl-C`
      : `▸ --persist: nothing saved yet; seeding, and saving to ${dir} on Ctrl-C`,
  );
} else {
  console.log('▸ data lives in memory and is lost on Ctrl-C (npm start -- --persist keeps it)');
}

console.log(
  `▸ starting emulators: ${plan.only.join(', ')}${plan.storage ? '' : ' (no Storage emulator on this machine: uploads are off, URLs still work)'}`,
);
const child = spawn(
  firebaseBin(),
  [
    'emulators:exec',
    '--config',
    firebaseConfig(),
    '--project',
    PROJECT_ID,
    '--only',
    plan.only.join(','),
    ...persistArgs,
    // `exec`: the shell becomes the dev stack, so Ctrl-C reaches it directly and it exits 0 (a
    // shell killed by the signal makes firebase-tools end with "An unexpected error has occurred"
    // and skip --export-on-exit).
    'exec node --import tsx scripts/dev-stack.ts',
  ],
  { cwd: ROOT, env, stdio: 'inherit' },
);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log(persist ? '\n▸ stopping SkillVerse (saving the emulator data)…' : '\n▸ stopping SkillVerse…');
    child.kill(sig);
  });
}
child.on('exit', (code) => process.exit(stopping ? 0 : (code ?? 0)));
