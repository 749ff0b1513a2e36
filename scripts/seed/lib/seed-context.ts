// What every area of the seed builder shares while one plan is built: the clock, the document
// list (in write order), the users by id, each user's activity counters and first-badge moments,
// and the demo learner's points ledger. Pure, like the builder.
import { type BadgeId, emptyStats, POINTS } from '@skillverse/domain/gamification';
import type { PointReason, UserStats } from '@skillverse/domain/models';
import { type SeedUser, USERS } from '../data/users';
import { DEMO_LEARNER } from '../demo-accounts';
import { type Clock, clock, stableId } from './util';

/** One document to write: its path and its data (Dates become Firestore Timestamps). */
export interface SeedDoc {
  path: string;
  data: object;
}

/** The one user whose points come from a full, replayable ledger (the others carry totals). */
export const LEDGER_UID = DEMO_LEARNER.uid;

export const QUIZ_ID = 'final';
export const CURRENCY = 'USD';

/** Learning activity is stamped this long before the time of day of "now". */
export const ACTIVITY_OFFSET_HOURS = 1 / 3;

export type Data<T> = Omit<T, 'id'>;
/**
 * Documents keyed by a user id that clients write themselves: stored exactly as a client would
 * (the rules allow no extra keys there), the uid comes from the path.
 */
export type KeyedByUid<T> = Omit<T, 'uid'>;

export interface LedgerEntry {
  id: string;
  points: number;
  reason: PointReason;
  refPath: string | null;
  createdAt: Date;
}

export interface SeedContext {
  now: Date;
  c: Clock;
  /** Every document so far, in the order the builder added them. */
  docs: SeedDoc[];
  put<T extends object>(path: string, data: T): void;
  /** The seeded user, or an error naming where an unknown id was used. */
  user(uid: string, where: string): SeedUser;
  statsOf(uid: string): UserStats;
  /** First time each user qualified for a badge, where the seed knows it. */
  firstsOf(uid: string): Partial<Record<BadgeId, Date>>;
  noteFirst(uid: string, badge: BadgeId, at: Date): void;
  /** A point award, kept only for the ledger user (LEDGER_UID). */
  award(uid: string, id: string, reason: PointReason, refPath: string | null, at: Date): void;
  ledger: LedgerEntry[];
}

export function createSeedContext(now: Date): SeedContext {
  const c = clock(now);
  const docs: SeedDoc[] = [];
  const put = <T extends object>(path: string, data: T) => {
    docs.push({ path, data });
  };

  const userById = new Map<string, SeedUser>(USERS.map((u) => [u.uid, u]));
  if (userById.size !== USERS.length) throw new Error('seed: duplicate user ids');
  const user = (uid: string, where: string): SeedUser => {
    const u = userById.get(uid);
    if (!u) throw new Error(`seed: unknown user "${uid}" in ${where}`);
    return u;
  };
  const stats = new Map<string, UserStats>(USERS.map((u) => [u.uid, emptyStats()]));
  const statsOf = (uid: string) => stats.get(uid)!;
  /** First time each user qualified for a badge, where the seed knows it. */
  const firsts = new Map<string, Partial<Record<BadgeId, Date>>>(USERS.map((u) => [u.uid, {}]));
  const noteFirst = (uid: string, badge: BadgeId, at: Date) => {
    const f = firsts.get(uid)!;
    const prev = f[badge];
    if (!prev || at < prev) f[badge] = at;
  };
  const ledger: LedgerEntry[] = [];
  const award = (uid: string, id: string, reason: PointReason, refPath: string | null, at: Date) => {
    if (uid !== LEDGER_UID) return;
    if (ledger.some((e) => e.id === id)) throw new Error(`seed: duplicate ledger id ${id}`);
    ledger.push({ id, points: POINTS[reason], reason, refPath, createdAt: at });
  };

  return {
    now,
    c,
    docs,
    put,
    user,
    statsOf,
    firstsOf: (uid) => firsts.get(uid)!,
    noteFirst,
    award,
    ledger,
  };
}

export function certificateIdFor(courseId: string, uid: string): string {
  return stableId(`certificate/${courseId}/${uid}`, 24);
}

export function requireNumber(value: number | undefined, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`seed: ${what} is required`);
  return value;
}
