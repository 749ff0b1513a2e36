// exchangeCycles/{cycleId}: proposed swap cycles (three or more members), server-written.
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const CYCLES = 'exchangeCycles';

export const cyclesCol = (db: Firestore): CollectionReference => db.collection(CYCLES);
export const cycleRef = (db: Firestore, cycleId: string): DocumentReference => cyclesCol(db).doc(cycleId);
