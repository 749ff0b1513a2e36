// quizAttempts/{attemptId} (server-written: startQuizAttempt issues, submitQuiz grades). The learner
// reads their own attempts to see how many they have used and the results they got.
import type { QuizAttempt } from '@skillverse/domain/models';
import { collection } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  arrayOf,
  asInt,
  bool,
  dateOrNow,
  dateOrNull,
  num,
  obj,
  readOnlyConverter,
  recordOfAll,
  str,
  strings,
} from '@/lib/firestore/parse';

export function parseQuizAttempt(id: string, data: unknown): QuizAttempt {
  const d = obj(data);
  const attempt: QuizAttempt = {
    id,
    uid: str(d.uid),
    courseId: str(d.courseId),
    quizId: str(d.quizId),
    createdAt: dateOrNow(d.createdAt),
  };
  if (typeof d.number === 'number') attempt.number = num(d.number);
  if (d.status === 'open' || d.status === 'submitted') attempt.status = d.status;
  const startedAt = dateOrNull(d.startedAt);
  if (startedAt) attempt.startedAt = startedAt;
  if ('deadline' in d) attempt.deadline = dateOrNull(d.deadline);
  if (typeof d.score === 'number') attempt.score = num(d.score);
  if (typeof d.passed === 'boolean') attempt.passed = d.passed;
  if (Array.isArray(d.questionOrder)) attempt.questionOrder = strings(d.questionOrder);
  if (d.optionOrder) attempt.optionOrder = recordOfAll(d.optionOrder, (v) => arrayOf(v, (i) => asInt(i, 0)));
  attempt.feedbackShown = bool(d.feedbackShown);
  return attempt;
}

export const quizAttemptConverter = readOnlyConverter('quizAttempts', parseQuizAttempt);

export const quizAttemptPaths = { attempts: () => 'quizAttempts' } as const;

export const quizAttemptsRef = () =>
  collection(db, quizAttemptPaths.attempts()).withConverter(quizAttemptConverter);
