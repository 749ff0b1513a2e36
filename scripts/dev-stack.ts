// Runs inside `firebase emulators:exec` for `npm start`: seeds the emulators, rebuilds functions on
// change (the Functions emulator reloads lib/), serves the web app, prints the URL and demo logins,
// and stays up until Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { context } from 'esbuild';

import { buildOptions } from '../functions/build.mjs';

import { ROOT } from './lib/emulators.mjs';

import { webEnv, webPort } from './lib/web-env.mjs';
import { DEMO_ACCOUNTS } from './seed/demo-accounts';
import { seed } from './seed/index';

const children: ChildProcess[] = [];
function stop(code = 0): never {
  for (const c of children) c.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (process.env.SV_SKIP_SEED === '1') {
  console.log('▸ using the saved emulator data (npm start -- --persist); not seeding');
} else {
  console.log('▸ loading seed data…');
  try {
    await seed({ quiet: false });
  } catch (error) {
    console.error('✖ seeding failed:', error);
    stop(1);
  }
}

const fnCtx = await context({ ...buildOptions, logLevel: 'warning' });
await fnCtx.watch();

const port: number = webPort('dev');
const vite = spawn('npx', ['vite', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  cwd: `${ROOT}/web`,
  stdio: 'inherit',
  env: { ...process.env, ...webEnv({ storage: process.env.SV_STORAGE_EMULATOR === '1' }) },
});
children.push(vite);
vite.on('exit', (code) => stop(code ?? 0));

setTimeout(() => {
  const rows = DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(9)} ${a.email.padEnd(26)} ${a.password}`).join(
    '\n',
  );
  console.log(`
  ────────────────────────────────────────────────────────────
    SkillVerse is running:  http://127.0.0.1:${port}

    Demo logins (role, email, password):
${rows}

    Emulators: auth :${process.env.SV_AUTH_PORT}  firestore :${process.env.SV_FIRESTORE_PORT}  functions :${process.env.SV_FUNCTIONS_PORT}
    Press Ctrl-C to stop.
  ────────────────────────────────────────────────────────────
`);
}, 1500);
