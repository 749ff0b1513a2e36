// courses/{id}, live — one definition (and one cache key) for every feature that shows a course.
import { docSource } from '@/lib/firestore/live-source';
import { courseRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function courseQueryOptions(courseId: string | undefined) {
  return liveQueryOptions(
    ['courses', courseId ?? null] as const,
    courseId ? docSource(courseRef(courseId)) : null,
  );
}

/**
 * courses/{id}, live. `null`: it does not exist; a course you may not read (a draft of someone
 * else) fails with permission-denied.
 */
export function useCourse(courseId: string | undefined) {
  return useLiveQuery(courseQueryOptions(courseId));
}
