// Admin console and leaderboard benchmark (issue 6, Benchmark): seeds the demo data plus 5,000
// learners with 50,000 points-ledger entries and leaderboard entries (all time and this ISO week),
// runs the daily rollup (aggregation queries only) so the console's counters cover them, then
// measures in headless Chromium, signed in, the production build's `/admin` (as the admin) and
// `/leaderboard` (as the demo learner): time to render (p50/p95 over N runs, a fresh browser
// context each) and documents read.
//
//   SV_PORT_OFFSET=2000 npm run bench:admin            # N=5; BENCH_RUNS=10 for more
//   node scripts/with-emulators.mjs -- npx tsx scripts/bench/admin-leaderboard.ts [--runs N] [--no-write]
//
// Documents read are counted twice, as in bench:catalog: by the app (VITE_READ_METRICS=1, see
// web/src/lib/firestore/read-metrics.ts) and on the wire (a proxy in front of the Firestore
// emulator counting the documents its Listen streams send). Exits non-zero when /admin reads more
// than ADMIN_READ_BUDGET documents from the server.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runDailyRollup } from '../../functions/src/stats/daily-rollup';
import { ROOT } from '../lib/emulators.mjs';
import { webPort } from '../lib/web-env.mjs';
import { DEMO_ADMIN, DEMO_LEARNER } from '../seed/demo-accounts';
import { seed } from '../seed/index';
import { closeSeedClients, pauseTriggers, seedClients } from '../seed/lib/write';
import { writeBenchUsers } from './lib/admin-users';
import { buildBenchWeb, launchBenchBrowser } from './lib/bench-web';
import { markdownTable, percentile, type ViewResult, writeSection } from './lib/catalog-report';
import { startWireCounter, type WireCounter } from './lib/catalog-wire';

const USERS = 5000;
const EVENTS = 50_000;
/** The console must cost a handful of reads whatever the data size. */
const ADMIN_READ_BUDGET = 25;
const argRuns = process.argv.indexOf('--runs');
const RUNS = Number(argRuns === -1 ? (process.env.BENCH_RUNS ?? 5) : process.argv[argRuns + 1]);
const WRITE = !process.argv.includes('--no-write');

