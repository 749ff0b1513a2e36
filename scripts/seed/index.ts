// Loads the SkillVerse demo data into the Firebase emulators (never a real project).
//
//   node scripts/with-emulators.mjs -- npx tsx scripts/seed/index.ts [--pause-triggers]
//
// Idempotent: ids are deterministic, documents are `set`, Auth users are created or reset, and
// what an earlier run (or a demo session) left for the seeded people and content is deleted
// first, so a second run leaves exactly the same data. Times are relative to "now", so upcoming
// live sessions stay upcoming. Demo logins: ./demo-accounts.ts.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, SEED_USER_PASSWORD } from './demo-accounts';
import { PLUS_DEMO_MEMBER_UID } from './data/plus';
import { USERS } from './data/users';
import { buildSeed, type SeedCounts } from './lib/build';
import { issueSeedCredentials } from './lib/credentials';
import {
  assertEmulators,
  closeSeedClients,
  pauseTriggers,
  resetSeededData,
  seedClients,
  writeAuthUsers,
  writeDocs,
  writeStats,
} from './lib/write';

export interface SeedOptions {
  /** No summary on stdout (warnings still go to stderr). */
  quiet?: boolean;
  /** The instant all relative times hang off; defaults to the current time. */
  now?: Date;
  /** Delete previously seeded data first (default true). */
  reset?: boolean;
  /**
   * Pause Cloud Functions background triggers while writing (default false). The seed never
   * needs them: its documents are complete, profiles are written before Auth users (so the
   * onCreate trigger finds them and backs off) and ledger entries carry `appliedAt`. Pausing
   * makes the result independent of whatever triggers exist, at the cost of a functions reload
   * (several seconds) when they are resumed; tests use it, `--pause-triggers` on the CLI.
   */
  pauseTriggers?: boolean;
}

export interface SeedResult {
  counts: SeedCounts;
  /** ISO week id of the weekly leaderboard that was written, e.g. '2026-W48'. */
  weekId: string;
  /** Documents deleted by the reset (roots of deleted trees plus single documents). */
  cleared: number;
  durationMs: number;
  /** Milliseconds per phase: reset, firestore, auth, triggers (resuming them reloads functions). */
  phases: Record<string, number>;
}

export async function seed(options: SeedOptions = {}): Promise<SeedResult> {
  assertEmulators();
  const started = Date.now();
  const log = (line: string) => {
    if (!options.quiet) console.log(line);
  };
  const warn = (line: string) => console.warn(`[seed] ${line}`);

  const plan = buildSeed(options.now ?? new Date());
  const { db, auth } = seedClients();
  const resume = options.pauseTriggers ? await pauseTriggers(warn) : async () => {};
  let cleared = 0;
  const phases: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    try {
      return await fn();
    } finally {
      phases[name] = Date.now() - t;
    }
  };
  try {
    if (options.reset !== false) {
      // The reset's deletes never reach the triggers: a delete's event carries no commit time of
      // its own (the emulator stamps it when delivered), so the counters could not tell a late
      // delivery of the seed's own delete from a real one. With triggers otherwise on, pause them
      // just for the reset.
      const resumeAfterReset = options.pauseTriggers ? null : await pauseTriggers(warn);
      try {
        cleared = await timed('reset', () => resetSeededData(db, plan));
      } finally {
        if (resumeAfterReset) await timed('triggers', resumeAfterReset);
      }
    }
    // Profiles before Auth users: an onCreate trigger that does run finds them and backs off.
    await timed('firestore', () => writeDocs(db, plan));
    // Certificates signed as verifiable credentials, exchange credentials issued (issue 8).
    await timed('credentials', () => issueSeedCredentials(db, plan));
    await timed('auth', () => writeAuthUsers(auth, plan, warn));
    await timed('stats', () => writeStats(db, plan));
  } finally {
    if (options.pauseTriggers) await timed('triggers', resume);
  }
  const result: SeedResult = {
    counts: plan.counts,
    weekId: plan.weekId,
    cleared,
    durationMs: Date.now() - started,
    phases,
  };
  log(summary(result));
  return result;
}

function byStatus(record: Record<string, number>): string {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

export function summary({ counts: c, weekId, durationMs, phases }: SeedResult): string {
  const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const plusMember = USERS.find((u) => u.uid === PLUS_DEMO_MEMBER_UID)!;
  const logins = DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(9)} ${a.email.padEnd(26)} ${a.password}`).join(
    '\n',
  );
  return [
    `Seeded the emulators in ${(durationMs / 1000).toFixed(1)} s (${c.documents} documents; ${Object.entries(
      phases,
    )
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}):`,
    `  users             ${c.users} (Auth + profile; others sign in with password "${SEED_USER_PASSWORD}")`,
    `  courses           ${total(c.courses)} (${byStatus(c.courses)}); ${c.lectures} lectures, ${c.quizzes} quizzes, ${c.reviews} reviews`,
    `  enrolments        ${c.enrollments}; ${c.payments} payments ($${(c.revenueCents / 100).toFixed(2)}), ${c.certificates} certificates, ${c.quizAttempts} quiz attempts`,
    `  exchanges         ${total(c.exchanges)} (${byStatus(c.exchanges)}); ${c.exchangeMessages} messages, ${c.exchangeSessions} sessions`,
    `  live sessions     ${total(c.liveSessions)} (${byStatus(c.liveSessions)}); ${c.liveRegistrations} registrations`,
    `  notifications     ${c.notifications}; point events ${c.pointEvents}; badges ${c.badges}; educator applications ${c.educatorApplications}`,
    `  leaderboards      allTime ${c.leaderboardEntries.allTime} entries, ${weekId} ${c.leaderboardEntries.week} entries`,
    `  plus              ${c.plus.members} members, ${c.plus.enrollments} Plus enrolments, ${c.plus.invoices} invoices; ${c.plus.closedMonth} closed: ${c.plus.statements} statements, $${(c.plus.distributed / 100).toFixed(2)} shared`,
    '  demo logins (role, email, password):',
    logins,
    `    ${'plus'.padEnd(9)} ${plusMember.email.padEnd(26)} ${SEED_USER_PASSWORD}`,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  seed({ pauseTriggers: process.argv.includes('--pause-triggers') })
    .then(() => closeSeedClients())
    .catch((error: unknown) => {
      console.error('[seed] failed:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
