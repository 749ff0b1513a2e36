// Guards for callables that change data: a suspended or banned user can write nothing (SPEC §2).
// Their ID token may still be valid for up to an hour after the admin's change, so check the profile.
import type { Firestore } from 'firebase-admin/firestore';
import { type CallableRequest, HttpsError } from 'firebase-functions/v2/https';
import { userRef } from './data/users';
import { type Caller, requireAdmin } from './errors';

export async function requireActiveUser(db: Firestore, uid: string): Promise<void> {
  const snap = await userRef(db, uid).get();
  if (!snap.exists) {
    throw new HttpsError('failed-precondition', 'Your profile is not set up yet; try again in a moment.');
  }
  const status = snap.get('status');
  if (status !== 'active') {
    throw new HttpsError('permission-denied', `Your account is ${String(status)}; it cannot make changes.`);
  }
}

/**
 * An admin callable's caller: the admin claim AND an active profile. A suspended or banned admin's
 * ID token keeps its claim until it expires (up to an hour); the profile status ends it at once.
 */
export async function requireActiveAdmin(
  db: Firestore,
  request: Pick<CallableRequest, 'auth'>,
): Promise<Caller> {
  const caller = requireAdmin(request);
  await requireActiveUser(db, caller.uid);
  return caller;
}
