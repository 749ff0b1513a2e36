// Reads per page view (issue 7, item 4): drives the main pages of the production build, in headless
// Chromium against the emulators, and reports the documents each full page load reads: first at
// the seeded size, then again after bulk data (1,000 more courses, 5,000 more learners with 50,000
// ledger entries, and 2,000 ledger entries plus 300 unread notifications for the demo learner
// herself), to show the counts do not grow with the data.
//
//   SV_PORT_OFFSET=4000 npm run bench:reads
//   node scripts/with-emulators.mjs -- npx tsx scripts/bench/reads-per-view.ts [--runs N] [--no-write]
//
// Two counts per view, as in bench:catalog and bench:admin: the app's own (a build with
// VITE_READ_METRICS=1: every getDoc/getDocs result and listener snapshot, see
// web/src/lib/firestore/read-metrics.ts) and the server's (a proxy in front of the Firestore
// emulator counting the documents its Listen streams send). Targets are on the app's count, the
// stricter of the two. Exits non-zero when a view with a target is over it.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../lib/emulators.mjs';
import { webPort } from '../lib/web-env.mjs';
import { DEMO_ADMIN, DEMO_LEARNER, type DemoAccount } from '../seed/demo-accounts';
import { seed } from '../seed/index';
import { buildSeed } from '../seed/lib/build';
import { closeSeedClients, pauseTriggers, seedClients } from '../seed/lib/write';
import { writeBenchUsers } from './lib/admin-users';
import { buildBenchCourses, writeBenchCourses } from './lib/catalog-courses';
import { buildBenchWeb, launchBenchBrowser } from './lib/bench-web';
import { writeSection } from './lib/catalog-report';
import { startWireCounter, type WireCounter } from './lib/catalog-wire';

const BULK_COURSES = 1000;
const BULK_USERS = 5000;
const BULK_EVENTS = 50_000;
const BULK_OWN_EVENTS = 2000;
const BULK_OWN_NOTIFICATIONS = 300;
const argRuns = process.argv.indexOf('--runs');
const RUNS = Number(argRuns === -1 ? (process.env.BENCH_RUNS ?? 2) : process.argv[argRuns + 1]);
const WRITE = !process.argv.includes('--no-write');

function log(line: string) {
  console.log(`[bench:reads] ${line}`);
}

type Who = 'signed out' | 'learner' | 'admin';

interface View {
  path: string;
  /** The path shown in the report (a course id replaced by `:id`). */
  label: string;
  who: Who;
  /** Issue 7's budget, in documents delivered to the app per page view. */
  target?: number;
}

const ACCOUNTS: Record<Exclude<Who, 'signed out'>, DemoAccount> = {
  learner: DEMO_LEARNER,
  admin: DEMO_ADMIN,
};

