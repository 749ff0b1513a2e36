// Global set-up for the e2e project (runs inside `firebase emulators:exec`, see scripts/test.mjs):
// loads the seed data and serves the production build of the web app (web/dist, built with the
// emulator ports) with `vite preview`; the teardown stops the server.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/emulators.mjs';
import { webOutDir, webPort } from '../../scripts/lib/web-env.mjs';
import { seed } from '../../scripts/seed/index';

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

export default async function setup(): Promise<() => Promise<void>> {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error('e2e tests run inside the emulators: use `npm test` or `npm run test:emulators`');
  }
  const outDir: string = webOutDir();
  if (!existsSync(join(ROOT, 'web', outDir, 'index.html'))) {
    throw new Error(`web/${outDir} is missing: \`npm test\` builds it before the e2e suite`);
  }
  // Triggers paused: the seed is already consistent (denormalised fields, tallies), and a backlog
  // of seed trigger events would otherwise delay the tests' own (e.g. a vote's poll tally).
  await seed({ quiet: true, pauseTriggers: true });
  const port: number = webPort('preview');
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: join(ROOT, 'web'), stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  process.env.SV_WEB_URL = `http://127.0.0.1:${port}`;
  await waitForHttp(process.env.SV_WEB_URL, 30_000);
  return async () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
}
