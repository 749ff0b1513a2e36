// bench:plus-split — the monthly Plus revenue split (domain/src/plus-split.ts) over synthetic data,
// pure (no emulator): what closePlusMonth does in memory once it has read the month.
//
//   npx tsx scripts/bench/plus-split.ts [--instructors 1000] [--learners 100000] [--runs 5] [--seed 7]
//
// Each learner watched 1–3 Plus courses this month (one plusWatch tally each: 60 s – 20 h of
// observed seconds); courses belong to instructors with Zipf-like popularity (P(rank r) ∝ 1/r), so
// a few instructors hold most minutes and many hold a few. The timed part: summing the tallies per
// instructor, splitPlusRevenue (fee, largest remainder over all instructors, BigInt arithmetic)
// and one carried refund split by the month's shares (splitCarry), as the close does. Prints a
// JSON summary and a Markdown table row for BENCHMARKS.md.
import { performance } from 'node:perf_hooks';
import { splitCarry, splitPlusRevenue } from '../../domain/src/plus-split';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
}

const INSTRUCTORS = arg('instructors', 1000);
const LEARNERS = arg('learners', 100_000);
const RUNS = arg('runs', 5);
const SEED = arg('seed', 7);

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

interface Tally {
  instructorId: string;
  seconds: number;
}

function syntheticTallies(): Tally[] {
  const rand = mulberry32(SEED);
  const ids = Array.from({ length: INSTRUCTORS }, (_, i) => `instructor-${String(i).padStart(5, '0')}`);
  const weights = ids.map((_, r) => 1 / (r + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  const pick = () => {
    const x = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo] ?? ids[0] ?? 'instructor-0';
  };
  const out: Tally[] = [];
  for (let l = 0; l < LEARNERS; l++) {
    const courses = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < courses; c++)
      out.push({ instructorId: pick(), seconds: 60 + Math.floor(rand() * 72_000) });
  }
  return out;
}

function closeInMemory(tallies: Tally[]) {
  const seconds = new Map<string, number>();
  for (const t of tallies) seconds.set(t.instructorId, (seconds.get(t.instructorId) ?? 0) + t.seconds);
  const instructors = [...seconds.entries()].map(([instructorId, s]) => ({ instructorId, seconds: s }));
  // 100,000 subscribers at $12.99, 1 % refunded before the close.
  const paid = LEARNERS * 1299;
  const split = splitPlusRevenue({ paid, refunded: Math.round(paid / 100), currency: 'USD', instructors });
  const carry = splitCarry({ refunded: 1299, currency: 'USD', closedShares: instructors });
  return { split, carry };
}

const tallies = syntheticTallies();
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
let last: ReturnType<typeof closeInMemory> | null = null;
let heapPeak = 0;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  last = closeInMemory(tallies);
  times.push(performance.now() - t0);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const sum = last ? last.split.shares.reduce((s, x) => s + x.amount, 0) : 0;
const summary = {
  instructors: INSTRUCTORS,
  learners: LEARNERS,
  tallies: tallies.length,
  runs: RUNS,
  medianMs: Math.round(median * 10) / 10,
  maxMs: Math.round((times[times.length - 1] ?? 0) * 10) / 10,
  heapDeltaMB: Math.round((heapPeak / 1024 / 1024) * 10) / 10,
  rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  distributable: last?.split.distributable,
  sharesSum: sum,
  reconciled: last ? sum === last.split.distributable : false,
  roundingCents: last?.split.roundingCents,
  carryLines: last?.carry.length,
};
console.log(JSON.stringify(summary, null, 2));
console.log(
  `| ${INSTRUCTORS.toLocaleString('en-US')} | ${LEARNERS.toLocaleString('en-US')} | ${tallies.length.toLocaleString('en-US')} | ${summary.medianMs} ms | ${summary.maxMs} ms | ${summary.heapDeltaMB} MB | ${summary.rssMB} MB | ${summary.reconciled ? 'yes' : 'NO'} (${summary.roundingCents} rounding cents) |`,
);
if (!summary.reconciled) process.exit(1);
