// Referrals (SPEC §5.5, issue 15 §9): an invited person earns their referrer 25 points once, when
// the platform has seen them become real: onboarding complete, email verified (Auth says so) and a
// first real activity (a server-written ledger entry for an observed lecture, live attendance or
// completed exchange), with the referrer under 10 awards in any 7 days. Any of those can come
// last, so the check runs on profile writes, on the invitee's activity ledger entries and when
// ensureProfile sees a verified token. The award is the ledger entry `referral_{inviteeUid}` on the
// referrer (created in a transaction with the referrer's `stats.referrals` bump, so both happen
// exactly once however often a trigger runs), then a notification with a deterministic id — the
// referrer hears about the invitee only when the reward is granted.
import { trimmedStr } from '@skillverse/domain/fields';
import { pointEventId } from '@skillverse/domain/gamification';
import {
  isReferralActivity,
  type ReferralDecision,
  type ReferralEvidenceDecision,
  referralAward,
  referralEvidenceAllows,
  referralFieldsChanged,
  REFERRAL_ACTIVITY_REASONS,
} from '@skillverse/domain/referrals';
import { adminAuth } from '../lib/admin';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { type NotifyDeps, notify } from '../notifications/notify';
import { newPointEvent } from './award-points';
import { accountRef, pointEventRef, pointEventsCol, userRef } from '../lib/data/users';
import { runTransactionRetrying, toDate } from '../lib/firestore';
import { quoteName } from '@skillverse/domain/notifications';

export type ReferralResult =
  | { action: 'awarded'; referrerUid: string }
  | { action: 'already-awarded'; referrerUid: string }
  | { action: 'unknown-referrer'; referrerUid: string }
  | {
      action: 'not-yet';
      referrerUid: string;
      reason: Extract<ReferralEvidenceDecision, { award: false }>['reason'];
    }
  | { action: 'skipped'; reason: Extract<ReferralDecision, { award: false }>['reason'] | 'unchanged' };

export interface ReferralDeps extends NotifyDeps {
  /** Whether the invitee's email is verified; defaults to the Auth service's user record. */
  emailVerified?: (uid: string) => Promise<boolean>;
}

async function authEmailVerified(uid: string): Promise<boolean> {
  try {
    return (await adminAuth().getUser(uid)).emailVerified === true;
  } catch {
    return false; // no Auth user (e.g. a seeded profile): not verified
  }
}

export const referralNotificationId = (inviteeUid: string) => `referral_${inviteeUid}`;

/** Awards `referrerUid` for inviting `inviteeUid`, once, when the evidence is there. */
export async function awardReferral(
  db: Firestore,
  inviteeUid: string,
  referrerUid: string,
  deps: ReferralDeps = {},
): Promise<ReferralResult> {
  const now = deps.now ?? new Date();
  const emailVerified = await (deps.emailVerified ?? authEmailVerified)(inviteeUid);
  const activityQuery = pointEventsCol(db, inviteeUid)
    .where('reason', 'in', [...REFERRAL_ACTIVITY_REASONS])
    .limit(1);
  const referrerAwardsQuery = pointEventsCol(db, referrerUid).where('reason', '==', 'referral');
  const referrerRef = userRef(db, referrerUid);
  const inviteeRef = userRef(db, inviteeUid);
  const eventId = pointEventId.referral(inviteeUid);
  const eventRef = pointEventRef(db, referrerUid, eventId);
  const inviteeAccountRef = accountRef(db, inviteeUid);

  const outcome = await runTransactionRetrying(db, async (tx) => {
    const [referrer, event, invitee, inviteeAccount] = await tx.getAll(
      referrerRef,
      eventRef,
      inviteeRef,
      inviteeAccountRef,
    );
    if (event?.exists) return { action: 'already-awarded' as const, inviteeName: '' };
    if (!referrer?.exists) return { action: 'unknown-referrer' as const, inviteeName: '' };
    const [activity, awards] = await Promise.all([tx.get(activityQuery), tx.get(referrerAwardsQuery)]);
    const evidence = referralEvidenceAllows(
      {
        emailVerified,
        hasActivity: !activity.empty,
        recentAwards: awards.docs.map((d) => toDate(d.get('createdAt')) ?? new Date(0)),
      },
      now,
    );
    if (!evidence.award) return { action: 'not-yet' as const, reason: evidence.reason, inviteeName: '' };
    tx.create(eventRef, newPointEvent({ eventId, reason: 'referral', refPath: inviteeRef.path }, now));
    tx.update(referrerRef, { 'stats.referrals': FieldValue.increment(1) });
    // Mirror the referrer on the invitee's private account (null until now).
    if (inviteeAccount?.exists) tx.update(inviteeAccountRef, { referredBy: referrerUid });
    return {
      action: 'awarded' as const,
      inviteeName: trimmedStr(invitee?.get('displayName')) ?? 'Someone you invited',
    };
  });

  if (outcome.action === 'unknown-referrer') {
    logger.warn('referral names a user that does not exist; nothing awarded', { inviteeUid, referrerUid });
    return { action: 'unknown-referrer', referrerUid };
  }
  if (outcome.action === 'not-yet') {
    logger.info('referral not (yet) earned', { inviteeUid, referrerUid, reason: outcome.reason });
    return { action: 'not-yet', referrerUid, reason: outcome.reason };
  }
  if (outcome.action === 'awarded') {
    logger.info('referral awarded', { inviteeUid, referrerUid, eventId });
    await notify(
      db,
      {
        uid: referrerUid,
        type: 'referral',
        id: referralNotificationId(inviteeUid),
        // The invitee's name is their own text: quoted and trimmed, never the subject by itself.
        title: '🎉 Your invite earned you 25 points',
        body: `Someone you invited (${quoteName(outcome.inviteeName)}) verified their email and started learning on SkillVerse. You earned 25 points — thanks for spreading the word!`,
        link: '/dashboard',
      },
      { ...deps, now },
    );
  }
  return { action: outcome.action, referrerUid };
}

/**
 * The users/{uid} trigger: awards the referrer when the write makes the invitee eligible (named
 * referrer, onboarding complete). Writes that change neither field are skipped without a read.
 */
export async function handleReferralProfileWrite(
  db: Firestore,
  uid: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  deps: ReferralDeps = {},
): Promise<ReferralResult> {
  if (!referralFieldsChanged(before, after)) return { action: 'skipped', reason: 'unchanged' };
  const decision = referralAward(uid, after);
  if (!decision.award) return { action: 'skipped', reason: decision.reason };
  return awardReferral(db, uid, decision.referrerUid, deps);
}

/** Re-checks the invitee's referral (after an activity or a verified sign-in); idempotent. */
export async function recheckReferral(
  db: Firestore,
  inviteeUid: string,
  deps: ReferralDeps = {},
): Promise<ReferralResult> {
  const invitee = await userRef(db, inviteeUid).get();
  const decision = referralAward(inviteeUid, invitee.exists ? (invitee.data() ?? null) : null);
  if (!decision.award) return { action: 'skipped', reason: decision.reason };
  return awardReferral(db, inviteeUid, decision.referrerUid, deps);
}

/** The ledger trigger's hook: an activity entry on the invitee may complete their referral. */
export async function handleReferralActivity(
  db: Firestore,
  uid: string,
  reason: unknown,
  deps: ReferralDeps = {},
): Promise<ReferralResult | null> {
  if (!isReferralActivity(reason)) return null;
  return recheckReferral(db, uid, deps);
}
