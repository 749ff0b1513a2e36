// People: profiles (with gamification totals, badges and the search keys triggers keep), private
// accounts, activity heat-maps, leaderboard entries, and the Auth users to create.
import { FOLLOWS } from '../data/follows';
import { nameSearchKey } from '@skillverse/domain/accounts-api';
import { type ActivityDays, addActivity, countsTowardActivity } from '@skillverse/domain/activity';
import {
  ALL_TIME_PERIOD,
  addDays,
  earnedBadges,
  isoWeekId,
  levelForPoints,
  localDay,
  POINTS,
  type StreakState,
} from '@skillverse/domain/gamification';
import type {
  Gamification,
  LeaderboardEntry,
  PrivateAccount,
  UserActivity,
  UserProfile,
  UserStats,
} from '@skillverse/domain/models';
import type { StoredNotificationPreferences } from '@skillverse/domain/notifications';
import { normalisedSkillKeys } from '@skillverse/domain/skills';
import {
  countedEndorsements,
  type Endorser,
  taughtSkillKey,
  withRecentEndorser,
} from '@skillverse/domain/endorsements';
import { EXCHANGES } from '../data/exchanges';
import { USERS } from '../data/users';
import { DEMO_ACCOUNTS, DEMO_LEARNER, SEED_USER_PASSWORD } from '../demo-accounts';
import type { LedgerSummary } from './gamification-docs';
import {
  ACTIVITY_OFFSET_HOURS,
  LEDGER_UID,
  type LedgerEntry,
  requireNumber,
  type SeedContext,
} from './seed-context';
import { between } from './util';

export interface SeedAuthUser {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  claims: Record<string, true>;
}

export interface UserDocsResult {
  allTimeEntries: number;
  weekEntries: number;
}

/**
 * The endorsements the feedback trigger would have kept from the seeded exchanges' feedback (the
 * trigger is paused while seeding): only the skill taught in each exchange, once per endorser,
 * the last three endorsers newest first.
 */
function seedEndorsements(
  uid: string,
  at: (hours: number) => Date,
): Pick<UserProfile, 'endorsements' | 'endorsers'> {
  const endorsements: Record<string, number> = {};
  const endorsers: Record<string, Endorser[]> = {};
  const given = EXCHANGES.filter((x) => x.status === 'completed')
    .flatMap((x) => (x.feedback ?? []).map((f) => ({ x, f })))
    .filter(({ x, f }) => f.uid !== uid && [x.requesterId, x.providerId].includes(uid))
    .sort((a, b) => a.f.at - b.f.at);
  const already: Record<string, string[]> = {};
  for (const { x, f } of given) {
    for (const key of countedEndorsements(f.endorsedSkills, taughtSkillKey(x, uid), already[f.uid])) {
      already[f.uid] = [...(already[f.uid] ?? []), key];
      endorsements[key] = (endorsements[key] ?? 0) + 1;
      const name = USERS.find((p) => p.uid === f.uid)?.displayName ?? 'A SkillVerse member';
      endorsers[key] = withRecentEndorser(endorsers[key] ?? [], { uid: f.uid, name, at: at(f.at) });
    }
  }
  return { endorsements, endorsers };
}

