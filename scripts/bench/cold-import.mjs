#!/usr/bin/env node
// `npm run bench:cold-import [-- path/to/index.js ...]`: what a function instance pays at cold start
// for loading the deployed entry point (functions/lib/index.js, the one bundle every function is
// served from: a plain callable and a trigger load the same file). Each run is a fresh Node process
// that requires the bundle as the Functions runtime does and reports the import time, the heap after
// it and which heavy SDKs were loaded. Then each heavy SDK's own load time: what a function that
// imports it inside its handler pays on its first call instead. Several bundles (before/after) are
// measured in turn, run by run, so machine drift hits both alike. No emulator needed; build first
// (`npm run build -w functions`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const bundles = process.argv.slice(2).length ? process.argv.slice(2) : ['functions/lib/index.js'];
for (const b of bundles) if (!existsSync(b)) throw new Error(`${b} is missing: build the functions first`);

/** Heavy SDKs whose load time every function would pay if they were imported at global scope. */
const HEAVY = ['stripe', 'openai', '@cantoo/pdf-lib', 'livekit-server-sdk', '@sendgrid/mail'];

// The probe runs in the child: require the bundle, then report.
const probe = (bundle) => `
const t0 = process.hrtime.bigint();
require(${JSON.stringify(resolve(bundle))});
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (global.gc) global.gc();
const heavy = ${JSON.stringify(HEAVY)}.filter((p) =>
  Object.keys(require.cache).some((k) => k.includes('/node_modules/' + p + '/')));
process.stdout.write(JSON.stringify({ ms, heapMb: process.memoryUsage().heapUsed / 1e6,
  modules: Object.keys(require.cache).length, heavy }));
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const results = new Map(bundles.map((b) => [b, []]));
for (let run = 0; run < RUNS + 1; run++) {
  for (const bundle of bundles) {
    const out = spawnSync(process.execPath, ['--expose-gc', '-e', probe(bundle)], {
      encoding: 'utf8',
      env: { ...process.env, GCLOUD_PROJECT: 'demo-skillverse', METADATA_SERVER_DETECTION: 'none' },
    });
    if (out.status !== 0) throw new Error(`probe failed for ${bundle}: ${out.stderr}`);
    if (run > 0) results.get(bundle).push(JSON.parse(out.stdout)); // run 0 warms the disk cache
  }
}

console.log(
  `cold import of the functions entry point, median of ${RUNS} fresh processes (after 1 warm-up)\n`,
);
console.log('| bundle | import (ms) | heap after (MB) | modules loaded | heavy SDKs loaded at import |');
console.log('| --- | --: | --: | --: | --- |');
for (const [bundle, rs] of results) {
  console.log(
    `| ${bundle} | ${median(rs.map((r) => r.ms)).toFixed(0)} | ${median(rs.map((r) => r.heapMb)).toFixed(1)} | ${median(rs.map((r) => r.modules))} | ${rs[0].heavy.join(', ') || 'none'} |`,
  );
}

// What the first call of a function that needs an SDK pays for importing it there.
const sdkTimes = new Map(HEAVY.map((p) => [p, []]));
for (let run = 0; run < RUNS + 1; run++) {
  for (const pkg of HEAVY) {
    const out = spawnSync(
      process.execPath,
      [
        '-e',
        `const t0 = process.hrtime.bigint(); require(${JSON.stringify(pkg)}); process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));`,
      ],
      { encoding: 'utf8', cwd: resolve('functions') },
    );
    if (out.status !== 0) throw new Error(`loading ${pkg} failed: ${out.stderr}`);
    if (run > 0) sdkTimes.get(pkg).push(Number(out.stdout));
  }
}
console.log('\n| SDK | load time on its own (ms) |');
console.log('| --- | --: |');
for (const [pkg, ts] of sdkTimes) console.log(`| ${pkg} | ${median(ts).toFixed(0)} |`);
