// What a refund takes back (issue 15, item 7). A full refund of a course purchase ends the access it
// granted and takes back everything that access earned: the points of the course (each ledger entry
// gets a compensating negative entry with its own deterministic id), the course's share of the
// learner's stats, the badges those stats no longer support, and the certificate with its signed
// credential (revoked in the status list). Pure rules here; functions/src/billing/refund-rewards.ts
// applies them.
import { type BadgeId, type BadgeInputs, badgeProgress, pointEventId } from './gamification';
import type { PointReason } from './models';

/** Ledger reasons a course purchase can earn (the review needs an enrolment too). */
export const COURSE_REWARD_REASONS: readonly PointReason[] = [
  'lecture_completed',
  'course_completed',
  'quiz_mastered',
  'review_written',
];

/** Badges that rest on course stats; a refund takes them back when the stats no longer support them. */
export const COURSE_BADGES: readonly BadgeId[] = ['first-course', 'bookworm', 'quiz-master'];

/** Why a refund revoked a certificate (on the certificate and the verify page). */
export const REFUND_REVOCATION_REASON = 'The course purchase was refunded.';

/** The actor recorded for revocations a refund made (no person did it). */
export const REFUND_ACTOR = 'system:refund';

/** Whether a ledger entry's refPath is this course or something inside it. */
export function isCourseRefPath(refPath: unknown, courseId: string): boolean {
  if (typeof refPath !== 'string' || !courseId) return false;
  return refPath === `courses/${courseId}` || refPath.startsWith(`courses/${courseId}/`);
}

export interface LedgerEntry {
  id: string;
  reason: string;
  points: number;
  refPath: unknown;
}

export interface Reversal {
  /** Id of the compensating entry (`reversal_<original id>`). */
  eventId: string;
  /** The negative of the original entry. */
  points: number;
  reverses: string;
}

/**
 * The compensating entries a refund of `courseId` writes: one per positive entry the course earned
 * (lectures, completion, quizzes, the review). Streak bonuses are not reversed: they reward days of
 * activity, not the course. Deterministic ids, so a repeated reversal finds them and adds nothing.
 */
export function courseReversals(entries: readonly LedgerEntry[], courseId: string): Reversal[] {
  return entries
    .filter(
      (e) =>
        COURSE_REWARD_REASONS.includes(e.reason as PointReason) &&
        Number.isSafeInteger(e.points) &&
        e.points > 0 &&
        isCourseRefPath(e.refPath, courseId),
    )
    .map((e) => ({ eventId: pointEventId.reversal(e.id), points: -e.points, reverses: e.id }));
}

export interface RefundedEnrollment {
  completedLectureIds?: unknown;
  perfectQuizIds?: unknown;
  completedAt?: unknown;
}

const count = (value: unknown) => (Array.isArray(value) ? new Set(value).size : 0);

/**
 * The stats increments (all ≤ 0) that take back what this enrolment added: one lecture per
 * completed lecture, the completed course, each first perfect quiz. `current` clamps them so no
 * stat goes below zero.
 */
export function refundStatsDelta(
  enrollment: RefundedEnrollment,
  current: Partial<Record<string, unknown>> = {},
): Record<string, number> {
  const wanted: Record<string, number> = {
    lecturesCompleted: count(enrollment.completedLectureIds),
    coursesCompleted: enrollment.completedAt != null ? 1 : 0,
    perfectQuizzes: count(enrollment.perfectQuizIds),
  };
  const delta: Record<string, number> = {};
  for (const [field, by] of Object.entries(wanted)) {
    const have = typeof current[field] === 'number' ? (current[field] as number) : 0;
    const take = Math.min(by, Math.max(0, have));
    if (take > 0) delta[field] = -take;
  }
  return delta;
}

/** Course badges held that the inputs (stats after the refund) no longer support. */
export function badgesToRevoke(held: readonly string[], inputs: BadgeInputs): BadgeId[] {
  return COURSE_BADGES.filter((id) => held.includes(id) && !badgeProgress(id, inputs).earned);
}
