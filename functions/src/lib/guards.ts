// Guards for callables that change data: a suspended or banned user can write nothing (SPEC §2).
// Their ID token may still be valid for up to an hour after the admin's change, so check the profile.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { userRef } from './data/users';

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
