import { orderBy, query } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { lecturesRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function reviewLecturesQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'lectures', 'all'] as const,
    courseId ? querySource(query(lecturesRef(courseId), orderBy('order'))) : null,
  );
}

/** Every lecture of the course under review (admins read them all). */
export function useReviewLectures(courseId: string | undefined) {
  return useLiveQuery(reviewLecturesQueryOptions(courseId));
}
