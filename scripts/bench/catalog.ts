// Catalog benchmark (issue "Courses and learning", Benchmark): seeds 1,000 extra published courses
// and measures, signed out in headless Chromium, the catalog's first page and a course detail page:
// time to first render (p50/p95 over N runs, a fresh browser context each) and documents read.
//
//   SV_PORT_OFFSET=1000 npm run bench:catalog            # N=5; BENCH_RUNS=10 for more
//   node scripts/with-emulators.mjs -- npx tsx scripts/bench/catalog.ts [--runs N] [--no-write]
//
// Documents read are counted twice, independently: by the app (a build with VITE_READ_METRICS=1,
// see web/src/lib/firestore/read-metrics.ts) and on the wire (a proxy in front of the Firestore
// emulator counting the documents its Listen streams send). Exits non-zero when the catalog's
// first page reads more than one page of documents. Writes its table to BENCHMARKS.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CATALOG_PAGE_SIZE } from '@skillverse/domain/catalog';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../lib/emulators.mjs';
import { webPort } from '../lib/web-env.mjs';
import { seed } from '../seed/index';
import { buildSeed } from '../seed/lib/build';
import { closeSeedClients, pauseTriggers, seedClients } from '../seed/lib/write';
import { benchCourseId, buildBenchCourses, writeBenchCourses } from './lib/catalog-courses';
import { buildBenchWeb, launchBenchBrowser } from './lib/bench-web';
import { markdownTable, percentile, type ViewResult, writeSection } from './lib/catalog-report';
import { startWireCounter, type WireCounter } from './lib/catalog-wire';

const COURSES = 1000;
/** Reads the first catalog page may take besides its page of courses (none are expected signed out). */
const CATALOG_SLACK = 2;
const argRuns = process.argv.indexOf('--runs');
const RUNS = Number(argRuns === -1 ? (process.env.BENCH_RUNS ?? 5) : process.argv[argRuns + 1]);
const WRITE = !process.argv.includes('--no-write');

