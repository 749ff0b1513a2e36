import { limit, orderBy, query, where } from 'firebase/firestore';
import { type EducatorApplicationDoc, educatorApplicationsRef } from '@/lib/data/educator-applications';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** When it was (last) sent: a re-application counts from its new date. */
const sentAt = (a: EducatorApplicationDoc) => (a.updatedAt ?? a.createdAt).getTime();

export function pendingApplicationsQueryOptions() {
  return liveQueryOptions(
    ['educatorApplications', 'admin', 'pending'] as const,
    querySource(
      query(educatorApplicationsRef(), where('status', '==', 'pending'), limit(100)),
      // First come, first served.
      (items) => [...items].sort((a, b) => sentAt(a) - sentAt(b)),
    ),
  );
}

/** The queue of applications waiting for a decision, oldest first, live. */
export function usePendingApplications() {
  return useLiveQuery(pendingApplicationsQueryOptions());
}

export function decidedApplicationsQueryOptions() {
  return liveQueryOptions(
    ['educatorApplications', 'admin', 'decided'] as const,
    querySource(
      query(
        educatorApplicationsRef(),
        where('status', 'in', ['approved', 'rejected']),
        orderBy('decidedAt', 'desc'),
        limit(10),
      ),
    ),
  );
}

/** The ten most recent decisions, live. */
export function useDecidedApplications() {
  return useLiveQuery(decidedApplicationsQueryOptions());
}
