import { orderBy, query } from 'firebase/firestore';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { courseRef, lecturesRef, quizKeyRef, quizzesRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function editableCourseQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null] as const,
    courseId ? docSource(courseRef(courseId)) : null,
  );
}

/** The course being edited (the instructor reads it in every status), live. */
export function useEditableCourse(courseId: string | undefined) {
  return useLiveQuery(editableCourseQueryOptions(courseId));
}

export function courseLecturesQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'lectures', 'all'] as const,
    courseId ? querySource(query(lecturesRef(courseId), orderBy('order'))) : null,
  );
}

export function useCourseLectures(courseId: string | undefined) {
  return useLiveQuery(courseLecturesQueryOptions(courseId));
}

export function courseQuizzesQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'quizzes'] as const,
    courseId ? querySource(query(quizzesRef(courseId))) : null,
  );
}

export function useCourseQuizzes(courseId: string | undefined) {
  return useLiveQuery(courseQuizzesQueryOptions(courseId));
}

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
