import type { Enrollment } from '@skillverse/domain/models';
import { limit, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { enrollmentsRef } from '@/lib/data/enrollments';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const MY_ENROLLMENTS_LIMIT = 200;

/** Most recently active first (sorted here, so the query needs only the `uid` filter). */
function byActivity(items: Enrollment[]): Enrollment[] {
  const at = (e: Enrollment) => (e.updatedAt ?? e.createdAt).getTime();
  return [...items].sort((a, b) => at(b) - at(a));
}

export function myEnrollmentsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['enrollments', 'mine', uid ?? null] as const,
    uid
      ? querySource(query(enrollmentsRef(), where('uid', '==', uid), limit(MY_ENROLLMENTS_LIMIT)), byActivity)
      : null,
  );
}

/** The signed-in learner's enrolments, live. */
export function useMyEnrollments(uid: string | undefined) {
  return useLiveQuery(myEnrollmentsQueryOptions(uid));
}
