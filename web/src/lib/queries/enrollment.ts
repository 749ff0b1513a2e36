// enrollments/{courseId}_{uid}, live — one definition (and one cache key) for the course page,
// checkout and the player.
import { limit, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { enrollmentsRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function enrollmentQueryOptions(courseId: string | undefined, uid: string | undefined) {
  return liveQueryOptions(
    ['enrollments', courseId ?? null, uid ?? null] as const,
    courseId && uid
      ? // A query, not a get: the rules deny reading an enrolment that does not exist (its `uid` is
        // unknown), which would kill the listener before the enrolment appears.
        querySource(
          query(enrollmentsRef(), where('uid', '==', uid), where('courseId', '==', courseId), limit(1)),
          (items) => items[0] ?? null,
        )
      : null,
  );
}

/** The learner's enrolment, live (null when not enrolled): ticks, progress and certificate follow the server. */
export function useEnrollment(courseId: string | undefined, uid: string | undefined) {
  return useLiveQuery(enrollmentQueryOptions(courseId, uid));
}
