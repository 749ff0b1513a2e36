// accountDeletions/{uid}: how far deleteMyAccount got for one account (server-only; admins read).
// Kept off users/{uid} so recording a step does not wake every profile trigger again.
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const ACCOUNT_DELETIONS = 'accountDeletions';

export const accountDeletionRef = (db: Firestore, uid: string): DocumentReference =>
  db.collection(ACCOUNT_DELETIONS).doc(uid);