export function addUserDocs(ctx: SeedContext, ledger: LedgerSummary): UserDocsResult {
  const { now, c, put, statsOf, firstsOf } = ctx;
  const { fullLedger, streak, weekId, ledgerPoints, ledgerWeekPoints } = ledger;
  let allTimeEntries = 0;
  let weekEntries = 0;
  for (const u of USERS) {
    const st = statsOf(u.uid);
    const joinedAt = c.daysAgo(u.joinedDaysAgo);
    const isLedger = u.uid === LEDGER_UID;
    const points = isLedger ? ledgerPoints : requireNumber(u.points, `${u.uid}.points`);
    // Weekly points only for people whose last activity falls in the current ISO week.
    const activeThisWeek =
      typeof u.lastActiveDaysAgo === 'number' &&
      isoWeekId(c.daysAgo(u.lastActiveDaysAgo, ACTIVITY_OFFSET_HOURS)) === weekId;
    const weekly = isLedger ? ledgerWeekPoints : activeThisWeek ? (u.weeklyPoints ?? 0) : 0;
    if (weekly > points) throw new Error(`seed: ${u.uid}: more weekly than all-time points`);
    if (!isLedger && points < pointsImpliedBy(st)) {
      throw new Error(
        `seed: ${u.uid}: ${points} points is less than their seeded activity earns (${pointsImpliedBy(st)})`,
      );
    }
    const streakState: StreakState = isLedger
      ? streak
      : {
          currentStreak: requireNumber(u.currentStreak, `${u.uid}.currentStreak`),
          longestStreak: requireNumber(u.longestStreak, `${u.uid}.longestStreak`),
          lastActiveDay:
            u.lastActiveDaysAgo === null || u.lastActiveDaysAgo === undefined
              ? null
              : localDay(c.daysAgo(u.lastActiveDaysAgo), u.timezone),
        };
    if (streakState.currentStreak > streakState.longestStreak)
      throw new Error(`seed: ${u.uid}: streak > longest`);
    const badges = earnedBadges(st, streakState, u.rating);
    const known = firstsOf(u.uid);
    const badgeEarnedAt: Record<string, Date> = {};
    badges.forEach((b, i) => {
      // Where the seed does not know the moment (e.g. a streak long ago), spread the badges
      // over the membership so the timeline reads plausibly.
      badgeEarnedAt[b] = known[b] ?? between(joinedAt, c.daysAgo(1), (i + 1) / (badges.length + 1));
    });
    const gamification: Gamification = {
      points,
      level: levelForPoints(points).level,
      badges,
      currentStreak: streakState.currentStreak,
      longestStreak: streakState.longestStreak,
      lastActiveDay: streakState.lastActiveDay,
      badgeEarnedAt,
      // UTC instant of the latest learning activity (the admin console counts active learners by it).
      lastActiveAt: isLedger
        ? (fullLedger.reduce<Date | null>((a, e) => (!a || e.createdAt > a ? e.createdAt : a), null) ?? null)
        : typeof u.lastActiveDaysAgo === 'number'
          ? c.daysAgo(u.lastActiveDaysAgo, ACTIVITY_OFFSET_HOURS)
          : null,
      // Weekly leagues: the demo learner holds one streak freeze earned by teaching.
      ...(u.uid === DEMO_LEARNER.uid ? { streakFreezes: 1 } : {}),
    };
    const profile: UserProfile = {
      uid: u.uid,
      displayName: u.displayName,
      photoURL: null,
      bio: u.bio,
      headline: u.headline,
      interests: u.interests,
      skills: u.skills,
      offeredSkills: u.offeredSkills,
      desiredSkills: u.desiredSkills,
      availability: u.availability,
      timezone: u.timezone,
      onboarded: true,
      firstGoal: u.firstGoal,
      roles: u.roles,
      status: u.status,
      gamification,
      rating: u.rating,
      ...seedEndorsements(u.uid, (h) => c.hoursFromNow(h)),
      ...(u.roles.includes('educator')
        ? { followerCount: FOLLOWS.filter(([, educatorId]) => educatorId === u.uid).length }
        : {}),
      stats: st,
      createdAt: joinedAt,
      updatedAt: c.daysAgo(Math.min(u.joinedDaysAgo, 2)),
    };
    // nameLower: the admin search key, normally kept by onProfileWrittenIndexName.
    // offeredSkillKeys / desiredSkillKeys: the normalised keys onProfileWrittenMatchSkills keeps, so
    // people-by-skill queries (search, "Ask someone who teaches …") work with triggers paused too.
    const skillKeys = normalisedSkillKeys(profile);
    put(`users/${u.uid}`, {
      ...profile,
      nameLower: nameSearchKey(u.displayName),
      offeredSkillKeys: skillKeys.offered,
      desiredSkillKeys: skillKeys.desired,
    });
    put<
      Omit<PrivateAccount, 'notificationPreferences'> & {
        notificationPreferences: StoredNotificationPreferences;
      }
    >(`users/${u.uid}/private/account`, {
      email: u.email,
      stripeCustomerId: null,
      notificationPreferences: {},
      referredBy: null,
      createdAt: joinedAt,
    });
    // users/{uid}/private/activity: the streak heat-map. The ledger user's comes from her ledger,
    // exactly as the ledger trigger would build it; everyone else's follows their streak.
    const activityDays = isLedger
      ? ledgerActivity(fullLedger, u.timezone, now)
      : seededActivity(u.uid, u.joinedDaysAgo, streakState, localDay(now, u.timezone));
    if (Object.keys(activityDays).length > 0) {
      put<UserActivity>(`users/${u.uid}/private/activity`, {
        days: activityDays,
        timezone: u.timezone,
        updatedAt: now,
      });
    }
    if (u.status === 'active' && points > 0) {
      put<LeaderboardEntry>(`leaderboards/${ALL_TIME_PERIOD}/entries/${u.uid}`, {
        uid: u.uid,
        points,
        displayName: u.displayName,
        photoURL: null,
        updatedAt: now,
      });
      allTimeEntries += 1;
    }
    if (u.status === 'active' && weekly > 0) {
      put<LeaderboardEntry>(`leaderboards/${weekId}/entries/${u.uid}`, {
        uid: u.uid,
        points: weekly,
        displayName: u.displayName,
        photoURL: null,
        updatedAt: now,
      });
      weekEntries += 1;
    }
  }
  // users/{educatorId}/followers/{followerId}, as followEducator writes them (issue 16 §3).
  for (const [followerId, educatorId, daysAgo] of FOLLOWS) {
    const educator = USERS.find((u) => u.uid === educatorId);
    if (!educator?.roles.includes('educator') || followerId === educatorId) {
      throw new Error(`seed: ${followerId} cannot follow ${educatorId}`);
    }
    put(`users/${educatorId}/followers/${followerId}`, {
      uid: followerId,
      educatorId,
      createdAt: c.daysAgo(daysAgo),
    });
  }
  return { allTimeEntries, weekEntries };
}

