// What `npm test` (scripts/test.mjs) runs, skips on purpose, or cannot run here. Pure: the caller
// probes the machine (Java / Firestore emulator, Chromium) and passes what it found.
//
// A layer that cannot start FAILS the run, naming what is missing and how to install it. A developer
// skips a layer on purpose with `--skip <layer>[,<layer>]` (repeatable) or SV_SKIP=<layer>[,<layer>];
// the summary lists it. Layers: static, unit, emulators (= rules, functions-integration, e2e), or one
// emulator suite. The Storage-emulator tests are not a layer: they skip themselves where that
// emulator cannot run (offline machines) and say so in their own output.

export const LAYERS = ['static', 'unit', 'emulators'];
export const SUITES = ['rules', 'functions-integration', 'e2e'];
const SKIPPABLE = [...LAYERS, ...SUITES];

export const INSTALL_HINTS = {
  emulators:
    'install a Java runtime: on Debian/Ubuntu `apt-get install openjdk-17-jre-headless` together with the Google Cloud CLI package `google-cloud-cli-firestore-emulator` (offline), or any Java 21+ (firebase-tools then downloads its emulators)',
  chromium: '`apt-get install chromium`, or point CHROMIUM_PATH at a Chromium/Chrome binary',
};

/**
 * Reads the layers to skip from argv (`--skip a,b`, repeatable) and SV_SKIP.
 * @returns {{ skip: Map<string, string>, errors: string[] }} layer → why (which flag asked for it)
 */
export function parseSkips(argv, env = {}) {
  const skip = new Map();
  const errors = [];
  const add = (list, source) => {
    for (const raw of String(list).split(',')) {
      const name = raw.trim();
      if (!name) continue;
      if (!SKIPPABLE.includes(name)) {
        errors.push(`unknown layer "${name}" in ${source} (one of: ${SKIPPABLE.join(', ')})`);
        continue;
      }
      skip.set(name, `skipped on purpose (${source})`);
    }
  };
  argv.forEach((arg, i) => {
    if (arg === '--skip') {
      if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) errors.push('--skip needs a layer');
      else add(argv[i + 1], `--skip ${argv[i + 1]}`);
    } else if (arg.startsWith('--skip=')) add(arg.slice(7), arg);
  });
  if (env.SV_SKIP) add(env.SV_SKIP, `SV_SKIP=${env.SV_SKIP}`);
  return { skip, errors };
}

/**
 * Decides what runs.
 * @param {{
 *   only?: string, suite?: string, skip: Map<string, string>,
 *   emulators: { available: boolean, reason?: string },
 *   chromium: { available: boolean, reason?: string },
 * }} input
 * @returns {{
 *   static: boolean, unit: boolean, suites: string[],
 *   skipped: { what: string, why: string }[],
 *   missing: { what: string, why: string, install: string }[],
 *   errors: string[],
 * }}
 */
export function planTests({ only, suite, skip, emulators, chromium }) {
  const errors = [];
  if (only !== undefined && !LAYERS.includes(only)) errors.push(`--only takes one of: ${LAYERS.join(', ')}`);
  const wanted = suite === undefined ? SUITES : suite.split(',').map((s) => s.trim());
  if (suite !== undefined && (wanted.length === 0 || wanted.some((s) => !SUITES.includes(s))))
    errors.push(`--suite takes one or more (comma-separated) of: ${SUITES.join(', ')}`);
  const skipped = [];
  const missing = [];
  const wants = (layer) => !only || only === layer;
  const layer = (name) => {
    if (!wants(name)) return false;
    if (skip.has(name)) {
      skipped.push({ what: name, why: skip.get(name) });
      return false;
    }
    return true;
  };
  const plan = { static: layer('static'), unit: layer('unit'), suites: [] };

  if (layer('emulators')) {
    for (const s of SUITES.filter((name) => wanted.includes(name))) {
      if (skip.has(s)) {
        skipped.push({ what: s, why: skip.get(s) });
        continue;
      }
      if (!emulators.available) {
        missing.push({
          what: s,
          why: `the Firebase emulators cannot start: ${emulators.reason}`,
          install: INSTALL_HINTS.emulators,
        });
        continue;
      }
      if (s === 'e2e' && !chromium.available) {
        missing.push({ what: s, why: chromium.reason ?? 'no Chromium', install: INSTALL_HINTS.chromium });
        continue;
      }
      plan.suites.push(s);
    }
  }
  return { ...plan, skipped, missing, errors };
}

