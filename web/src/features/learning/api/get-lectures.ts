import { orderBy, query } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { lecturesRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function lecturesQueryOptions(courseId: string | undefined, enabled: boolean) {
  return liveQueryOptions(
    ['courses', courseId ?? null, 'lectures', 'all'] as const,
    courseId && enabled ? querySource(query(lecturesRef(courseId), orderBy('order'))) : null,
  );
}

/** Every lecture of a course (readable once enrolled), live. */
export function useLectures(courseId: string | undefined, enabled = true) {
  return useLiveQuery(lecturesQueryOptions(courseId, enabled));
}
