// earnings/{instructorUid}: an instructor's sales totals, with entries/{paymentId} per sale.
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const EARNINGS = 'earnings';
export const EARNING_ENTRIES = 'entries';

export const earningsRef = (db: Firestore, uid: string): DocumentReference =>
  db.collection(EARNINGS).doc(uid);
export const earningEntriesCol = (db: Firestore, uid: string): CollectionReference =>
  earningsRef(db, uid).collection(EARNING_ENTRIES);
export const earningEntryRef = (db: Firestore, uid: string, paymentId: string): DocumentReference =>
  earningEntriesCol(db, uid).doc(paymentId);
