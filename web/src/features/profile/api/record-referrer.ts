import { FirestoreError, updateDoc } from 'firebase/firestore';
import { userRef } from '@/lib/data/users';
import { forgetReferrer, rememberedReferrer } from '@/lib/referral';

export type RecordReferrerResult = 'recorded' | 'refused' | 'none';

/**
 * Sets users/{uid}.referredBy once. The rules refuse a referrer who does not exist, oneself, a
 * second referrer and an already onboarded profile: that is 'refused', not an error — the
 * invitee's sign-up goes on without it.
 */
export async function recordReferrer(uid: string, referrerUid: string): Promise<RecordReferrerResult> {
  try {
    await updateDoc(userRef(uid), { referredBy: referrerUid });
    return 'recorded';
  } catch (error) {
    if (error instanceof FirestoreError && error.code === 'permission-denied') return 'refused';
    throw error;
  }
}

let inFlight: Promise<RecordReferrerResult> | null = null;

/**
 * Records the referrer remembered from an invite link on a profile that has none yet and is not
 * onboarded, then forgets it. Concurrent calls share one write; a network failure keeps the
 * referrer for the next try (onboarding tries again before it finishes).
 */
export function recordRememberedReferrer(
  uid: string,
  profile: { onboarded: boolean; referredBy?: string | null } | null,
): Promise<RecordReferrerResult> {
  const referrer = rememberedReferrer();
  if (!referrer) return Promise.resolve('none');
  if (referrer === uid || profile?.onboarded || profile?.referredBy) {
    forgetReferrer();
    return Promise.resolve('none');
  }
  inFlight ??= recordReferrer(uid, referrer)
    .then((result) => {
      forgetReferrer();
      return result;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
