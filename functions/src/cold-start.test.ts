// A plain callable's cold start loads no heavy SDK: every function is served from one bundle, so
// an SDK imported at the top of any module would be loaded by all of them (lib/lazy-module.ts).
// Builds the deployed bundle to a temporary file and loads it in a fresh Node process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript (functions/build.mjs)
import { buildOptions } from '../build.mjs';

const HEAVY = [
  'stripe',
  'openai',
  '@cantoo/pdf-lib',
  '@cantoo/fontkit',
  'livekit-server-sdk',
  '@sendgrid/mail',
];
// Inside functions/lib (git-ignored), so the bundle resolves its external packages as deployed.
const libDir = join(__dirname, '..', 'lib');
mkdirSync(libDir, { recursive: true });
const dir = mkdtempSync(join(libDir, 'cold-start-test-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the functions entry point', () => {
  it('loads without Stripe, OpenAI, pdf-lib, fontkit, LiveKit or SendGrid', async () => {
    const outfile = join(dir, 'index.js');
    await build({ ...buildOptions, outfile, sourcemap: false, logLevel: 'silent' });
    const probe = `
      require(${JSON.stringify(outfile)});
      const loaded = ${JSON.stringify(HEAVY)}.filter((p) =>
        Object.keys(require.cache).some((k) => k.includes('/node_modules/' + p + '/')));
      process.stdout.write(JSON.stringify(loaded));`;
    const out = spawnSync(process.execPath, ['-e', probe], {
      encoding: 'utf8',
      env: { ...process.env, GCLOUD_PROJECT: 'demo-skillverse' },
    });
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([]);
  }, 60_000);
});
