// A refund takes back what the purchase earned (issue 15, item 7). The webhook's refund transaction
// (webhook/refund.ts) ends the access the payment granted and marks the payment
// `rewardsReversal: 'pending'`; this follow-up, keyed by the payment (onPaymentRefunded), then:
//   1. revokes every certificate of that learner for that course: its credential's bit in the
//      signed status list is set (an unsigned certificate is signed first, so the list can say so),
//      the certificate records the revocation (verify page, certificatePdf), the learner is told;
//   2. in ONE transaction guarded by the payment's marker: writes a compensating ledger entry
//      (`reversal_<id>`, negative points, reason refund_reversal) for each positive entry the course
//      earned, takes the course's share out of the learner's stats, takes back the course badges
//      those stats no longer support, resets the enrolment's completion, lowers the course's
//      completion count, and sets the marker to 'done'. The ledger trigger then applies the
//      entries to points, level and leaderboards, as for any award.
// Exactly once under repeated or concurrent runs: revocation is idempotent per certificate, the
// reversal ids are deterministic (created only if absent) and the stats change only in the
// transaction that flips the marker.
import {
  badgesToRevoke,
  courseReversals,
  REFUND_ACTOR,
  REFUND_REVOCATION_REASON,
  refundStatsDelta,
} from '@skillverse/domain/refunds';
import { num, str, strList } from '@skillverse/domain/fields';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { revokeCertificate } from '../credentials/revoke-credential';
import { type SignDeps, signCertificate } from '../credentials/sign-certificate';
import { newPointEvent } from '../gamification/award-points';
import { certificateRef, certificatesCol } from '../lib/data/certificates';
import { courseRef } from '../lib/data/courses';
import { enrollmentRef } from '../lib/data/enrollments';
import { paymentRef } from '../lib/data/payments';
import { pointEventRef, pointEventsCol, userRef } from '../lib/data/users';
import { isRecord, toDate } from '../lib/firestore';
import { incrementSharded } from '../lib/sharded-counter';
import type { NotifyDeps } from '../notifications/notify';

export interface RefundRewardsDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
  /** The signing deps; null when no key can be had (a deployment without the secret). */
  sign: SignDeps | null;
}

export type RefundRewardsResult =
  | { outcome: 'nothing-pending' }
  | { outcome: 'reversed'; pointsTakenBack: number; entries: number; revokedCertificates: string[] };

const REFUND_NOTICE =
  'This course purchase was refunded, so its certificate and credential were revoked and the points it earned were taken back.';

/** Certificates of this learner for this course (by the enrolment's pointer and by query). */
async function courseCertificates(db: Firestore, uid: string, courseId: string, pointer: string) {
  const found = await certificatesCol(db).where('uid', '==', uid).where('courseId', '==', courseId).get();
  const ids = new Set(found.docs.filter((d) => d.get('kind') !== 'exchange').map((d) => d.id));
  if (pointer) ids.add(pointer);
  return [...ids];
}

async function revokeForRefund(deps: RefundRewardsDeps, certificateId: string): Promise<void> {
  const ref = certificateRef(deps.db, certificateId);
  const snap = await ref.get();
  if (!snap.exists) return;
  if (isRecord(snap.get('revocation')) && snap.get('revocation').revokedAt) return;
  if (!deps.sign) {
    // No key: the status list cannot be re-signed. The certificate still says revoked (verify page,
    // PDF); a credential signed earlier keeps a clear bit until an admin revokes it with the key.
    logger.error('refund: certificate revoked without its status-list bit (no signing key)', {
      certificateId,
    });
    await ref.update({
      revocation: { revokedAt: deps.now, reason: REFUND_REVOCATION_REASON, revokedBy: REFUND_ACTOR },
    });
    return;
  }
  // The list can only say "revoked" for a credential that has its index: sign it first (a no-op
  // when the signing trigger got there already).
  if (typeof snap.get('credentialJwt') !== 'string') await signCertificate(deps.sign, certificateId);
  await revokeCertificate(
    { ...deps.sign, mailer: deps.mailer, appUrl: deps.appUrl },
    REFUND_ACTOR,
    { certificateId, reason: REFUND_REVOCATION_REASON },
    REFUND_NOTICE,
  );
}

