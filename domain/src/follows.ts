// Following educators (issue 16 §3, SPEC §5.7): who may follow whom, and how an educator's news
// (a course published, a live session scheduled) reaches every follower once. Pure: the functions
// apply it (functions/src/follows), the web shows it.
import { formatCount } from './number-format';
import { quoteName, trimUserText, USER_NAME_MAX } from './notifications';

/** Followers a fan-out job notifies per batch (one trigger run); the job's cursor moves after each. */
export const FANOUT_BATCH_SIZE = 400;

/**
 * A running fan-out job is leased to whoever moved it last: every cursor move renews `updatedAt`.
 * A job untouched this long (its trigger's batch runs in at most 300 s, so a live one moves well
 * within it) was cut off for good, and the sweeper (sweepStalledFanouts, every 5 minutes) resumes it.
 */
export const FANOUT_LEASE_MS = 15 * 60_000;

/** True when a running job last moved at `updatedAtMs` has lost its lease at `nowMs`. */
export function fanoutLeaseExpired(updatedAtMs: number, nowMs: number): boolean {
  return nowMs - updatedAtMs >= FANOUT_LEASE_MS;
}

/** What a fan-out announces. */
export const FANOUT_KINDS = ['course_published', 'session_scheduled'] as const;
export type FanoutKind = (typeof FANOUT_KINDS)[number];

/** fanouts/{id}: one job per announced thing, so publishing or scheduling twice announces once. */
export function fanoutId(kind: FanoutKind, refId: string): string {
  return `${kind === 'course_published' ? 'course' : 'session'}_${refId}`;
}

/**
 * The follower's notification id for an announcement: deterministic, so a batch run again after a
 * cut-off creates no second item and sends no second email (notify keys its mail log by it). A
 * session uses the id the course-learner notice uses (`scheduled_<id>`), so someone who both follows
 * the host and is enrolled in the course hears about the session once.
 */
export function fanoutNotificationId(kind: FanoutKind, refId: string): string {
  return kind === 'course_published' ? `published_${refId}` : `scheduled_${refId}`;
}

export type FollowRefusal = 'self' | 'no-profile' | 'not-educator' | null;

/**
 * Why `followerId` may not start following `educatorId`, or null when they may. Only educators are
 * followed (a learner's profile has no news to follow), and nobody follows themselves (which would
 * inflate their own public count). Unfollowing is always allowed.
 */
export function followRefusal(
  followerId: string,
  educatorId: string,
  educator: { exists: boolean; roles: readonly string[] },
): FollowRefusal {
  if (followerId === educatorId) return 'self';
  if (!educator.exists) return 'no-profile';
  if (!educator.roles.includes('educator')) return 'not-educator';
  return null;
}

/** A public follower count: "1 follower", "1,204 followers". */
export function followerCountLabel(count: number): string {
  const n = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  return `${formatCount(n)} ${n === 1 ? 'follower' : 'followers'}`;
}

export interface FanoutMessage {
  title: string;
  body: string;
  link: string;
}

/** The in-app text of an announcement (the email uses the same words and the link). */
export function fanoutMessage(
  kind: FanoutKind,
  input: { refId: string; title: string; educatorName: string; when?: string },
): FanoutMessage {
  // Names and titles are members' text: trimmed, and the name quoted (issue 15 §11).
  const who = quoteName(input.educatorName, USER_NAME_MAX);
  const what = trimUserText(input.title, 120) || 'Untitled';
  if (kind === 'course_published') {
    return {
      title: `New course from an educator you follow: ${what}`,
      body: `${who}, whom you follow, published a new course: ${what}.`,
      link: `/courses/${input.refId}`,
    };
  }
  return {
    title: `New live session from an educator you follow: ${what}`,
    body: `${who}, whom you follow, scheduled a live session${input.when ? ` for ${input.when}` : ''}: ${what}.`,
    link: `/live-sessions/${input.refId}`,
  };
}
