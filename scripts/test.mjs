#!/usr/bin/env node
// `npm test`: every test layer, in order, with one summary line at the end.
//   1. static checks: TypeScript (domain+scripts+tests, functions, web), Biome (lint + format),
//      import boundaries, docs/data-model.md against the code (scripts/check-data-model.mjs), and
//      the bundle budget on the production web build (scripts/check-bundle.mjs)
//   2. unit tests: domain, functions-unit, scripts, web (no emulator)
//   3. emulator suites inside one `firebase emulators:exec`: rules, functions-integration, e2e
//      (the e2e suite serves the production web build and drives headless Chromium)
// Honest about what it ran: a layer that cannot start here (no Java / Firestore emulator, no
// Chromium) FAILS the run, naming what is missing and how to install it. Skip one on purpose with
// `--skip <layer>` or SV_SKIP=<layer> (static | unit | emulators | rules | functions-integration |
// e2e); the summary lists it. The Storage-emulator tests skip themselves where that emulator cannot
// run offline (scripts/lib/test-plan.mjs says how it is decided).
//   --only static|unit|emulators   run one layer;  --suite rules|functions-integration|e2e[,…]  narrow layer 3;
// Layer 3 runs in two emulator stacks side by side (scripts/lib/test-plan.mjs, planStacks): rules
// and e2e in this one, functions-integration in another (ports + 10000); SV_EMULATOR_STACKS=1|3|4
// runs one stack, or splits functions-integration (3) and e2e too (4) over more.
//   --shard i/n                    run the i-th of n parts of the emulator suites' files
//   --skip <layer>[,<layer>]       skip on purpose;  -- <file filters>  narrow the vitest runs to matching files
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { assertPortOffset, portOffsetProblem } from './lib/ports.mjs';
import { ROOT, emulatorPlan, firebaseBin, firebaseConfig, PROJECT_ID } from './lib/emulators.mjs';
import { describeNotRun, parseSkips, planStacks, planTests } from './lib/test-plan.mjs';
import { webEnv, webOutDir } from './lib/web-env.mjs';

