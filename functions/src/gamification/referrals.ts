// Referrals (SPEC §5.5): when an invited person has signed up and completed onboarding, their
// referrer earns 25 points once. The award is the ledger entry `referral_{inviteeUid}` on the
// referrer (created in a transaction with the referrer's `stats.referrals` bump, so both happen
// exactly once however often the trigger runs), then a notification with a deterministic id.
import { trimmedStr } from '@skillverse/domain/fields';
import { pointEventId } from '@skillverse/domain/gamification';
import { type ReferralDecision, referralAward, referralFieldsChanged } from '@skillverse/domain/referrals';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { type NotifyDeps, notify } from '../notifications/notify';
import { newPointEvent } from './award-points';
import { accountRef, pointEventRef, userRef } from '../lib/data/users';

export type ReferralResult =
  | { action: 'awarded'; referrerUid: string }
  | { action: 'already-awarded'; referrerUid: string }
  | { action: 'unknown-referrer'; referrerUid: string }
  | { action: 'skipped'; reason: Extract<ReferralDecision, { award: false }>['reason'] | 'unchanged' };

export const referralNotificationId = (inviteeUid: string) => `referral_${inviteeUid}`;

/** Awards `referrerUid` for inviting `inviteeUid`, once. */
export async function awardReferral(
  db: Firestore,
  inviteeUid: string,
  referrerUid: string,
  deps: NotifyDeps = {},
): Promise<ReferralResult> {
  const now = deps.now ?? new Date();
  const referrerRef = userRef(db, referrerUid);
  const inviteeRef = userRef(db, inviteeUid);
  const eventId = pointEventId.referral(inviteeUid);
  const eventRef = pointEventRef(db, referrerUid, eventId);
  const inviteeAccountRef = accountRef(db, inviteeUid);

  const outcome = await db.runTransaction(async (tx) => {
    const [referrer, event, invitee, inviteeAccount] = await tx.getAll(
      referrerRef,
      eventRef,
      inviteeRef,
      inviteeAccountRef,
    );
    if (event?.exists) return { action: 'already-awarded' as const, inviteeName: '' };
    if (!referrer?.exists) return { action: 'unknown-referrer' as const, inviteeName: '' };
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
  if (outcome.action === 'awarded') {
    logger.info('referral awarded', { inviteeUid, referrerUid, eventId });
    await notify(
      db,
      {
        uid: referrerUid,
        type: 'referral',
        id: referralNotificationId(inviteeUid),
        title: `🎉 ${outcome.inviteeName} joined through your invite`,
        body: `${outcome.inviteeName} signed up and set up their profile. You earned 25 points — thanks for spreading the word!`,
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
  deps: NotifyDeps = {},
): Promise<ReferralResult> {
  if (!referralFieldsChanged(before, after)) return { action: 'skipped', reason: 'unchanged' };
  const decision = referralAward(uid, after);
  if (!decision.award) return { action: 'skipped', reason: decision.reason };
  return awardReferral(db, uid, decision.referrerUid, deps);
}
