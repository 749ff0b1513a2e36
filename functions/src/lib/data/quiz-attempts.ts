// quizAttempts/{attemptId}: one attempt at a quiz, server-written. startQuizAttempt issues it
// ('open': its order and deadline) under a deterministic id `{courseId}_{quizId}_{uid}_{n}`, so each
// attempt number exists once; submitQuiz grades it ('submitted'). Older attempts have random ids and
// no status. The learner and the course's instructor read them.
import type {
  CollectionReference,
  DocumentReference,
  DocumentSnapshot,
  Firestore,
} from 'firebase-admin/firestore';
import { quizAttemptId } from '@skillverse/domain/quizzes';
import { num, str, strList } from '@skillverse/domain/fields';
import { isRecord, toDate } from '../firestore';

export const QUIZ_ATTEMPTS = 'quizAttempts';

export const quizAttemptsCol = (db: Firestore): CollectionReference => db.collection(QUIZ_ATTEMPTS);
export const quizAttemptRef = (db: Firestore, attemptId: string): DocumentReference =>
  quizAttemptsCol(db).doc(attemptId);
/** The learner's n-th attempt at a quiz. */
export const numberedAttemptRef = (
  db: Firestore,
  courseId: string,
  quizId: string,
  uid: string,
  n: number,
): DocumentReference => quizAttemptRef(db, quizAttemptId(courseId, quizId, uid, n));

/** An issued attempt as the server reads it back. */
export interface IssuedAttempt {
  id: string;
  uid: string;
  courseId: string;
  quizId: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: Date;
  deadline: Date | null;
  questionOrder: string[];
  optionOrder: Record<string, number[]>;
  /** Set once submitted. */
  score: number;
  passed: boolean;
  countsForCompletion: boolean;
  feedbackShown: boolean;
  results: { questionId: string; correct: boolean }[];
}

/** Reads an attempt startQuizAttempt issued; null when missing or an older (unnumbered) attempt. */
export function readIssuedAttempt(snap: DocumentSnapshot | undefined): IssuedAttempt | null {
  if (!snap?.exists) return null;
  const d = snap.data() ?? {};
  const number = num(d.number);
  const startedAt = toDate(d.startedAt);
  if (number < 1 || !startedAt) return null;
  const optionOrder = isRecord(d.optionOrder)
    ? Object.fromEntries(
        Object.entries(d.optionOrder).map(([id, v]) => [
          id,
          Array.isArray(v) ? v.filter((i): i is number => Number.isInteger(i)) : [],
        ]),
      )
    : {};
  return {
    id: snap.id,
    uid: str(d.uid),
    courseId: str(d.courseId),
    quizId: str(d.quizId),
    number,
    status: d.status === 'submitted' ? 'submitted' : 'open',
    startedAt,
    deadline: toDate(d.deadline),
    questionOrder: strList(d.questionOrder),
    optionOrder,
    score: num(d.score),
    passed: d.passed === true,
    countsForCompletion: d.countsForCompletion === true,
    feedbackShown: d.feedbackShown === true,
    results: Array.isArray(d.results)
      ? d.results
          .filter(isRecord)
          .map((r) => ({ questionId: str(r.questionId), correct: r.correct === true }))
      : [],
  };
}