assertPortOffset();
const dashdash = process.argv.indexOf('--');
const argv = process.argv.slice(2, dashdash === -1 ? undefined : dashdash);
// Anything after `--` narrows the vitest runs to those files (e.g. `-- e2e/live-session`).
const fileFilters = dashdash === -1 ? [] : process.argv.slice(dashdash + 1);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const suite = argv.includes('--suite') ? argv[argv.indexOf('--suite') + 1] : undefined;
// `--shard i/n`: run the i-th of n parts of the emulator suites' files (vitest --shard); the side
// stacks below are started with it.
const shardArg = argv.includes('--shard') ? argv[argv.indexOf('--shard') + 1] : undefined;
if (shardArg !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(shardArg)) {
  console.error(`npm test: --shard takes i/n, e.g. 1/2 (got ${shardArg})`);
  process.exit(2);
}
const { skip, errors: skipErrors } = parseSkips(argv, process.env);

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const emulatorProbe = (only ?? 'emulators') === 'emulators' ? emulatorPlan() : { available: true };
const plan = planTests({
  only,
  suite,
  skip,
  emulators: emulatorProbe,
  chromium: existsSync(chromiumPath)
    ? { available: true }
    : {
        available: false,
        reason: `no Chromium at ${chromiumPath} (the e2e journeys drive headless Chromium)`,
      },
});
if (skipErrors.length || plan.errors.length) {
  for (const e of [...skipErrors, ...plan.errors]) console.error(`npm test: ${e}`);
  process.exit(2);
}
const suites = plan.suites;
if (plan.missing.length > 0) {
  // Said up front as well as in the summary: this run will fail however the rest goes.
  console.log('\n━━ cannot run here (the run will fail; the summary says how to install):');
  for (const m of plan.missing) console.log(`   ${m.what} — ${m.why}`);
}
// One results folder per port offset, so stacks running side by side don't clobber each other.
const offset = Number(process.env.SV_PORT_OFFSET ?? 0);
const resultsDir = join(ROOT, '.cache', offset ? `test-results-${offset}` : 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const failures = [];
const started = Date.now();

function step(title, cmd, args, opts = {}) {
  console.log(`\n━━ ${title}`);
  const t0 = Date.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  const ok = res.status === 0;
  console.log(
    `━━ ${title}: ${ok ? 'ok' : `FAILED (exit ${res.status ?? res.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (!ok) failures.push(title);
  return ok;
}

/**
 * step() without blocking, for the emulator stacks that run side by side. With a prefix, each
 * line of output is tagged with it, so two stacks' logs stay readable when interleaved.
 */
function stepAsync(title, cmd, args, opts = {}, prefix = '') {
  console.log(`\n━━ ${prefix}${title}`);
  const t0 = Date.now();
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      ...opts,
    });
    if (prefix) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
          to.write(`${prefix}${line}\n`),
        );
      }
    }
    child.on('close', (code, signal) => {
      const ok = code === 0;
      console.log(
        `━━ ${prefix}${title}: ${ok ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      if (!ok) failures.push(title);
      resolvePromise(ok);
    });
  });
}

const webBuilds = new Map();
/**
 * The production web build pointed at the emulators (web/dist or web/dist-<offset>), built once
 * per run and reused by the bundle budget and the e2e suite.
 */
function buildWeb(storage) {
  if (!webBuilds.has(storage)) {
    const ok = step(
      'build web (production, pointed at the emulators)',
      'npm',
      ['run', 'build', '-w', 'web', '--', '--outDir', webOutDir(), '--emptyOutDir'],
      { env: { ...process.env, ...webEnv({ storage }) } },
    );
    webBuilds.clear();
    webBuilds.set(storage, ok);
  }
  return webBuilds.get(storage);
}

/** A vitest run; `shard` (i/n) runs part of its files and writes its results as `<name>-<i>of<n>`. */
function vitestArgs(projects, name, shard) {
  return [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    ...fileFilters,
    ...(shard ? [`--shard=${shard}`] : []),
    // Narrowed to some files (or to a part of them), a suite with none has nothing to run: not a failure.
    ...(fileFilters.length || shard ? ['--passWithNoTests'] : []),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(resultsDir, `${name}${shard ? `-${shard.replace('/', 'of')}` : ''}.json`)}`,
  ];
}

if (plan.static) {
  // The three typechecks are single-threaded: two machine cores run them side by side.
  await Promise.all([
    stepAsync(
      'typecheck: domain, scripts and tests',
      'npx',
      ['tsc', '-p', 'tsconfig.json'],
      {},
      '[tsc root] ',
    ),
    stepAsync(
      'typecheck: functions',
      'npx',
      ['tsc', '-p', 'functions/tsconfig.json'],
      {},
      '[tsc functions] ',
    ),
    stepAsync('typecheck: web', 'npx', ['tsc', '-p', 'web/tsconfig.json'], {}, '[tsc web] '),
  ]);
  step('lint and format (biome)', 'npx', ['biome', 'check', '.']);
  step('import boundaries', 'node', ['scripts/check-boundaries.mjs']);
  step('data model doc (docs/data-model.md vs rules and code)', 'node', ['scripts/check-data-model.mjs']);
  // The bundle budget measures the production build; the e2e suite below reuses the same build.
  if (buildWeb(emulatorPlan().storage)) {
    step('bundle budget (first-paint JS per route)', 'node', ['scripts/check-bundle.mjs']);
  }
}

if (plan.unit) {
  step(
    'unit tests (domain, functions, scripts, web)',
    'npx',
    vitestArgs(['domain', 'functions-unit', 'scripts', 'web'], 'unit'),
  );
}

let storageNote;
/** Results folders to sum in the summary: this run's, plus a side stack's (below). */
const resultDirs = [resultsDir];
if (suites.length > 0) {
  // The e2e suite also reads the security headers from the Hosting emulator (serving the same build).
  const withHosting = suites.includes('e2e');
  const emulators = emulatorPlan({ withHosting });
  // A side stack (below) reuses the parent's functions build: building again would rewrite
  // functions/lib under the parent's running Functions emulator.
  if (process.env.SV_FUNCTIONS_PREBUILT !== '1')
    step('build functions', 'npm', ['run', 'build', '-w', 'functions']);
  if (withHosting) buildWeb(emulators.storage);
  const planned = planStacks(suites, offset, process.env, portOffsetProblem, {
    narrowed: fileFilters.length > 0,
  });
  if (planned.error) {
    console.error(`npm test: ${planned.error}`);
    process.exit(2);
  }
  const [mine, ...sides] = planned.stacks;
  // In a side stack, this process's own runs take the --shard it was given.
  const runs = mine.runs.map((r) => ({ ...r, shard: r.shard ?? shardArg }));
  const label = (rs) => rs.map((r) => (r.shard ? `${r.suite} ${r.shard}` : r.suite)).join(', ');
  const waits = [];
  for (const side of sides) {
    // Each further stack (planStacks says which suites, or which part of one) is this script again
    // with its ports moved: its own emulators, database and (for e2e) web build. It reuses this
    // run's functions build: building again would rewrite functions/lib under running emulators.
    const sideEnv = {
      ...process.env,
      SV_PORT_OFFSET: String(side.offset),
      SV_FUNCTIONS_PREBUILT: '1',
      SV_EMULATOR_STACKS: '1',
      SV_SKIP: '',
    };
    resultDirs.push(join(ROOT, '.cache', `test-results-${side.offset}`));
    const [{ suite: sideSuite, shard }] = side.runs;
    waits.push(
      stepAsync(
        `emulator suites: ${label(side.runs)} (another stack, ports + ${side.offset - offset})`,
        'node',
        [
          'scripts/test.mjs',
          '--only',
          'emulators',
          '--suite',
          sideSuite,
          ...(shard ? ['--shard', shard] : []),
          ...(fileFilters.length ? ['--', ...fileFilters] : []),
        ],
        { env: sideEnv },
        `[${label(side.runs)}] `,
      ),
    );
  }
  const here = runs.map((r) => r.suite);
  const inner = runs
    .map((r) => `npx ${vitestArgs([r.suite], r.suite, r.shard).join(' ')}`)
    .join(' ; s=$((s+$?)) ; ');
  waits.push(
    stepAsync(
      `emulator suites: ${label(runs)} (emulators: ${emulators.only.join(', ')})`,
      firebaseBin(),
      [
        'emulators:exec',
        '--config',
        firebaseConfig({ withHosting }),
        '--project',
        PROJECT_ID,
        '--only',
        emulators.only.join(','),
        `sh -c 's=0 ; ${inner} ; s=$((s+$?)) ; exit $s'`,
      ],
      { env: emulators.env },
      sides.length > 0 ? `[${label(runs)}] ` : '',
    ),
  );
  await Promise.all(waits);
  if (!emulators.storage && here.includes('rules')) {
    storageNote =
      'skipped: the Storage rules tests — the Storage emulator cannot run on this offline machine (firebase-tools must download its rules runtime); they run where it can (README, "Tests")';
  }
}

// One closing line over every vitest run.
let passed = 0;
let failed = 0;
let skipped = 0;
// Each results folder holds this run's files only (it is emptied at the start): unit.json and one
// per suite run, or per part of one (e.g. functions-integration-1of2.json).
for (const path of resultDirs.flatMap((d) =>
  existsSync(d)
    ? readdirSync(d)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(d, f))
    : [],
)) {
  const r = JSON.parse(readFileSync(path, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`\n━━ finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (storageNote) console.log(`   ${storageNote}`);
for (const line of describeNotRun(plan)) console.log(`   ${line}`);
for (const f of failures) console.log(`   failed step: ${f}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length || failed || plan.missing.length ? 1 : 0);
