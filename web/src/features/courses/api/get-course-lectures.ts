import { orderBy, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { lecturesRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/**
 * The lectures of a course a person may read: everything for its learners and its instructor,
 * only the free previews for everyone else (the rules allow exactly that query).
 */
export function courseLecturesQueryOptions(courseId: string | undefined, scope: 'all' | 'preview' | null) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'lectures', scope] as const,
    courseId && scope
      ? querySource(
          scope === 'all'
            ? query(lecturesRef(courseId), orderBy('order'))
            : query(lecturesRef(courseId), where('preview', '==', true)),
        )
      : null,
  );
}

export function useCourseLectures(courseId: string | undefined, scope: 'all' | 'preview' | null) {
  return useLiveQuery(courseLecturesQueryOptions(courseId, scope));
}
