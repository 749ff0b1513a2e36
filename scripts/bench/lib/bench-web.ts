// Shared by the browser benchmarks (catalog, admin-leaderboard, reads-per-view): a production web
// build for this stack with the read counter on, and Debian's Chromium allowed onto its ports.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { PORTS, ROOT } from '../../lib/emulators.mjs';
import { webEnv } from '../../lib/web-env.mjs';

const offset = Number(process.env.SV_PORT_OFFSET || 0);

/**
 * Builds web/dist-bench-<offset> with `VITE_READ_METRICS` on and Firestore pointed at
 * `firestorePort` (the wire counter in front of the emulator). Returns the out dir.
 */
export function buildBenchWeb(firestorePort: number, log: (line: string) => void): string {
  const outDir = `dist-bench-${offset}`;
  const t0 = Date.now();
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: join(ROOT, 'web'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...webEnv({ storage: process.env.SV_STORAGE_EMULATOR === '1' }),
      VITE_FIRESTORE_EMULATOR_PORT: String(firestorePort),
      VITE_READ_METRICS: '1',
    },
  });
  log(`built web/${outDir} in ${Date.now() - t0} ms`);
  return outDir;
}

/** As e2e/support/browser.ts: Debian's Chromium, every emulator port (and `extraPorts`) allowed. */
export function launchBenchBrowser(extraPorts: number[]): Promise<Browser> {
  const ports = [...Object.values(PORTS).map((p) => p + offset), ...extraPorts];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--explicitly-allowed-ports=${ports.join(',')}`,
    ],
  });
}
