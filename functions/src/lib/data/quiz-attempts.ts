// quizAttempts/{attemptId}: one graded quiz submission (server-written).
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';

export const QUIZ_ATTEMPTS = 'quizAttempts';

export const quizAttemptsCol = (db: Firestore): CollectionReference => db.collection(QUIZ_ATTEMPTS);