function log(line: string) {
  console.log(`[bench:admin] ${line}`);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

interface SeedReport {
  users: number;
  pointEvents: number;
  allTimeEntries: number;
  weekEntries: number;
  writeMs: number;
  rollupMs: number;
  rollupQueries: number;
  corrected: number;
}

/** Demo data, then the benchmark's population (triggers paused), then the rollup. */
async function seedPopulation(now: Date): Promise<SeedReport> {
  const resume = await pauseTriggers((line) => log(line));
  try {
    await seed({ quiet: true, now });
    const { db } = seedClients();
    const t0 = Date.now();
    const counts = await writeBenchUsers(db, { users: USERS, events: EVENTS, now });
    const writeMs = Date.now() - t0;
    log(
      `wrote ${counts.users} users, ${counts.pointEvents} ledger entries, ${counts.allTimeEntries} + ${counts.weekEntries} leaderboard entries in ${writeMs} ms`,
    );
    // The counters do not know the bench users yet (triggers were paused): the rollup's
    // reconciliation counts them with aggregation queries, as the nightly job would.
    const t1 = Date.now();
    const rollup = await runDailyRollup(db, new Date(), { day: new Date().toISOString().slice(0, 10) });
    const rollupMs = Date.now() - t1;
    const corrected = Object.keys(rollup.drift ?? {}).length;
    log(`rollup: ${rollup.queries} aggregation queries in ${rollupMs} ms; ${corrected} counters corrected`);
    return { ...counts, writeMs, rollupMs, rollupQueries: rollup.queries, corrected };
  } finally {
    await resume();
    await closeSeedClients();
  }
}

type MarkSpec = Record<string, { selector: string; text?: RegExp | string }>;

/** Records, in each page, the first moment (ms since navigation start) each selector matches. */
function markScript(marks: MarkSpec): string {
  const want = Object.fromEntries(
    Object.entries(marks).map(([k, v]) => [
      k,
      { selector: v.selector, text: v.text instanceof RegExp ? v.text.source : (v.text ?? null) },
    ]),
  );
  return `(() => {
    const want = ${JSON.stringify(want)};
    const got = (window.__svMarks = {});
    const check = () => {
      for (const [name, { selector, text }] of Object.entries(want)) {
        if (got[name] !== undefined) continue;
        for (const el of document.querySelectorAll(selector)) {
          if (!text || new RegExp(text).test(el.textContent || '')) { got[name] = performance.now(); break; }
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function settledReads(page: Page, wire: WireCounter, quietMs = 1500, maxMs = 20_000) {
  const deadline = Date.now() + maxMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const app = await page.evaluate(() => window.__svReads ?? { total: 0, byKey: {} });
    const now = `${app.total}/${wire.docs()}`;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs || Date.now() > deadline) {
      return { app, wire: wire.docs() };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(new URL('/sign-in', baseUrl).toString());
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/dashboard/, { timeout: 30_000 });
}

/**
 * Per run: a fresh context signs in, then a full page load of `path` is timed from navigation
 * start (auth restored from the browser, as for a returning user) and its reads counted.
 */
async function measureView(
  browser: Browser,
  wire: WireCounter,
  baseUrl: string,
  spec: {
    view: string;
    path: string;
    account: { email: string; password: string };
    renderedWhen: string;
    marks: MarkSpec;
  },
): Promise<ViewResult> {
  const result: ViewResult = {
    view: spec.view,
    renderedWhen: spec.renderedWhen,
    timesMs: [],
    appReads: [],
    wireReads: [],
    breakdown: {},
  };
  const names = Object.keys(spec.marks);
  for (let run = 0; run <= RUNS; run += 1) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript(markScript(spec.marks));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, baseUrl, spec.account.email, spec.account.password);
    await settledReads(page, wire, 800);
    wire.reset();
    await page.goto(new URL(spec.path, baseUrl).toString(), { waitUntil: 'commit' });
    await page.waitForFunction(
      (n) =>
        n.every(
          (k) => (window as unknown as { __svMarks: Record<string, number> }).__svMarks?.[k] !== undefined,
        ),
      names,
      { timeout: 60_000, polling: 50 },
    );
    const marks = await page.evaluate(
      () => (window as unknown as { __svMarks: Record<string, number> }).__svMarks,
    );
    const reads = await settledReads(page, wire);
    await context.close();
    if (errors.length > 0) throw new Error(`${spec.view}: page errors: ${errors.join('; ')}`);
    const time = Math.max(...names.map((n) => marks[n] ?? Number.NaN));
    log(
      `${spec.view} ${run === 0 ? 'warm-up' : `run ${run}`}: ${Math.round(time)} ms, ${reads.wire} docs sent, ${reads.app.total} delivered`,
    );
    if (run === 0) continue;
    result.timesMs.push(time);
    result.appReads.push(reads.app.total);
    result.wireReads.push(reads.wire);
    result.breakdown = reads.app.byKey;
  }
  return result;
}

async function main(): Promise<void> {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    console.error('bench:admin runs against the emulators: `SV_PORT_OFFSET=2000 npm run bench:admin`');
    process.exit(2);
  }
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer (got ${RUNS})`);
  const now = new Date();
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const seeded = await seedPopulation(now);

  const [fsHost, fsPort] = (process.env.FIRESTORE_EMULATOR_HOST as string).split(':');
  const wire = await startWireCounter({ host: fsHost || '127.0.0.1', port: Number(fsPort) });
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const outDir = buildBenchWeb(wire.port, log);
    const port = webPort('preview');
    server = spawn(
      'npx',
      ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
      { cwd: join(ROOT, 'web'), stdio: ['ignore', 'ignore', 'inherit'], detached: true },
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(baseUrl, 30_000);
    browser = await launchBenchBrowser([wire.port]);

    const admin = await measureView(browser, wire, baseUrl, {
      view: '`/admin` (admin)',
      path: '/admin',
      account: DEMO_ADMIN,
      renderedWhen: 'headline figures with the bench users counted, and the first chart',
      marks: {
        users: { selector: 'dt + dd', text: /^5,0\d\d$/ },
        chart: { selector: 'figure svg[role="img"] rect, figure svg[role="img"] polyline' },
      },
    });
    const results = [admin];
    // The leaderboard page is built in the same issue; measured when the route has it.
    let leaderboard: ViewResult | null = null;
    try {
      leaderboard = await measureView(browser, wire, baseUrl, {
        view: '`/leaderboard` (learner, all time)',
        path: '/leaderboard',
        account: DEMO_LEARNER,
        renderedWhen: 'top-50 table rows and "Your rank"',
        marks: {
          rows: { selector: 'main table tbody tr td' },
          rank: { selector: '[data-testid="my-rank"]', text: /^#\d/ },
        },
      });
      results.push(leaderboard);
    } catch (error) {
      log(`leaderboard not measured: ${error instanceof Error ? error.message : String(error)}`);
    }

    const table = markdownTable(results);
    console.log(`\n${table}\n`);
    const worst = Math.max(...admin.wireReads);
    const ok = worst <= ADMIN_READ_BUDGET;
    const verdict = ok
      ? `/admin read at most ${worst} documents from the server with ${USERS.toLocaleString('en-US')} extra users (budget ${ADMIN_READ_BUDGET}): stats/platform and stats/history (one document each, whatever the data size), the latest admin actions from the audit log (the names they show are carried on the entries), and the signed-in shell's own profile and notifications. Nothing on the page grows with users, enrolments or ledger entries; the rollup's ${seeded.rollupQueries} count()/sum() queries bill one read per 1,000 index entries counted, once a day.`
      : `FAIL: /admin read ${worst} documents from the server, more than the budget of ${ADMIN_READ_BUDGET}.`;
    console.log(verdict);

    if (WRITE) {
      const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, Chromium ${browser.version()}`;
      writeSection(
        join(ROOT, 'BENCHMARKS.md'),
        'admin',
        [
          '## Admin console and leaderboard',
          '',
          `- Machine: ${machine}, Java 17 Firestore emulator; the machine was loaded by other workers during the run (their emulators, builds and tests; load average ${load} at start), so the times are noisy`,
          `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          `- Command: \`SV_PORT_OFFSET=${process.env.SV_PORT_OFFSET ?? 0} npm run bench:admin\` (seed + ${seeded.users.toLocaleString('en-US')} learners with ${seeded.pointEvents.toLocaleString('en-US')} ledger entries, ${seeded.allTimeEntries.toLocaleString('en-US')} all-time and ${seeded.weekEntries.toLocaleString('en-US')} this-week leaderboard entries, written in ${(seeded.writeMs / 1000).toFixed(1)} s with triggers paused; ${RUNS} runs per view after one warm-up, a fresh browser context each, signed in first; times from the navigation start of a full load of the page; p95 of ${RUNS} runs is nearest-rank)`,
          `- Daily rollup over that data (what \`statsDailyRollup\` and \`refreshPlatformStats\` run): ${seeded.rollupQueries} aggregation queries in ${seeded.rollupMs} ms; it corrected ${seeded.corrected} counters (the bench users were written with triggers paused).`,
          '',
          table,
          '',
          "Docs sent by server: `documentChange`s on the emulator's Listen streams, counted by a proxy (what Firestore bills, except that a query with no results still bills one read; `count()` aggregations are not Listen streams and are not in this column). Docs delivered to app: the `VITE_READ_METRICS=1` counter (every getDoc/getDocs result and listener snapshot), which counts a document once per reader, so two readers on one watch target (two components listening to the same profile, say) count it twice although the server sent it once. Both include the signed-in shell (the user's profile and unread notifications).",
          '',
          `**What it means:** ${verdict}${
            leaderboard
              ? ` The leaderboard renders in p50 ${Math.round(percentile(leaderboard.timesMs, 50))} ms from ${percentile(leaderboard.wireReads, 50)} documents sent (the top 50 and the learner's own entry; a rank outside the top 50 comes from a count() aggregation).`
              : ' The leaderboard page was not measured in this run.'
          }`,
        ].join('\n'),
      );
      log('wrote BENCHMARKS.md (bench:admin section)');
    }
    if (!ok) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    await wire.close();
  }
}

declare global {
  interface Window {
    __svReads?: { total: number; byKey: Record<string, number> };
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