function views(courseId: string): View[] {
  return [
    { path: '/', label: '/', who: 'signed out' },
    { path: '/courses', label: '/courses', who: 'signed out', target: 21 },
    { path: `/courses/${courseId}`, label: '/courses/:id', who: 'signed out', target: 30 },
    { path: '/live-sessions', label: '/live-sessions', who: 'signed out' },
    { path: '/dashboard', label: '/dashboard', who: 'learner', target: 40 },
    { path: '/my-learning', label: '/my-learning', who: 'learner' },
    { path: '/achievements', label: '/achievements', who: 'learner' },
    { path: '/leaderboard', label: '/leaderboard', who: 'learner' },
    { path: '/skill-exchange', label: '/skill-exchange', who: 'learner' },
    { path: '/admin', label: '/admin', who: 'admin', target: 25 },
    { path: '/admin/users', label: '/admin/users', who: 'admin' },
  ];
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

/** The demo data (triggers are paused for the whole run: see main). */
async function seedDemo(now: Date): Promise<void> {
  try {
    await seed({ quiet: true, now });
  } finally {
    await closeSeedClients();
  }
}

interface BulkReport {
  courses: number;
  users: number;
  pointEvents: number;
  ownEvents: number;
  ownNotifications: number;
  writeMs: number;
}

/** The bulk data, every document complete as the seed writes them (no trigger needs to run). */
async function seedBulk(now: Date): Promise<BulkReport> {
  try {
    const { db } = seedClients();
    const t0 = Date.now();
    const educators = buildSeed(now)
      .authUsers.filter((u) => u.claims.educator)
      .map((u) => ({ uid: u.uid, displayName: u.displayName }));
    await writeBenchCourses(db, buildBenchCourses(BULK_COURSES, educators, now));
    const people = await writeBenchUsers(db, { users: BULK_USERS, events: BULK_EVENTS, now });
    const writer = db.bulkWriter({ throttling: false });
    writer.onWriteError((error) => error.failedAttempts < 5);
    const learner = DEMO_LEARNER.uid;
    for (let k = 0; k < BULK_OWN_EVENTS; k += 1) {
      const at = new Date(now.getTime() - (k + 1) * 3_600_000 * 7);
      writer.set(db.doc(`users/${learner}/pointEvents/bench_${String(k).padStart(4, '0')}`), {
        points: 10,
        reason: 'lecture_completed',
        refPath: null,
        createdAt: at,
        appliedAt: at,
      });
    }
    for (let k = 0; k < BULK_OWN_NOTIFICATIONS; k += 1) {
      writer.set(db.doc(`notifications/${learner}/items/bench_${String(k).padStart(4, '0')}`), {
        type: 'badge_earned',
        title: `Bench notification ${k + 1}`,
        body: 'Written by bench:reads.',
        link: null,
        read: false,
        createdAt: new Date(now.getTime() - (k + 1) * 60_000),
      });
    }
    await writer.close();
    const writeMs = Date.now() - t0;
    log(`bulk data written in ${writeMs} ms`);
    return {
      courses: BULK_COURSES,
      users: people.users,
      pointEvents: people.pointEvents,
      ownEvents: BULK_OWN_EVENTS,
      ownNotifications: BULK_OWN_NOTIFICATIONS,
      writeMs,
    };
  } finally {
    await closeSeedClients();
  }
}

interface Reads {
  app: { total: number; byKey: Record<string, number> };
  wire: number;
}

/** Waits until the app's and the wire's counts have not changed for `quietMs`. */
async function settledReads(page: Page, wire: WireCounter, quietMs = 2000, maxMs = 30_000): Promise<Reads> {
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

async function signIn(page: Page, baseUrl: string, account: DemoAccount): Promise<void> {
  await page.goto(new URL('/sign-in', baseUrl).toString());
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/dashboard/, { timeout: 60_000 });
}

/**
 * One full page load of `view.path` in `page` (signed in or not already): the counters start at
 * zero with the new document; the page has rendered when its heading is there and no spinner or
 * skeleton is left, and the reads are taken once both counters have been quiet for 2 s.
 */
async function pageView(page: Page, wire: WireCounter, baseUrl: string, view: View): Promise<Reads> {
  wire.reset();
  await page.goto(new URL(view.path, baseUrl).toString(), { waitUntil: 'commit' });
  await page.waitForFunction(
    () =>
      document.querySelector('main h1') !== null &&
      // A loading spinner or a skeleton block (not the pulsing dot of a "live" badge).
      document.querySelector('[role="status"] .animate-spin, .animate-pulse.bg-stone-200') === null,
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const reads = await settledReads(page, wire);
  // Close the page's listeners, so its later updates are not counted against the next view.
  await page.goto('about:blank');
  return reads;
}

interface Measured {
  view: View;
  app: number[];
  wire: number[];
  breakdown: Record<string, number>;
}

/** Every view, `RUNS` times each, in one browser context per identity (signed in once). */
async function measureAll(
  browser: Browser,
  wire: WireCounter,
  baseUrl: string,
  list: readonly View[],
): Promise<Measured[]> {
  const out: Measured[] = [];
  const contexts = new Map<Who, { context: BrowserContext; page: Page; errors: string[] }>();
  try {
    for (const view of list) {
      let slot = contexts.get(view.who);
      if (!slot) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 860 },
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        if (view.who !== 'signed out') await signIn(page, baseUrl, ACCOUNTS[view.who]);
        slot = { context, page, errors };
        contexts.set(view.who, slot);
      }
      const measured: Measured = { view, app: [], wire: [], breakdown: {} };
      for (let run = 0; run < RUNS; run += 1) {
        const reads = await pageView(slot.page, wire, baseUrl, view);
        measured.app.push(reads.app.total);
        measured.wire.push(reads.wire);
        measured.breakdown = reads.app.byKey;
        log(
          `${view.label} (${view.who}) run ${run + 1}: ${reads.app.total} delivered to app, ${reads.wire} sent by server`,
        );
      }
      if (slot.errors.length > 0) throw new Error(`${view.label}: page errors: ${slot.errors.join('; ')}`);
      out.push(measured);
    }
  } finally {
    for (const { context } of contexts.values()) await context.close();
  }
  return out;
}

