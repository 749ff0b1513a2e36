#!/usr/bin/env node
// `npm start`: builds the functions, starts the Firebase emulators, loads the seed data and serves
// the web app with Vite. Ctrl-C stops everything (firebase emulators:exec shuts the emulators down
// when scripts/dev-stack.ts exits).
import { spawn, spawnSync } from 'node:child_process';
import { assertPortOffset } from './lib/ports.mjs';
import { ROOT, PROJECT_ID, emulatorPlan, firebaseBin, firebaseConfig } from './lib/emulators.mjs';

assertPortOffset();
const plan = emulatorPlan();
if (!plan.available) {
  console.error(`\nSkillVerse cannot start the Firebase emulators here: ${plan.reason}.`);
  console.error('Install Java 21 (or the Google Cloud Firestore emulator package) and try again.\n');
  process.exit(1);
}

console.log('▸ building functions…');
const build = spawnSync('npm', ['run', 'build', '-w', 'functions'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

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
    'npx tsx scripts/dev-stack.ts',
  ],
  { cwd: ROOT, env: plan.env, stdio: 'inherit' },
);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log('\n▸ stopping SkillVerse…');
    child.kill(sig);
  });
}
child.on('exit', (code) => process.exit(stopping ? 0 : (code ?? 0)));
