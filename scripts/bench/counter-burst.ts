// Counter burst (issue 17 item 3): 500 enrolments of distinct learners into ONE free course through
// the real `enrollInFreeCourse` callable, and 500 sign-ups (Auth emulator sign-up + the real
// `ensureProfile` callable), all sent together against the emulators. Reports the time, every
// callable error (a contention failure is `aborted` "Busy right now": retries exhausted), how long
// the counters take to settle, and whether they are exact: the course's enrollmentCount (folded
// into the course document and read as course + shards) and the platform counters (users,
// enrolments: stats/platform + its shards) against the documents that exist.
//
//   npm run bench:counters
//   … -- npx tsx scripts/bench/counter-burst.ts --learners 100 --signups 100 --no-write
//
// The Functions emulator serves each concurrent request of a function in its own worker process,
// so 1,000 requests at once would start 1,000 Node processes; the burst keeps --concurrency
// requests in flight (default 64, half enrolments and half sign-ups interleaved), which is what
// contends on Firestore: every enrolment transaction of the same course at the same moment.
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as accountsContracts from '@skillverse/domain/contracts/accounts';
import * as coursesContracts from '@skillverse/domain/contracts/courses';
import { readPlatformCounters } from '../../functions/src/lib/data/stats';
import { counterShardsCol } from '../../functions/src/lib/data/counter-shards';
import { readShardedCounters } from '../../functions/src/lib/sharded-counter';
import { seedCourse } from '../../functions/test/course-fixtures';
import {
  type CallableResponse,
  callFunction,
  createAuthUser,
  functionsBaseUrl,
  idTokenFor,
  seedProfile,
  testDb,
  uniqueId,
} from '../../functions/test/emulator';
import { warmWorkers } from '../../functions/test/warm-workers';
import { writeSection } from './lib/catalog-report';

const ROOT = join(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) =>
  argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback;
const LEARNERS = arg('--learners', 500);
const SIGNUPS = arg('--signups', 500);
const CONCURRENCY = arg('--concurrency', 64);
const SETTLE_TIMEOUT_MS = arg('--settle-timeout', 600) * 1000;
const WRITE = !argv.includes('--no-write');

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