/** The summary lines for what did not run (printed before the closing `tests:` line). */
export function describeNotRun({ skipped, missing }) {
  const lines = [];
  for (const s of skipped) lines.push(`skipped: ${s.what} — ${s.why}`);
  for (const m of missing) {
    lines.push(`NOT RUN (fails the run): ${m.what} — ${m.why}`);
    lines.push(`   to install: ${m.install}; or skip it on purpose: --skip ${m.what}`);
  }
  return lines;
}

/** How far (in ports) each further emulator stack of one `npm test` sits from the one before. */
export const SIDE_STACK_OFFSET = 10000;

/**
 * How many emulator stacks `npm test` runs side by side unless SV_EMULATOR_STACKS says otherwise.
 * Two: on this project's 2-core machines the emulator layer is bound by CPU (the Functions emulator
 * starts a Node worker, which loads the whole functions bundle, for every function it runs and for
 * every concurrent call of one), so a third and fourth stack did not finish sooner — every test ran
 * 2–3 times slower (2026-12-07, load 14–18) — and only made waits time out. More cores: use 3 or 4.
 */
export const DEFAULT_STACKS = 2;

/**
 * The emulator stacks one run uses, side by side, each on its own ports (so they never share a
 * database or a Functions emulator, which delivers triggers one at a time). The suites are mostly
 * waiting on triggers, not on the CPU, so the layer takes about as long as its longest stack:
 *   1 stack:  every suite, one after another;
 *   2 stacks: functions-integration in the second, the rest in the first;
 *   3 stacks: functions-integration split in two halves (vitest --shard), one per extra stack;
 *   4 stacks: the e2e suite split in two as well (its second half in a stack of its own).
 * The first stack is this process's (at `offset`); stack k sits at offset + k × SIDE_STACK_OFFSET.
 * Falls back to one stack when a further stack's ports would be unusable. A run narrowed to some
 * files (`-- <filters>`) splits no suite: a few files do not repay another stack's start-up.
 * @param {string[]} suites the suites to run, in order
 * @param {number} offset this stack's SV_PORT_OFFSET
 * @param {Record<string, string | undefined>} env SV_EMULATOR_STACKS=1..4
 * @param {(raw: string) => string | undefined} offsetProblem portOffsetProblem from ./ports.mjs
 * @param {{ narrowed?: boolean }} [opts]
 * @returns {{ stacks: { runs: { suite: string, shard?: string }[], offset: number }[], error?: string }}
 */
export function planStacks(suites, offset, env, offsetProblem, { narrowed = false } = {}) {
  const raw = env.SV_EMULATOR_STACKS;
  const wanted = raw === undefined || raw === '' ? DEFAULT_STACKS : Number(raw);
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 4) {
    return { stacks: [], error: `SV_EMULATOR_STACKS=${raw} is not 1, 2, 3 or 4` };
  }
  const one = { stacks: [{ runs: suites.map((suite) => ({ suite })), offset }] };
  if (wanted === 1) return one;
  const parts = narrowed ? 1 : 2;
  const shards = (suite, n) =>
    n === 1 ? [{ suite }] : Array.from({ length: n }, (_, i) => ({ suite, shard: `${i + 1}/${n}` }));
  const first = [];
  const others = [];
  for (const suite of suites) {
    if (suite === 'functions-integration') {
      others.push(...shards(suite, wanted >= 3 ? parts : 1).map((run) => [run]));
    } else if (suite === 'e2e') {
      const [head, ...rest] = shards(suite, wanted >= 4 ? parts : 1);
      first.push(head);
      others.unshift(...rest.map((run) => [run]));
    } else {
      first.push({ suite });
    }
  }
  const groups = first.length > 0 ? [first, ...others] : others;
  const stacks = groups.map((runs, k) => ({ runs, offset: offset + k * SIDE_STACK_OFFSET }));
  if (stacks.slice(1).some((st) => offsetProblem(String(st.offset)))) return one;
  return { stacks };
}
