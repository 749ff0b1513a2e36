// Lighthouse benchmark (issue 7): the production web build, served locally against the seeded
// emulators, audited by Lighthouse with Debian's Chromium on `/`, `/courses` and a published
// course page, on mobile (Lighthouse's default: Moto G Power emulation, simulated slow 4G and 4×
// CPU slowdown) and desktop. Each page and form factor runs N times (default 3); the table shows
// the median of each figure. Writes the `bench:lighthouse` section of BENCHMARKS.md.
//
//   SV_PORT_OFFSET=1000 npm run bench:lighthouse
//   node scripts/with-emulators.mjs -- npx tsx scripts/bench/lighthouse.ts [--runs N] [--no-write]
//
// While iterating on one page (the table is written only for the full set, so --no-write is implied):
//   --pages home,catalog,course   only these pages
//   --form mobile|desktop         only this form factor
//   --dist web/dist-x             audit an existing build instead of building one
//   --no-seed                     the emulators already hold the seed (e.g. `--attach` to a seeded stack)
//   --port N                      serve the build on this port: publicPage keeps the app shell of an
//                                 origin for 5 minutes, so two builds audited one after the other on
//                                 the same port would have the second served the first one's shell
//
// The build is served by scripts/bench/lib/static-server.ts (gzip and firebase.json's hosting
// headers, like Firebase Hosting) rather than `vite preview`, which sends JavaScript uncompressed.
// Full JSON reports of the median runs go to .cache/lighthouse/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { PORTS, PROJECT_ID, ROOT } from '../lib/emulators.mjs';
import { webEnv, webPort } from '../lib/web-env.mjs';
import { seed } from '../seed/index';
import { COURSES } from '../seed/data/courses';
import { closeSeedClients, pauseTriggers } from '../seed/lib/write';
import { writeSection } from './lib/catalog-report';
import { functionRewrites, startStaticServer } from './lib/static-server';

const argRuns = process.argv.indexOf('--runs');
const RUNS = Number(argRuns === -1 ? (process.env.BENCH_RUNS ?? 3) : process.argv[argRuns + 1]);
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const ONLY_PAGES = argValue('--pages')?.split(',');
const ONLY_FORM = argValue('--form');
const DIST = argValue('--dist');
const SEED = !process.argv.includes('--no-seed');
const PORT = argValue('--port');
const PARTIAL = Boolean(ONLY_PAGES || ONLY_FORM || DIST || !SEED || PORT);
const WRITE = !process.argv.includes('--no-write') && !PARTIAL;
const offset = Number(process.env.SV_PORT_OFFSET || 0);

const TARGETS = {
  mobile: { performance: 90, lcpMs: 2500, cls: 0.1 },
  desktop: { performance: 98 },
  accessibility: 95,
  bestPractices: 95,
};

function log(line: string) {
  console.log(`[bench:lighthouse] ${line}`);
}

type FormFactor = 'mobile' | 'desktop';

interface RunFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  cls: number;
  fcpMs: number;
  siMs: number;
  tbtMs: number;
  /** Script bytes over the wire (gzip), all scripts of the page load. */
  jsKiB: number;
  /** Main-thread work as Lighthouse counts it (observed time × the 4× CPU slowdown on mobile). */
  mainThreadMs: number;
  /** LCP as observed in the unthrottled load, before simulation. */
  observedLcpMs: number;
  /** The simulated network's throughput (Lighthouse: 1.6 Mbps mobile, 10 Mbps desktop). */
  throughputKbps: number;
  issues: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
};

