// The admin/leaderboard benchmark's synthetic population: N learners with a points ledger
// (users/{uid}/pointEvents), their totals on the profile, and leaderboard entries for all time and
// the current ISO week. Deterministic: the same ids and values on every run.
import { ALL_TIME_PERIOD, isoWeekId, levelForPoints } from '@skillverse/domain/gamification';
import type { Firestore } from 'firebase-admin/firestore';

const DAY = 86_400_000;
const REASONS = [
  { reason: 'lecture_completed', points: 10 },
  { reason: 'lecture_completed', points: 10 },
  { reason: 'lecture_completed', points: 10 },
  { reason: 'quiz_mastered', points: 50 },
  { reason: 'course_completed', points: 100 },
  { reason: 'review_written', points: 15 },
  { reason: 'daily_streak', points: 5 },
] as const;

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const benchUserId = (i: number) => `bench-user-${String(i).padStart(5, '0')}`;

export interface WriteCounts {
  users: number;
  pointEvents: number;
  allTimeEntries: number;
  weekEntries: number;
}

/**
 * Writes `users` learners with `events` ledger entries in all (spread evenly), through a
 * BulkWriter. Activity is skewed: most people have a few recent entries, a few have many.
 */
export async function writeBenchUsers(
  db: Firestore,
  options: { users: number; events: number; now: Date },
): Promise<WriteCounts> {
  const { users, events, now } = options;
  const rand = random(20261125);
  const week = isoWeekId(now);
  const perUser = Math.floor(events / users);
  let extra = events - perUser * users;
  const counts: WriteCounts = { users: 0, pointEvents: 0, allTimeEntries: 0, weekEntries: 0 };
  const writer = db.bulkWriter({ throttling: false });
  writer.onWriteError((error) => error.failedAttempts < 5);
  for (let i = 0; i < users; i += 1) {
    const uid = benchUserId(i);
    const n = perUser + (extra-- > 0 ? 1 : 0);
    // How recently this person was active: half within a week, most within a month.
    const recency = rand() ** 2.5 * 90 * DAY;
    const last = new Date(now.getTime() - recency);
    let points = 0;
    let weekly = 0;
    for (let k = 0; k < n; k += 1) {
      const r = REASONS[Math.floor(rand() * REASONS.length)] ?? REASONS[0];
      const at = new Date(last.getTime() - k * (0.3 + rand() * 2.5) * DAY);
      points += r.points;
      if (isoWeekId(at) === week) weekly += r.points;
      writer.set(db.doc(`users/${uid}/pointEvents/bench_${String(k).padStart(3, '0')}`), {
        points: r.points,
        reason: r.reason,
        refPath: null,
        createdAt: at,
        appliedAt: at,
      });
      counts.pointEvents += 1;
    }
    const displayName = `Bench Learner ${i + 1}`;
    const createdAt = new Date(last.getTime() - (30 + rand() * 300) * DAY);
    writer.set(db.doc(`users/${uid}`), {
      uid,
      displayName,
      photoURL: null,
      bio: '',
      headline: '',
      interests: [],
      skills: [],
      offeredSkills: [],
      desiredSkills: [],
      availability: [],
      timezone: 'UTC',
      onboarded: true,
      roles: ['learner'],
      status: 'active',
      gamification: {
        points,
        level: levelForPoints(points).level,
        badges: [],
        currentStreak: recency < DAY ? 1 : 0,
        longestStreak: 3,
        lastActiveDay: last.toISOString().slice(0, 10),
        lastActiveAt: last,
      },
      rating: { average: 0, count: 0 },
      createdAt,
      updatedAt: last,
    });
    counts.users += 1;
    if (points > 0) {
      writer.set(db.doc(`leaderboards/${ALL_TIME_PERIOD}/entries/${uid}`), {
        uid,
        points,
        displayName,
        photoURL: null,
        updatedAt: now,
      });
      counts.allTimeEntries += 1;
    }
    if (weekly > 0) {
      writer.set(db.doc(`leaderboards/${week}/entries/${uid}`), {
        uid,
        points: weekly,
        displayName,
        photoURL: null,
        updatedAt: now,
      });
      counts.weekEntries += 1;
    }
  }
  await writer.close();
  return counts;
}