async function signUp(email: string, password: string): Promise<string> {
  const res = await fetch(
    `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=fake-api-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken?: string; error?: { message: string } };
  if (!body.idToken) throw new Error(`sign-up failed: ${body.error?.message ?? res.status}`);
  return body.idToken;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (await check()) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}

async function main() {
  const db = testDb();
  console.log(`counter burst: ${LEARNERS} enrolments + ${SIGNUPS} sign-ups, ${CONCURRENCY} in flight`);

  // Setup (not timed): the instructor, one free course, the learners with profiles and tokens.
  const instructorId = uniqueId('burst-instructor');
  await seedProfile(db, instructorId, { roles: ['learner', 'educator'] });
  const { courseId } = await seedCourse(db, { instructorId, title: 'The popular course' });
  const learners: { uid: string; token: string }[] = [];
  await pool(
    Array.from({ length: LEARNERS }, (_, i) => i),
    16,
    async () => {
      const account = await createAuthUser({ displayName: 'Burst learner' });
      await seedProfile(db, account.uid, { displayName: 'Burst learner' });
      learners.push({ uid: account.uid, token: await idTokenFor(account) });
    },
  );
  console.log(`setup: ${learners.length} learners ready`);
  const base = functionsBaseUrl();
  await warmWorkers(`${base}/${coursesContracts.enrollInFreeCourse.name}`, CONCURRENCY / 2);
  await warmWorkers(`${base}/${accountsContracts.ensureProfile.name}`, CONCURRENCY / 2);

  // The burst: enrolments and sign-ups interleaved.
  type Job = { kind: 'enrol'; uid: string; token: string } | { kind: 'signup'; n: number };
  const jobs: Job[] = [];
  for (let i = 0; i < Math.max(LEARNERS, SIGNUPS); i++) {
    const learner = learners[i];
    if (learner) jobs.push({ kind: 'enrol', ...learner });
    if (i < SIGNUPS) jobs.push({ kind: 'signup', n: i });
  }
  const errors = new Map<string, number>();
  const latencies: number[] = [];
  let enrolled = 0;
  let signedUp = 0;
  const record = (what: string, r: CallableResponse) => {
    if (r.status === 200) return true;
    const key = `${what}: ${r.error?.status ?? r.status} ${r.error?.message ?? ''}`.trim();
    errors.set(key, (errors.get(key) ?? 0) + 1);
    return false;
  };
  const started = performance.now();
  await pool(jobs, CONCURRENCY, async (job) => {
    const t = performance.now();
    try {
      if (job.kind === 'enrol') {
        const r = await callFunction(coursesContracts.enrollInFreeCourse, { courseId }, job.token);
        if (record(coursesContracts.enrollInFreeCourse.name, r) && r.result?.alreadyEnrolled === false)
          enrolled++;
      } else {
        const token = await signUp(`burst-${uniqueId('signup')}-${job.n}@example.test`, 'burst-password-1');
        const r = await callFunction(accountsContracts.ensureProfile, {}, token);
        if (record(accountsContracts.ensureProfile.name, r)) signedUp++;
      }
    } catch (error) {
      const key = `${job.kind}: ${String(error).slice(0, 120)}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    latencies.push(performance.now() - t);
  });
  const burstMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  console.log(
    `burst: ${seconds(burstMs)}, ${enrolled} enrolled, ${signedUp} signed up, ${errors.size} error kinds`,
  );

  // Exact counters: the course (as readers see it, course + shards, at once) and, once the
  // triggers have caught up, the folded course document and the platform counters.
  const course = db.doc(`courses/${courseId}`);
  const exactAtOnce = (await readShardedCounters(db, course))?.enrollmentCount;
  const enrolmentDocs = (
    await db.collection('enrollments').where('courseId', '==', courseId).count().get()
  ).data().count;
  const foldMs = await waitUntil(
    async () =>
      (await course.get()).get('enrollmentCount') === enrolmentDocs &&
      (await counterShardsCol(course).get()).empty,
    SETTLE_TIMEOUT_MS,
  );
  const truth = async () => ({
    users: (await db.collection('users').count().get()).data().count,
    enrollments: (await db.collection('enrollments').count().get()).data().count,
  });
  let platform = { users: -1, enrollments: -1 };
  let real = await truth();
  const statsMs = await waitUntil(async () => {
    const c = await readPlatformCounters(db);
    platform = { users: c?.users.total ?? 0, enrollments: c?.enrollments.total ?? 0 };
    real = await truth();
    return platform.users === real.users && platform.enrollments === real.enrollments;
  }, SETTLE_TIMEOUT_MS);
  const folded = (await course.get()).get('enrollmentCount');
  const contention = [...errors.entries()]
    .filter(([k]) => /aborted|busy|contention|deadline|ABORTED/i.test(k))
    .reduce((n, [, c]) => n + c, 0);
  const totalErrors = [...errors.values()].reduce((a, b) => a + b, 0);
  const pass =
    totalErrors === 0 &&
    enrolled === LEARNERS &&
    signedUp === SIGNUPS &&
    exactAtOnce === LEARNERS &&
    folded === LEARNERS &&
    foldMs !== null &&
    statsMs !== null;

  const machine = `${cpus().length} CPU cores (shared), ${Math.round(totalmem() / 2 ** 30)} GB, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join('/')} at the end`;
  const body = [
    '## Counter burst: 500 enrolments into one course + 500 sign-ups (issue 17)',
    '',
    "`npm run bench:counters` (`scripts/bench/counter-burst.ts`). Before issue 17 item 3 every enrolment transaction also updated the course document and the webhook the instructor's `earnings` document, and `stats/platform` was one document; now each takes a blind increment on one of 16 counter shards, folded into the document at most every 2 s (docs/scaling.md, *Sharded counters*).",
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}: ${LEARNERS} enrolments of distinct learners into one free course (\`enrollInFreeCourse\`) and ${SIGNUPS} sign-ups (Auth sign-up + \`ensureProfile\`), interleaved, ${CONCURRENCY} requests in flight (the Functions emulator runs one worker process per concurrent request).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| burst (${LEARNERS + SIGNUPS} requests) | ${seconds(burstMs)} (${((LEARNERS + SIGNUPS) / (burstMs / 1000)).toFixed(1)} req/s; request p50 ${Math.round(pct(50))} ms, p95 ${Math.round(pct(95))} ms) |`,
    `| callable errors | ${totalErrors}${totalErrors ? ` (${[...errors.entries()].map(([k, n]) => `${k} ×${n}`).join('; ')})` : ''} |`,
    `| contention failures (\`aborted\` "Busy", retries exhausted) | ${contention} |`,
    `| enrolled / signed up | ${enrolled} / ${signedUp} |`,
    `| course enrollmentCount, course + shards right after the burst | ${exactAtOnce} (enrolment documents: ${enrolmentDocs}) |`,
    `| course enrollmentCount folded into the course document | ${folded}, ${foldMs === null ? 'not within the timeout' : `${seconds(foldMs)} after the burst`} |`,
    `| platform users / enrolments (stats/platform + shards) vs documents | ${platform.users} / ${platform.enrollments} vs ${real.users} / ${real.enrollments}, ${statsMs === null ? 'not equal within the timeout' : `equal ${seconds(statsMs)} after the burst`} |`,
    `| result | ${pass ? 'PASS' : 'FAIL'} |`,
  ].join('\n');
  console.log(body);
  if (WRITE) writeSection(join(ROOT, 'BENCHMARKS.md'), 'counters', body);
  process.exit(pass ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