const range = (values: readonly number[]) => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
};

function table(seeded: readonly Measured[], bulk: readonly Measured[], courseId: string): string {
  const rows = seeded.map((s, i) => {
    const b = bulk[i] as Measured;
    const worst = Math.max(...s.app, ...b.app);
    const target = s.view.target;
    const verdict = target === undefined ? '—' : worst <= target ? `≤ ${target} ✓` : `≤ ${target} ✗`;
    const breakdown = Object.entries(b.breakdown)
      .sort(([, x], [, y]) => y - x)
      .map(([k, v]) => `${courseId ? k.split(courseId).join(':id') : k}: ${v}`)
      .join(', ');
    return `| \`${s.view.label}\` | ${s.view.who} | ${range(s.app)} | ${range(s.wire)} | ${range(b.app)} | ${range(b.wire)} | ${verdict} | ${breakdown} |`;
  });
  return [
    '| view | as | seeded: delivered to app | seeded: sent by server | bulk: delivered to app | bulk: sent by server | target (app count) | app reads by operation (bulk, last run) |',
    '| --- | --- | --: | --: | --: | --: | --- | --- |',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    console.error('bench:reads runs against the emulators: `SV_PORT_OFFSET=4000 npm run bench:reads`');
    process.exit(2);
  }
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer (got ${RUNS})`);
  const now = new Date();
  // Page views only read, so background triggers stay paused from the seed to the end. The pause is
  // asked for again before each phase: the Functions emulator re-enables triggers when it reloads
  // (e.g. when functions/lib is rebuilt by someone else working in the same tree).
  const pause = () => pauseTriggers((line) => log(line));
  const resume = await pause();
  await seedDemo(now);

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

    // The course page measured: the catalog's first card at the seeded size (the same course after
    // the bulk data, whose newer courses push it off the first page).
    const probe = await browser.newPage();
    await probe.goto(new URL('/courses', baseUrl).toString());
    const href = await probe
      .locator('article h3 a[href^="/courses/"]')
      .first()
      .getAttribute('href', { timeout: 60_000 });
    await probe.close();
    const courseId = href?.split('/')[2];
    if (!courseId) throw new Error('no course card on /courses');
    const list = views(courseId);

    log('seeded size');
    await pause();
    const seeded = await measureAll(browser, wire, baseUrl, list);
    await browser.close();
    await pause();
    const bulkReport = await seedBulk(now);
    log('after the bulk data');
    await pause();
    // A fresh browser: an idle one can be gone after minutes of bulk writes on a loaded machine.
    browser = await launchBenchBrowser([wire.port]);
    const bulk = await measureAll(browser, wire, baseUrl, list);

    const md = table(seeded, bulk, courseId);
    console.log(`\n${md}\n`);
    const over = seeded
      .map((s, i) => ({ s, worst: Math.max(...s.app, ...(bulk[i] as Measured).app) }))
      .filter(({ s, worst }) => s.view.target !== undefined && worst > s.view.target);
    const grew = seeded
      .map((s, i) => ({ s, before: Math.max(...s.app), after: Math.max(...(bulk[i] as Measured).app) }))
      .filter(({ before, after }) => after > before);
    const verdict =
      over.length === 0
        ? 'every view with a target is within it, at the seeded size and with the bulk data.'
        : `over target: ${over.map(({ s, worst }) => `${s.view.label} ${worst} > ${s.view.target}`).join(', ')}.`;
    const growth =
      grew.length === 0
        ? 'No view reads more with the bulk data than without.'
        : `Read more with the bulk data, each up to a query limit it has now reached (a bigger data set fills the lists, it does not lengthen them): ${grew.map(({ s, before, after }) => `${s.view.label} ${before} → ${after}`).join(', ')}.`;
    console.log(`${verdict} ${growth}`);

    if (WRITE) {
      const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, Chromium ${browser.version()}`;
      const n = (x: number) => x.toLocaleString('en-US');
      writeSection(
        join(ROOT, 'BENCHMARKS.md'),
        'reads',
        [
          '## Reads per page view',
          '',
          `- Machine: ${machine}, Java 17 Firestore emulator, emulators shared with other stacks`,
          `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          `- Command: \`SV_PORT_OFFSET=${process.env.SV_PORT_OFFSET || 0} npm run bench:reads\` (production build with \`VITE_READ_METRICS=1\`; each view is a full page load, ${RUNS} per view, in one browser context per identity, signed in once; reads counted until both counters are quiet for 2 s after the heading shows and no spinner or skeleton is left)`,
          `- Seeded: the demo data. Bulk: plus ${n(bulkReport.courses)} published courses with their lectures, ${n(bulkReport.users)} learners with ${n(bulkReport.pointEvents)} ledger entries and leaderboard entries, and for the demo learner ${n(bulkReport.ownEvents)} more ledger entries and ${n(bulkReport.ownNotifications)} unread notifications (written in ${(bulkReport.writeMs / 1000).toFixed(1)} s, triggers paused).`,
          '',
          md,
          '',
          "Delivered to app: the `VITE_READ_METRICS=1` counter (every getDoc/getDocs result and listener snapshot; a listener's first snapshot counts every document, later ones the changes). It counts a document once per listener, so two components listening to the same document count it twice even though the SDK shares one watch target. Sent by server: `documentChange`s on the emulator's Listen streams, counted by a proxy in front of it (what Firestore bills). Both include the shell: the signed-in user's profile and unread notifications. `count()` aggregations are not documents and are not in either column.",
          '',
          `**What it means:** ${verdict} ${growth}`,
          '',
          '**Changes this benchmark led to:**',
          '',
          "- **One read per page, not two.** `useLiveQuery` no longer runs the one-shot `queryFn` on mount (`enabled: false`): the listener's first snapshot is the query's data, so each document of a page is delivered once instead of by a get and again by the listener on the same watch target. `/courses` went from 24 documents delivered (12 get + 12 listen, in bench:catalog) to 12, and every other live page halves the same way. Cached data (an earlier visit, a loader's prefetch) still shows at once, realtime updates are unchanged, and `refetch()` (“Try again”) still reads once.",
          '- **Unread badge capped at 9+.** The bell counts unread notifications with a listener on them, on every signed-in page, so each unread item was a read: with 300 unread the cap of 100 cost 100 reads per page view (`/dashboard` 121, over its 40). The cap is now 10 ("9+"), which bounds that part of the shell at 10 documents.',
          "- **Left as is:** `/admin` delivers about 8 documents more than the server sends, because each audit-log row opens its own listener on the people it names and the shell listens to the admin's profile more than once; the SDK shares those watch targets, so the server sends each document once (and the page is within 25 either way). Denormalising the names onto `auditLog` entries would remove the per-row reads.",
        ].join('\n'),
      );
      log('wrote BENCHMARKS.md (bench:reads section)');
    }
    if (over.length > 0) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    await wire.close();
    await resume();
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