export async function takeBackRefundedRewards(
  deps: RefundRewardsDeps,
  paymentId: string,
): Promise<RefundRewardsResult> {
  const { db, now } = deps;
  const pRef = paymentRef(db, paymentId);
  const payment = await pRef.get();
  if (payment.get('rewardsReversal') !== 'pending') return { outcome: 'nothing-pending' };
  const uid = str(payment.get('uid'));
  const courseId = str(payment.get('courseId'));
  if (!uid || !courseId || uid.includes('/') || courseId.includes('/')) {
    await pRef.update({
      rewardsReversal: 'done',
      rewardsReversedAt: now,
      rewardsReversalNote: 'no learner or course',
    });
    return { outcome: 'nothing-pending' };
  }
  const eRef = enrollmentRef(db, courseId, uid);
  const pointer = str((await eRef.get()).get('certificateId'));

  // 1. Certificates (idempotent per certificate; a retry finds them by query).
  const certificateIds = await courseCertificates(db, uid, courseId, pointer);
  for (const id of certificateIds) await revokeForRefund(deps, id);

  // 2. Ledger, stats, badges, enrolment: once, in the transaction that flips the marker.
  const ledgerQuery = pointEventsCol(db, uid)
    .where('refPath', '>=', `courses/${courseId}`)
    .where('refPath', '<=', `courses/${courseId}/\uf8ff`);
  const cRef = courseRef(db, courseId);
  const uRef = userRef(db, uid);
  const result = await db.runTransaction(async (tx) => {
    const [pSnap, eSnap, uSnap, cSnap] = await tx.getAll(pRef, eRef, uRef, cRef);
    if (pSnap?.get('rewardsReversal') !== 'pending') return null;
    const ledger = await tx.get(ledgerQuery);
    const reversals = courseReversals(
      ledger.docs.map((d) => ({
        id: d.id,
        reason: str(d.get('reason')),
        points: num(d.get('points')),
        refPath: d.get('refPath'),
      })),
      courseId,
    );
    const reversalRefs = reversals.map((r) => pointEventRef(db, uid, r.eventId));
    const existing = reversalRefs.length > 0 ? await tx.getAll(...reversalRefs) : [];

    let taken = 0;
    let created = 0;
    reversals.forEach((r, i) => {
      if (existing[i]?.exists) return;
      const original = ledger.docs.find((d) => d.id === r.reverses);
      // Dated like the entry it reverses, so the leaderboard periods that counted it are the ones
      // it comes off.
      const createdAt = toDate(original?.get('createdAt')) ?? now;
      tx.create(reversalRefs[i]!, {
        ...newPointEvent(
          {
            eventId: r.eventId,
            reason: 'refund_reversal',
            points: r.points,
            refPath: `payments/${paymentId}`,
          },
          createdAt,
        ),
        reverses: r.reverses,
        reversedAt: now,
      });
      taken -= r.points;
      created += 1;
    });

    const enrollment = eSnap?.exists ? (eSnap.data() ?? {}) : {};
    const profile = uSnap?.exists ? (uSnap.data() ?? {}) : null;
    if (profile) {
      const stats = isRecord(profile.stats) ? profile.stats : {};
      const delta = refundStatsDelta(enrollment, stats);
      const after = { ...stats };
      for (const [field, by] of Object.entries(delta)) after[field] = num(stats[field]) + by;
      const g = isRecord(profile.gamification) ? profile.gamification : {};
      const held = strList(g.badges);
      const revoke = badgesToRevoke(held, { stats: after });
      const update: Record<string, unknown> = {};
      for (const [field, by] of Object.entries(delta)) update[`stats.${field}`] = FieldValue.increment(by);
      if (revoke.length > 0) {
        update['gamification.badges'] = held.filter((b) => !revoke.includes(b as never));
        for (const id of revoke) update[`gamification.badgeEarnedAt.${id}`] = FieldValue.delete();
      }
      if (Object.keys(update).length > 0) tx.update(uRef, update);
    }
    if (eSnap?.exists) {
      // The refunded enrolment starts over if the course is bought again: a new completion
      // earns a new certificate and the stats again (not the points: their ledger ids are used).
      tx.update(eRef, {
        completedLectureIds: [],
        passedQuizIds: [],
        perfectQuizIds: [],
        progress: 0,
        completedAt: null,
        certificateId: null,
        ...(pointer ? { revokedCertificateId: pointer } : {}),
        updatedAt: now,
      });
      // The completion was counted (on a shard) when it was recorded: uncount it the same way.
      if (enrollment.completedAt != null && cSnap?.exists) {
        incrementSharded(tx, cRef, uid, { completionCount: -1 }, now);
      }
    }
    tx.update(pRef, {
      rewardsReversal: 'done',
      rewardsReversedAt: now,
      pointsTakenBack: taken,
      revokedCertificateIds: certificateIds,
    });
    return { taken, created };
  });
  if (!result) return { outcome: 'nothing-pending' };
  logger.info('refund: rewards taken back', { paymentId, uid, courseId, ...result, certificateIds });
  return {
    outcome: 'reversed',
    pointsTakenBack: result.taken,
    entries: result.created,
    revokedCertificates: certificateIds,
  };
}
