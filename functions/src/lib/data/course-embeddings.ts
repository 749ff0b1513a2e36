// courseEmbeddings/{courseId}: a course's stored embedding for recommendations (server-only).
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const COURSE_EMBEDDINGS = 'courseEmbeddings';

export const courseEmbeddingRef = (db: Firestore, courseId: string): DocumentReference =>
  db.collection(COURSE_EMBEDDINGS).doc(courseId);