export function seedAuthUsers(): SeedAuthUser[] {
  return USERS.map((u) => {
    const demo = DEMO_ACCOUNTS.find((a) => a.uid === u.uid);
    const claims: Record<string, true> = {};
    if (u.roles.includes('educator')) claims.educator = true;
    if (u.roles.includes('admin')) claims.admin = true;
    return {
      uid: u.uid,
      email: u.email,
      password: demo?.password ?? SEED_USER_PASSWORD,
      displayName: u.displayName,
      claims,
    };
  });
}

/** The least a user's seeded activity is worth under the points table (for sanity checks). */
function pointsImpliedBy(st: UserStats): number {
  return (
    st.lecturesCompleted * POINTS.lecture_completed +
    st.coursesCompleted * POINTS.course_completed +
    st.reviewsWritten * POINTS.review_written +
    st.exchangesCompleted * POINTS.exchange_completed +
    st.sessionsAttended * POINTS.session_attended +
    st.sessionsHosted * POINTS.session_hosted
  );
}

// ------------------------------------------------------------------------------ activity heat-map

/** The ledger user's activity map: her learning ledger summed per local day. */
function ledgerActivity(ledger: readonly LedgerEntry[], timezone: string, now: Date): ActivityDays {
  const today = localDay(now, timezone);
  let days: ActivityDays = {};
  for (const e of ledger) {
    if (countsTowardActivity(e.reason))
      days = addActivity(days, localDay(e.createdAt, timezone), e.points, today);
  }
  return days;
}

/** A small, stable hash of a string (FNV-1a), for repeatable "random" seed activity. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A plausible year of activity for a seeded person: the current streak as a run of days ending
 * on their last active day, and scattered single days before it (never two in a row, so no run
 * outgrows the seeded streaks), only since they joined.
 */
function seededActivity(
  uid: string,
  joinedDaysAgo: number,
  streak: StreakState,
  today: string,
): ActivityDays {
  const last = streak.lastActiveDay;
  if (!last) return {};
  let days: ActivityDays = {};
  const points = (day: string) => 10 * (1 + (hash(`${uid}:${day}:points`) % 6));
  const run = Math.max(1, streak.currentStreak);
  for (let i = 0; i < run; i++) {
    const day = addDays(last, -i);
    days = addActivity(days, day, points(day) + (i < run - 1 ? POINTS.daily_streak : 0), today);
  }
  const oldest = Math.min(joinedDaysAgo, 364);
  let previousChosen = false;
  // Start two days before the run, so the day just before it stays empty.
  for (let back = run + 1; back <= oldest; back++) {
    const day = addDays(last, -back);
    const chosen: boolean = !previousChosen && hash(`${uid}:${day}`) % 3 === 0;
    if (chosen) days = addActivity(days, day, points(day), today);
    previousChosen = chosen;
  }
  return days;
}
