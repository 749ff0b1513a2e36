// bench:cycles — the pure swap-cycle search (domain/src/swap-cycles.ts) over synthetic users.
//
//   npx tsx scripts/bench/cycles.ts [--users 10000] [--runs 5] [--seed 42] [--skills 200]
//
// Users are generated with a seeded RNG (mulberry32): ~200 skill keys with Zipf-like popularity
// (P(rank r) ∝ 1/r), 1–4 offered and 1–4 desired each (never the same key on both sides), 1–4
// weekly slots of 1–3 hours in 8:00–22:00 local, and one of eight time zones (as fixed UTC offsets,
// like the trigger's weeklyUtcIntervals at a given date). The timed part is exactly what the
// scheduled job runs in memory: findSwapCycles + pickCycles with the job's default bounds.
// Prints a JSON summary and a Markdown table row for BENCHMARKS.md.
import { performance } from 'node:perf_hooks';
import type { Interval } from '../../domain/src/skills';
import { CYCLE_DEFAULTS, type CycleUser, findSwapCycles, pickCycles } from '../../domain/src/swap-cycles';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
}

const USERS = arg('users', 10_000);
const RUNS = arg('runs', 5);
const SEED = arg('seed', 42);
const SKILLS = arg('skills', 200);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticUsers(n: number, seed: number, skills = SKILLS): CycleUser[] {
  const rand = mulberry32(seed);
  const keys = Array.from({ length: skills }, (_, i) => `skill-${String(i).padStart(3, '0')}`);
  const weights = keys.map((_, r) => 1 / (r + 1));
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  const pickSkill = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return keys[lo]!;
  };
  const offsets = [-480, -300, -180, 0, 60, 120, 330, 540]; // LA, NY, São Paulo, London, Paris, Athens, Delhi, Tokyo
  const users: CycleUser[] = [];
  for (let i = 0; i < n; i++) {
    const offered = new Set<string>();
    const desired = new Set<string>();
    const nOffered = 1 + Math.floor(rand() * 4);
    const nDesired = 1 + Math.floor(rand() * 4);
    while (offered.size < nOffered) offered.add(pickSkill());
    for (let guard = 0; desired.size < nDesired && guard < 50; guard++) {
      const s = pickSkill();
      if (!offered.has(s)) desired.add(s);
    }
    const offset = offsets[Math.floor(rand() * offsets.length)]!;
    const raw: Interval[] = [];
    const nSlots = 1 + Math.floor(rand() * 4);
    for (let s = 0; s < nSlots; s++) {
      const day = Math.floor(rand() * 7);
      const start = (8 + Math.floor(rand() * 12)) * 60; // 08:00–19:00 local
      const length = (1 + Math.floor(rand() * 3)) * 60;
      const utc = (((day * 1440 + start - offset) % 10080) + 10080) % 10080;
      if (utc + length <= 10080) raw.push([utc, utc + length]);
      else raw.push([utc, 10080], [0, utc + length - 10080]);
    }
    raw.sort((a, b) => a[0] - b[0]);
    const intervals: Interval[] = [];
    for (const [s, e] of raw) {
      const last = intervals[intervals.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else intervals.push([s, e]);
    }
    users.push({
      uid: `u${String(i).padStart(6, '0')}`,
      offered: [...offered],
      desired: [...desired],
      intervals,
    });
  }
  return users;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

function main() {
  const users = syntheticUsers(USERS, SEED);
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const times: number[] = [];
  let last: ReturnType<typeof findSwapCycles> | undefined;
  let picked = 0;
  // One warm-up run (JIT), then RUNS timed runs.
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    const result = findSwapCycles(users);
    const chosen = pickCycles(result.cycles);
    const t1 = performance.now();
    const mem = process.memoryUsage();
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    peakRss = Math.max(peakRss, mem.rss);
    if (run > 0) times.push(t1 - t0);
    if (last && (last.cycles.length !== result.cycles.length || chosen.length !== picked)) {
      throw new Error('the search is not deterministic');
    }
    last = result;
    picked = chosen.length;
    // The bound: each user in at most one picked cycle; steps never past the cap.
    const seen = new Set<string>();
    for (const c of chosen)
      for (const uid of c.participants) {
        if (seen.has(uid)) throw new Error(`user ${uid} picked twice`);
        seen.add(uid);
      }
    if (result.steps > CYCLE_DEFAULTS.maxSteps || result.cycles.length > CYCLE_DEFAULTS.maxCycles) {
      throw new Error('a bound was exceeded');
    }
  }
  if (!last) throw new Error('no run');
  const stepBound = last.usersConsidered * CYCLE_DEFAULTS.maxSuccessors ** 2;
  // How many people want the most popular skill: what an uncapped scan would compare against.
  const learnersPerSkill = new Map<string, number>();
  for (const u of users)
    for (const k of u.desired) learnersPerSkill.set(k, (learnersPerSkill.get(k) ?? 0) + 1);
  const summary = {
    users: USERS,
    usersConsidered: last.usersConsidered,
    edgesConsidered: last.edgesConsidered,
    steps: last.steps,
    stepBound: Math.min(stepBound, CYCLE_DEFAULTS.maxSteps),
    largestSkillLearners: Math.max(...learnersPerSkill.values()),
    cyclesFound: last.cycles.length,
    stoppedBy: last.stoppedBy,
    proposalsPicked: picked,
    usersInProposals: picked * 3,
    runs: RUNS,
    p50Ms: Math.round(median(times)),
    minMs: Math.round(Math.min(...times)),
    maxMs: Math.round(Math.max(...times)),
    peakHeapMiB: Math.round((peakHeap / 2 ** 20) * 10) / 10,
    heapForUsersMiB: Math.round((heapBefore / 2 ** 20) * 10) / 10,
    peakRssMiB: Math.round((peakRss / 2 ** 20) * 10) / 10,
    bounds: { ...CYCLE_DEFAULTS },
    node: process.version,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `| ${USERS.toLocaleString('en')} | ${summary.edgesConsidered.toLocaleString('en')} | ${summary.steps.toLocaleString('en')} (bound ${summary.stepBound.toLocaleString('en')}) | ${summary.cyclesFound.toLocaleString('en')} | ${summary.stoppedBy} | ${picked.toLocaleString('en')} | ${summary.p50Ms} ms (${summary.minMs}–${summary.maxMs} ms) | ${summary.peakHeapMiB} MiB heap / ${summary.peakRssMiB} MiB RSS |`,
  );
}

main();
