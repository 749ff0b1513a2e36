// educatorApplications/{uid}: a member's application to teach (the owner creates; an admin decides).
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const EDUCATOR_APPLICATIONS = 'educatorApplications';

export const educatorApplicationsCol = (db: Firestore): CollectionReference =>
  db.collection(EDUCATOR_APPLICATIONS);
export const educatorApplicationRef = (db: Firestore, uid: string): DocumentReference =>
  educatorApplicationsCol(db).doc(uid);
