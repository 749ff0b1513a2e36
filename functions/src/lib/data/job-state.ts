// jobState/{job}: where scheduled jobs keep their cursor and last run (server-only).
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const JOB_STATE = 'jobState';
export const CYCLE_STATE_PATH = `${JOB_STATE}/swapCycles`;
export const NUDGE_STATE_PATH = `${JOB_STATE}/sendNudges`;

export const jobStateRef = (db: Firestore, job: 'swapCycles' | 'sendNudges'): DocumentReference =>
  db.collection(JOB_STATE).doc(job);