function figures(lhr: Result): RunFigures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  // What costs points: failing audits of the a11y and best-practices categories, and the
  // performance opportunities and diagnostics Lighthouse flags.
  const issues: string[] = [];
  for (const cat of ['accessibility', 'best-practices'] as const) {
    for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        issues.push(`${cat}: ${ref.id}`);
    }
  }
  for (const ref of lhr.categories.performance?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    if (audit.scoreDisplayMode === 'metricSavings' || audit.details?.type === 'opportunity')
      issues.push(`performance: ${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: num('largest-contentful-paint'),
    cls: num('cumulative-layout-shift'),
    fcpMs: num('first-contentful-paint'),
    siMs: num('speed-index'),
    tbtMs: num('total-blocking-time'),
    jsKiB:
      ((
        lhr.audits['resource-summary']?.details as {
          items?: { resourceType: string; transferSize: number }[];
        }
      )?.items?.find((i) => i.resourceType === 'script')?.transferSize ?? Number.NaN) / 1024,
    mainThreadMs: num('mainthread-work-breakdown'),
    throughputKbps: lhr.configSettings.throttling?.throughputKbps ?? Number.NaN,
    observedLcpMs:
      (lhr.audits.metrics?.details as { items?: { observedLargestContentfulPaint?: number }[] })?.items?.[0]
        ?.observedLargestContentfulPaint ?? Number.NaN,
    issues,
  };
}

/** The machine's CPU busy fraction over the next `ms`. */
async function cpuBusy(ms: number): Promise<number> {
  const total = () =>
    cpus().reduce(
      (acc, c) => {
        const t = c.times;
        acc.idle += t.idle;
        acc.all += t.user + t.nice + t.sys + t.irq + t.idle;
        return acc;
      },
      { idle: 0, all: 0 },
    );
  const a = total();
  await new Promise((r) => setTimeout(r, ms));
  const b = total();
  return 1 - (b.idle - a.idle) / Math.max(1, b.all - a.all);
}

/**
 * Lighthouse multiplies the CPU time it observes, so the audits wait until the machine is quiet:
 * the seed's writes start a burst of triggers on the Functions emulator, which runs for a minute or
 * two after the seed returns. Waits for two 5-second windows in a row under 25 % busy (at most 4 min).
 */
async function untilQuiet(): Promise<void> {
  const t0 = Date.now();
  let calm = 0;
  let busy = 1;
  while (calm < 2 && Date.now() - t0 < 240_000) {
    busy = await cpuBusy(5_000);
    calm = busy < 0.25 ? calm + 1 : 0;
  }
  log(
    `${calm >= 2 ? 'machine quiet' : 'machine still busy'} after ${Math.round((Date.now() - t0) / 1000)} s (CPU ${Math.round(busy * 100)} % busy over the last 5 s)`,
  );
}

async function seedDemo(now: Date): Promise<void> {
  const t0 = Date.now();
  const resume = await pauseTriggers((line) => log(line));
  try {
    await seed({ quiet: true, now });
    log(`seeded the demo data in ${Date.now() - t0} ms`);
  } finally {
    await resume();
    await closeSeedClients();
  }
}

function buildWeb(): string {
  const outDir = `dist-lighthouse-${offset}`;
  const t0 = Date.now();
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: join(ROOT, 'web'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...webEnv({ storage: process.env.SV_STORAGE_EMULATOR === '1' }) },
  });
  log(`built web/${outDir} in ${Date.now() - t0} ms`);
  return join(ROOT, 'web', outDir);
}

async function main(): Promise<void> {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    console.error(
      'bench:lighthouse runs against the emulators: `SV_PORT_OFFSET=1000 npm run bench:lighthouse`',
    );
    process.exit(2);
  }
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer (got ${RUNS})`);
  const now = new Date();
  if (ONLY_FORM && ONLY_FORM !== 'mobile' && ONLY_FORM !== 'desktop')
    throw new Error(`--form must be mobile or desktop (got ${ONLY_FORM})`);
  if (SEED) await seedDemo(now);
  const course = COURSES.find((c) => c.status === 'published');
  if (!course) throw new Error('the seed has no published course');

  const dir = DIST ? join(ROOT, DIST) : buildWeb();
  await untilQuiet();
  const port = PORT ? Number(PORT) : webPort('preview');
  const hosting = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')).hosting;
  // Hosting's function rewrites (publicPage) go to the Functions emulator, as on the Hosting emulator.
  const functionsBase = `http://127.0.0.1:${PORTS.functions + offset}/${PROJECT_ID}/us-central1`;
  const server: Server = await startStaticServer({
    dir,
    port,
    hostingHeaders: hosting.headers ?? [],
    functionRewrites: functionRewrites(hosting.rewrites ?? [], functionsBase),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const ports = Object.values(PORTS).map((p) => p + offset);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Some emulator ports shifted by SV_PORT_OFFSET (e.g. 6001) are on Chromium's unsafe list.
      `--explicitly-allowed-ports=${ports.join(',')}`,
    ],
  });
  const cacheDir = join(ROOT, '.cache', 'lighthouse');
  mkdirSync(cacheDir, { recursive: true });
  const pages = [
    { key: 'home', label: '`/`', path: '/' },
    { key: 'catalog', label: '`/courses`', path: '/courses' },
    { key: 'course', label: `\`/courses/:id\` (${course.id})`, path: `/courses/${course.id}` },
  ].filter((p) => !ONLY_PAGES || ONLY_PAGES.includes(p.key));
  if (pages.length === 0) throw new Error('--pages names none of home, catalog, course');
  const rows: { page: string; form: FormFactor; runs: RunFigures[] }[] = [];
  const load = loadavg()[0] ?? 0;
  let chromeVersion = '';
  try {
    chromeVersion =
      (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser ?? '';
    const forms = (['mobile', 'desktop'] as const).filter((f) => !ONLY_FORM || f === ONLY_FORM);
    for (const form of forms) {
      for (const page of pages) {
        const runs: { fig: RunFigures; lhr: Result }[] = [];
        for (let run = 1; run <= RUNS; run += 1) {
          const flags: Flags = {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices'],
          };
          const result = await lighthouse(
            new URL(page.path, baseUrl).toString(),
            flags,
            form === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          if (result.lhr.runtimeError) throw new Error(`${page.path}: ${result.lhr.runtimeError.message}`);
          const fig = figures(result.lhr);
          runs.push({ fig, lhr: result.lhr });
          log(
            `${form} ${page.path} run ${run}: perf ${fig.performance}, LCP ${Math.round(fig.lcpMs)} ms, CLS ${fig.cls.toFixed(3)}, a11y ${fig.accessibility}, BP ${fig.bestPractices}`,
          );
        }
        const mid = [...runs].sort((a, b) => a.fig.performance - b.fig.performance)[
          Math.floor((runs.length - 1) / 2)
        ];
        if (mid) {
          const name = `${form}-${page.path.replace(/\W+/g, '_') || 'home'}.json`;
          writeFileSync(join(cacheDir, name), JSON.stringify(mid.lhr));
        }
        rows.push({ page: page.label, form, runs: runs.map((r) => r.fig) });
      }
    }
  } finally {
    await chrome.kill();
    await new Promise((r) => server.close(r));
  }

  const verdicts: string[] = [];
  const table = [
    '| page | form factor | performance | LCP | CLS | FCP | Speed Index | TBT | accessibility | best practices | JS transferred | main-thread work | LCP observed (unthrottled) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const m = (pick: (f: RunFigures) => number) => median(row.runs.map(pick));
    const perf = m((f) => f.performance);
    const lcp = m((f) => f.lcpMs);
    const cls = m((f) => f.cls);
    const a11y = m((f) => f.accessibility);
    const bp = m((f) => f.bestPractices);
    const perfTarget = row.form === 'mobile' ? TARGETS.mobile.performance : TARGETS.desktop.performance;
    const miss: string[] = [];
    if (perf < perfTarget) miss.push(`performance ${perf} < ${perfTarget}`);
    if (row.form === 'mobile' && lcp > TARGETS.mobile.lcpMs)
      miss.push(`LCP ${(lcp / 1000).toFixed(2)} s > 2.5 s`);
    if (row.form === 'mobile' && cls > TARGETS.mobile.cls) miss.push(`CLS ${cls.toFixed(3)} > 0.1`);
    if (a11y < TARGETS.accessibility) miss.push(`accessibility ${a11y} < 95`);
    if (bp < TARGETS.bestPractices) miss.push(`best practices ${bp} < 95`);
    if (miss.length > 0) {
      // What the simulation charges for the scripts alone: their bytes at the simulated throughput.
      const jsKiB = m((f) => f.jsKiB);
      const download = (jsKiB * 1024 * 8) / (m((f) => f.throughputKbps) * 1000);
      verdicts.push(
        `${row.page} ${row.form}: ${miss.join(', ')} (its ${Math.round(jsKiB)} KiB of script take ${download.toFixed(2)} s to download at the simulated ${Math.round(m((f) => f.throughputKbps) / 100) / 10} Mbps before the page content can render; FCP ${(m((f) => f.fcpMs) / 1000).toFixed(2)} s, LCP observed without throttling ${(m((f) => f.observedLcpMs) / 1000).toFixed(2)} s)`,
      );
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    table.push(
      `| ${row.page} | ${row.form} | ${perf} | ${seconds(lcp)} | ${cls.toFixed(3)} | ${seconds(m((f) => f.fcpMs))} | ${seconds(m((f) => f.siMs))} | ${Math.round(m((f) => f.tbtMs))} ms | ${a11y} | ${bp} | ${Math.round(m((f) => f.jsKiB))} KiB | ${seconds(m((f) => f.mainThreadMs))} | ${seconds(m((f) => f.observedLcpMs))} |`,
    );
  }
  const issues = new Map<string, number>();
  for (const row of rows)
    for (const run of row.runs)
      for (const issue of new Set(run.issues.map((i) => `${row.form}: ${i.replace(/ \(.*\)$/, '')}`)))
        issues.set(issue, (issues.get(issue) ?? 0) + 1);
  const tableText = table.join('\n');
  console.log(`\n${tableText}\n`);
  console.log(verdicts.length === 0 ? 'every target met' : `targets missed:\n  ${verdicts.join('\n  ')}`);
  if (issues.size > 0) {
    console.log('flagged audits (runs):');
    for (const [issue, n] of [...issues].sort((a, b) => b[1] - a[1])) console.log(`  ${issue}: ${n}`);
  }

  if (WRITE) {
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${chromeVersion || 'Chromium'}, Lighthouse ${JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version}`;
    writeSection(
      join(ROOT, 'BENCHMARKS.md'),
      'lighthouse',
      [
        '## Lighthouse',
        '',
        `- Machine: ${machine}; both cores shared with other agents' stacks and builds (load average ${load.toFixed(1)} at the start), which lowers the performance scores (Lighthouse's simulated throttling still multiplies the CPU time it observes)`,
        `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        `- Command: \`SV_PORT_OFFSET=${offset} npm run bench:lighthouse\` (seeded emulators; the production build served with gzip and firebase.json's hosting headers except the CSP; signed out; Lighthouse defaults: mobile = Moto G Power emulation, simulated slow 4G, 4× CPU slowdown; desktop = desktop config; ${RUNS} runs per page and form factor, median of each figure; reports of the median runs in \`.cache/lighthouse/\`)`,
        '- Targets: performance ≥ 90 mobile and ≥ 98 desktop; LCP ≤ 2.5 s and CLS ≤ 0.1 on mobile; accessibility ≥ 95 and best practices ≥ 95 everywhere',
        '',
        tableText,
        '',
        verdicts.length === 0 ? '**Every target met.**' : `**Targets missed:** ${verdicts.join('; ')}.`,
        '',
        "**Reading it:** all three pages carry their content in the HTML: `/` is prerendered at build (the hero), `/courses` and `/courses/:id` are rendered by `publicPage` (docs/rendering.md). The largest element is that text — the hero's heading, the catalogue's header, the course's title and description — so LCP follows FCP. The scripts start only once that content is on the screen: the HTML has no module script and no modulepreload, and a small deferred loader adds them after the `first-contentful-paint` entry (docs/rendering.md, \"Paint first, then the scripts\"); before that, the browser fetched and ran about 245 kB of script ahead of the first frame, and Lighthouse's simulation charged their download and start-up to FCP and LCP. What the score still pays for is Total Blocking Time: the app's start-up after the paint, at 4× the observed CPU time (module evaluation, React replacing the server's markup, the renders as the queries and the auth state settle, Firestore's first snapshots) — most on the course page, least on `/`, whose course rows wait until they are scrolled to. Observed first paints vary run to run in this headless Chromium (about 0.2 s or about 1.2 s after the response, with nothing on the main thread in between), which moves Speed Index; the loader waiting for the paint keeps that out of FCP and LCP. Lighthouse 12.2.3 (pinned: 13 needs Node 22) cannot name the LCP element with this Chromium (its TraceElements gatherer fails: `frame_sequence`).",
        '',
        issues.size === 0
          ? 'No audit flagged.'
          : `Audits flagged (runs out of ${rows.length * RUNS}): ${[...issues]
              .sort((a, b) => b[1] - a[1])
              .map(([i, n]) => `${i} (${n})`)
              .join(', ')}.`,
      ].join('\n'),
    );
    log('wrote BENCHMARKS.md (bench:lighthouse section)');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
