import { query, where } from 'firebase/firestore';
import { quizAttemptsRef } from '@/lib/data/quiz-attempts';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** A learner's attempts at one quiz issued by the server (the numbered ones), in order. */
export function myQuizAttemptsQueryOptions(uid: string | undefined, courseId: string, quizId: string) {
  return liveQueryOptions(
    ['quizAttempts', uid ?? null, courseId, quizId] as const,
    uid
      ? querySource(
          query(
            quizAttemptsRef(),
            where('uid', '==', uid),
            where('courseId', '==', courseId),
            where('quizId', '==', quizId),
          ),
          (attempts) =>
            attempts.filter((a) => a.number !== undefined).sort((a, b) => (a.number ?? 0) - (b.number ?? 0)),
        )
      : null,
  );
}

/** How many attempts the learner has used and whether one is still open, live. */
export function useMyQuizAttempts(uid: string | undefined, courseId: string, quizId: string) {
  return useLiveQuery(myQuizAttemptsQueryOptions(uid, courseId, quizId));
}
