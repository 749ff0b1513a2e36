// The course, its lectures and quizzes come from the shared queries (lib/data); only the answer
// key is the editor's own.
import { docSource } from '@/lib/firestore/live-source';
import { quizKeyRef } from '@/lib/data/quizzes';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function quizKeyQueryOptions(courseId: string | undefined, quizId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'quizKeys', quizId ?? null] as const,
    courseId && quizId ? docSource(quizKeyRef(courseId, quizId)) : null,
  );
}

/** The answers of a quiz (instructor only). */
export function useQuizKey(courseId: string | undefined, quizId: string | undefined) {
  return useLiveQuery(quizKeyQueryOptions(courseId, quizId));
}
