// The one way to award points: create a ledger entry with a deterministic id. The
// onPointEventCreated trigger applies it to the totals exactly once.
import { POINT_EVENT_ID_RE, POINTS } from '@skillverse/domain/gamification';
import { POINT_REASONS, type PointReason } from '@skillverse/domain/models';
import type { Firestore } from 'firebase-admin/firestore';
import { createIfAbsent } from '../lib/firestore';
import { pointEventRef } from '../lib/data/users';

export interface AwardPointsInput {
  /** Deterministic id from `pointEventId` in @skillverse/domain/gamification. */
  eventId: string;
  reason: PointReason;
  /** Defaults to POINTS[reason]. */
  points?: number;
  /** The document the award is for, e.g. `courses/abc/lectures/l1`. */
  refPath: string | null;
}

/** The ledger document for an award; for features that create it inside their own transaction. */
export function newPointEvent(input: AwardPointsInput, now: Date) {
  if (!POINT_EVENT_ID_RE.test(input.eventId) || input.eventId.startsWith('__')) {
    throw new Error(`awardPoints: invalid eventId "${input.eventId}"`);
  }
  if (!POINT_REASONS.includes(input.reason)) throw new Error(`awardPoints: unknown reason "${input.reason}"`);
  const points = input.points ?? POINTS[input.reason];
  if (!Number.isSafeInteger(points))
    throw new Error(`awardPoints: points must be an integer (got ${points})`);
  return { points, reason: input.reason, refPath: input.refPath, createdAt: now };
}

/**
 * Creates `users/{uid}/pointEvents/{eventId}` unless it exists. Returns true when this call
 * created it, false when the award had already been made (a repeat is a no-op).
 */
export async function awardPoints(
  db: Firestore,
  uid: string,
  input: AwardPointsInput,
  now: Date = new Date(),
): Promise<boolean> {
  const data = newPointEvent(input, now);
  return createIfAbsent(() => pointEventRef(db, uid, input.eventId).create(data));
}
