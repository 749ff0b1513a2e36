#!/usr/bin/env node
// Runs a command with the Firebase emulators up, then stops them:
//   node scripts/with-emulators.mjs [--hosting] -- <command…>
// --hosting also serves this stack's production build (web/dist or web/dist-<offset>, build it first)
// through the Hosting emulator with firebase.json's headers (SV_HOSTING_PORT).
// Uses the offline Firestore/PubSub binaries where installed (scripts/lib/emulators.mjs).
import { spawn } from 'node:child_process';
import { assertPortOffset } from './lib/ports.mjs';
import { ROOT, PROJECT_ID, emulatorPlan, firebaseBin, firebaseConfig } from './lib/emulators.mjs';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const flags = dash === -1 ? args : args.slice(0, dash);
const command = dash === -1 ? [] : args.slice(dash + 1);
if (command.length === 0) {
  console.error('usage: node scripts/with-emulators.mjs [--hosting] -- <command…>');
  process.exit(2);
}

assertPortOffset();
const withHosting = flags.includes('--hosting');
const plan = emulatorPlan({ withHosting });
if (!plan.available) {
  console.error(`[emulators] cannot start here: ${plan.reason}`);
  process.exit(3);
}
const quoted = command
  .map((c) => (/^[\w./:=@-]+$/.test(c) ? c : `'${c.replaceAll("'", "'\\''")}'`))
  .join(' ');
const child = spawn(
  firebaseBin(),
  [
    'emulators:exec',
    '--config',
    firebaseConfig({ withHosting }),
    '--project',
    PROJECT_ID,
    '--only',
    plan.only.join(','),
    quoted,
  ],
  { cwd: ROOT, env: plan.env, stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
