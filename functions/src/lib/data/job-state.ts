// jobState/{job}: where scheduled jobs keep their cursor and last run (server-only).
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const JOB_STATE = 'jobState';

export const jobStateRef = (db: Firestore, job: 'swapCycles' | 'sendNudges'): DocumentReference =>
  db.collection(JOB_STATE).doc(job);
