import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const webSrc = fileURLToPath(new URL('./web/src', import.meta.url));

// Projects:
//  - domain, functions-unit, scripts, web: no emulator; `npm run test:unit`.
//  - rules, functions-integration, e2e: need the emulators; scripts/test.mjs starts them
//    (firebase emulators:exec) and runs these projects inside.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['domain/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'functions-unit',
          include: ['functions/src/**/*.test.ts'],
          exclude: ['functions/src/**/*.int.test.ts'],
          environment: 'node',
        },
      },
      { test: { name: 'scripts', include: ['scripts/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias: { '@': webSrc } },
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        test: {
          name: 'rules',
          include: ['tests/rules/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 20000,
          hookTimeout: 30000,
        },
      },
      {
        test: {
          name: 'functions-integration',
          include: ['functions/src/**/*.int.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // Above TRIGGER_WAIT_MS (functions/test/emulator.ts), so a late trigger fails
          // the wait with its message rather than the test with a bare timeout.
          testTimeout: 300000,
          hookTimeout: 60000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          // Processed by vite (not loaded by Node) so the conformance test can point its fetch at
          // the Hosting emulator (e2e/credentials-conformance.e2e.test.ts says why).
          server: { deps: { inline: ['web-did-resolver'] } },
          globalSetup: ['e2e/support/global-setup.ts'],
          // Cross-window checks wait on a realtime write reaching another browser: give every
          // expect.poll 15 s (vitest's default is 1 s) so a loaded 2-core machine is not a failure.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90000,
          hookTimeout: 120000,
        },
      },
    ],
  },
});
