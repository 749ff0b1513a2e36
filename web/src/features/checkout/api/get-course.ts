import { docSource } from '@/lib/firestore/live-source';
import { courseRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function courseQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null] as const,
    courseId ? docSource(courseRef(courseId)) : null,
  );
}

/** The course being bought (title and price for the checkout pages). */
export function useCourse(courseId: string | undefined) {
  return useLiveQuery(courseQueryOptions(courseId));
}
