#!/usr/bin/env node
// Runs a command with the Firebase emulators up, then stops them:
//   node scripts/with-emulators.mjs [--hosting] -- <command…>
// --hosting also serves this stack's production build (web/dist or web/dist-<offset>, build it first)
// through the Hosting emulator with firebase.json's headers (SV_HOSTING_PORT).
// --attach runs the command against the emulators of a running `npm start` (same SV_PORT_OFFSET)
// instead of starting its own (`npm run seed` resets the demo data that way).
// Uses the offline Firestore/PubSub binaries where installed (scripts/lib/emulators.mjs).
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { emulatorPlan, firebaseBin, firebaseConfig, PROJECT_ID, ROOT } from './lib/emulators.mjs';
import { assertPortOffset } from './lib/ports.mjs';

assertPortOffset();
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const flags = dash === -1 ? args : args.slice(0, dash);
const command = dash === -1 ? [] : args.slice(dash + 1);
if (command.length === 0) {
  console.error('usage: node scripts/with-emulators.mjs [--hosting | --attach] -- <command…>');
  process.exit(2);
}

const withHosting = flags.includes('--hosting');
const plan = emulatorPlan({ withHosting });
if (!plan.available) {
  console.error(`[emulators] cannot start here: ${plan.reason}`);
  process.exit(3);
}
const quoted = command
  .map((c) => (/^[\w./:=@-]+$/.test(c) ? c : `'${c.replaceAll("'", "'\\''")}'`))
  .join(' ');

if (flags.includes('--attach')) {
  const host = '127.0.0.1';
  const firestore = Number(plan.env.SV_FIRESTORE_PORT);
  const up = await new Promise((resolve) => {
    const socket = connect(firestore, host, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  if (!up) {
    console.error(
      `Nothing listens on ${host}:${firestore}: start the stack first with \`npm start\` (same SV_PORT_OFFSET), then run this again.`,
    );
    process.exit(3);
  }
  const env = {
    ...plan.env,
    FIRESTORE_EMULATOR_HOST: `${host}:${firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `${host}:${plan.env.SV_AUTH_PORT}`,
    ...(plan.storage ? { FIREBASE_STORAGE_EMULATOR_HOST: `${host}:${plan.env.SV_STORAGE_PORT}` } : {}),
  };
  const child = spawn('sh', ['-c', quoted], { cwd: ROOT, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
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
}
