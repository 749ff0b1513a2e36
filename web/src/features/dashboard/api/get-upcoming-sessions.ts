import { queryOptions, useQuery } from '@tanstack/react-query';
import { getDoc, getDocs } from 'firebase/firestore';
import { liveSessionRef, type LiveSessionSummary, myRegistrationsQuery } from '@/lib/data/live-sessions';
import { LiveQueryError } from '@/lib/firestore/live-source';
import { READ_METRICS, recordReads } from '@/lib/firestore/read-metrics';
import { upcoming } from '../utils/dashboard-lists';

/** My latest registrations read; of their sessions, the upcoming ones are shown. */
export const REGISTRATIONS_READ = 5;

async function getUpcomingSessions(uid: string): Promise<LiveSessionSummary[]> {
  try {
    const regs = await getDocs(myRegistrationsQuery(uid, REGISTRATIONS_READ));
    const ids = [...new Set(regs.docs.map((d) => d.data().sessionId).filter(Boolean))];
    const snaps = await Promise.all(ids.map((id) => getDoc(liveSessionRef(id))));
    if (READ_METRICS) {
      recordReads('get', '*/registrations', Math.max(1, regs.size));
      recordReads('get', 'liveSessions', snaps.length);
    }
    return upcoming(
      snaps.flatMap((s) => (s.exists() ? [s.data()] : [])),
      new Date(),
    );
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function upcomingSessionsQueryOptions(uid: string | undefined) {
  return queryOptions({
    queryKey: ['live', 'registered', uid ?? null, 'upcoming'] as const,
    queryFn: () => getUpcomingSessions(uid!),
    enabled: Boolean(uid),
    // Registrations change through the live pages, which refresh on their own; a minute is fine here.
    staleTime: 60_000,
  });
}

/** Live sessions I registered for that are still ahead (or live now), soonest first. */
export function useUpcomingSessions(uid: string | undefined) {
  return useQuery(upcomingSessionsQueryOptions(uid));
}
