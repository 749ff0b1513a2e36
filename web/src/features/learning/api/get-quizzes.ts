import { query } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { quizzesRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function quizzesQueryOptions(courseId: string | undefined, enabled: boolean) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'quizzes'] as const,
    courseId && enabled ? querySource(query(quizzesRef(courseId))) : null,
  );
}

/** The course's quizzes: questions and options only (the answers stay in quizKeys). */
export function useQuizzes(courseId: string | undefined, enabled = true) {
  return useLiveQuery(quizzesQueryOptions(courseId, enabled));
}