function log(line: string) {
  console.log(`[bench:catalog] ${line}`);
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

/** Seeds the demo data, then the benchmark's courses, with background triggers paused. */
async function seedCatalog(now: Date): Promise<void> {
  const t0 = Date.now();
  const resume = await pauseTriggers((line) => log(line));
  try {
    await seed({ quiet: true, now });
    const educators = buildSeed(now)
      .authUsers.filter((u) => u.claims.educator)
      .map((u) => ({ uid: u.uid, displayName: u.displayName }));
    const { db } = seedClients();
    const writes = await writeBenchCourses(db, buildBenchCourses(COURSES, educators, now));
    log(`seeded the demo data and ${COURSES} courses (${writes} documents) in ${Date.now() - t0} ms`);
  } finally {
    await resume();
    await closeSeedClients();
  }
}

interface Marks {
  [name: string]: number | undefined;
}

/**
 * Records, in the page, the first moment (ms since navigation start) each CSS selector matches;
 * an optional text must be contained in the match. Runs before the app's scripts.
 */
function markScript(marks: Record<string, { selector: string; text?: string }>): string {
  return `(() => {
    const want = ${JSON.stringify(marks)};
    const got = (window.__svMarks = {});
    const check = () => {
      for (const [name, { selector, text }] of Object.entries(want)) {
        if (got[name] !== undefined) continue;
        for (const el of document.querySelectorAll(selector)) {
          if (!text || (el.textContent || '').includes(text)) { got[name] = performance.now(); break; }
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

/** Waits until the app's and the wire's read counts have not changed for `quietMs`. */
async function settledReads(page: Page, wire: WireCounter, quietMs = 1500, maxMs = 15_000) {
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

async function measureView(
  browser: Browser,
  wire: WireCounter,
  baseUrl: string,
  spec: {
    view: string;
    path: string;
    renderedWhen: string;
    marks: Record<string, { selector: string; text?: string }>;
    rendered: string[];
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
  // One warm-up run (not reported): first hits of the preview server and the emulator's query plans.
  for (let run = 0; run <= RUNS; run += 1) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript(markScript(spec.marks));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    wire.reset();
    await page.goto(new URL(spec.path, baseUrl).toString(), { waitUntil: 'commit' });
    await page.waitForFunction(
      (names) => names.every((n) => (window as unknown as { __svMarks: Marks }).__svMarks?.[n] !== undefined),
      spec.rendered,
      { timeout: 30_000, polling: 50 },
    );
    const marks = await page.evaluate(() => (window as unknown as { __svMarks: Marks }).__svMarks);
    const reads = await settledReads(page, wire);
    await context.close();
    if (errors.length > 0) throw new Error(`${spec.view}: page errors: ${errors.join('; ')}`);
    const time = Math.max(...spec.rendered.map((n) => marks[n] ?? Number.NaN));
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
    console.error('bench:catalog runs against the emulators: `SV_PORT_OFFSET=1000 npm run bench:catalog`');
    process.exit(2);
  }
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer (got ${RUNS})`);
  const now = new Date();
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  await seedCatalog(now);

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

    const detailId = benchCourseId(500);
    const detailTitle =
      buildBenchCourses(COURSES, [{ uid: 'x', displayName: 'x' }], now)[500]?.course.title ?? '';
    const catalog = await measureView(browser, wire, baseUrl, {
      view: '`/courses` (first page)',
      path: '/courses',
      renderedWhen: 'first course card',
      marks: { card: { selector: 'article h3 a[href^="/courses/"]' } },
      rendered: ['card'],
    });
    const detail = await measureView(browser, wire, baseUrl, {
      view: '`/courses/:id`',
      path: `/courses/${detailId}`,
      renderedWhen: 'title and outline with its preview lectures',
      marks: {
        title: { selector: 'h1', text: detailTitle.slice(0, 20) },
        outline: { selector: 'section[aria-labelledby="outline-heading"] button', text: 'Watch' },
      },
      rendered: ['title', 'outline'],
    });
    const results = [catalog, detail];
    const table = markdownTable(results);
    console.log(`\n${table}\n`);

    // The server's count is the one Firestore bills. The app's can be higher when two readers
    // (a one-shot read and a listener, or two listeners) share one watch target: each document
    // arrives once but is delivered to (and counted by) each reader.
    const limit = CATALOG_PAGE_SIZE + CATALOG_SLACK;
    const worst = Math.max(...catalog.wireReads);
    const ok = worst <= limit;
    const delivered = Math.max(...catalog.appReads);
    const delivery =
      delivered <= worst
        ? `the app received each once (${delivered} delivered: live queries take the listener's first snapshot as their data, with no one-shot read beside it)`
        : `the app received ${delivered} (${delivered - worst} more than the server sent: a document delivered to two readers sharing one watch target)`;
    const verdict = ok
      ? `the catalog's first page read at most ${worst} documents from the server, one page (limit ${CATALOG_PAGE_SIZE} + ${CATALOG_SLACK}); ${delivery}.`
      : `FAIL: the catalog's first page read ${worst} documents from the server, more than one page (${CATALOG_PAGE_SIZE} + ${CATALOG_SLACK}).`;
    console.log(verdict);

    if (WRITE) {
      const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, Chromium ${browser.version()}`;
      writeSection(
        join(ROOT, 'BENCHMARKS.md'),
        'catalog',
        [
          '## Catalog and course detail',
          '',
          `- Machine: ${machine}; the machine was loaded by other workers during the run (their emulators, builds and tests; load average ${load} at start), so the times are noisy`,
          `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          `- Command: \`SV_PORT_OFFSET=${process.env.SV_PORT_OFFSET ?? 0} npm run bench:catalog\` (seed + ${COURSES} extra published courses with 3–6 lectures each; signed out; ${RUNS} runs per view after one warm-up, a fresh browser context each; times from navigation start; p95 of ${RUNS} runs is nearest-rank)`,
          '',
          table,
          '',
          "Docs sent by server: `documentChange`s on the emulator's Listen streams, counted by a proxy (what Firestore bills, except that a query with no results still bills one read). Docs delivered to app: the `VITE_READ_METRICS=1` counter (every getDoc/getDocs result and listener snapshot; a listener's first snapshot counts every document, later ones the changes), which counts a document once per reader, so two readers on one watch target count it twice although the server sent it once. The assertion is on the server's count.",
          '',
          `**What it means:** ${verdict} The detail page renders in p50 ${Math.round(percentile(detail.timesMs, 50))} ms from ${percentile(detail.wireReads, 50)} documents (course, instructor profile, preview lectures; reviews as they exist).`,
        ].join('\n'),
      );
      log('wrote BENCHMARKS.md (bench:catalog section)');
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
