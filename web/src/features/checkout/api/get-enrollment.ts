import { docSource } from '@/lib/firestore/live-source';
import { enrollmentRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function enrollmentQueryOptions(courseId: string | undefined, uid: string | undefined) {
  return liveQueryOptions(
    ['enrollments', courseId ?? null, uid ?? null] as const,
    courseId && uid ? docSource(enrollmentRef(courseId, uid)) : null,
  );
}

/** The enrolment the payment webhook creates; the success page waits for it live. */
export function useEnrollment(courseId: string | undefined, uid: string | undefined) {
  return useLiveQuery(enrollmentQueryOptions(courseId, uid));
}
