// A swap cycle's group sessions (issue 16, item 7): planned by the three (client writes under the
// rules), held by what the server observed or all three confirming after the end, and the group
// call's presence heartbeats and LiveKit token — the exchange call machinery, for three.
import {
  type ConfirmSwapCycleSessionResponse,
  confirmSwapCycleSession,
  cycleCallHeartbeat,
  getCycleCallToken,
} from '@skillverse/domain/contracts/exchange';
import { useMutation } from '@tanstack/react-query';
import { addDoc, orderBy, query, serverTimestamp, Timestamp, updateDoc } from 'firebase/firestore';
import { cycleSessionsRef, rawCycleSession, rawCycleSessions } from '@/lib/data/exchange-cycles';
import { callFunction } from '@/lib/firebase';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { usePresenceHeartbeat } from './call';
import { localDateTime, type ScheduleSessionInput, scheduleSessionSchema } from './sessions';

export function cycleSessionsQueryOptions(cycleId: string | undefined) {
  return liveQueryOptions(
    ['exchangeCycles', 'sessions', cycleId ?? null] as const,
    cycleId ? querySource(query(cycleSessionsRef(cycleId), orderBy('scheduledAt', 'asc'))) : null,
  );
}

/** The cycle's group sessions in time order, live. */
export function useCycleSessions(cycleId: string | undefined) {
  return useLiveQuery(cycleSessionsQueryOptions(cycleId));
}

export async function scheduleCycleSession(input: {
  cycleId: string;
  uid: string;
  session: ScheduleSessionInput;
}) {
  const s = scheduleSessionSchema.parse(input.session);
  await addDoc(rawCycleSessions(input.cycleId), {
    scheduledAt: Timestamp.fromDate(localDateTime(s.date, s.time)),
    durationMin: s.durationMin,
    status: 'scheduled',
    notes: s.notes,
    createdBy: input.uid,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
}

export function useScheduleCycleSession() {
  return useMutation({ mutationFn: scheduleCycleSession });
}

export async function cancelCycleSession(input: { cycleId: string; sessionId: string }) {
  await updateDoc(rawCycleSession(input.cycleId, input.sessionId), {
    status: 'cancelled',
    updatedAt: serverTimestamp(),
  });
}

export function useCancelCycleSession() {
  return useMutation({ mutationFn: cancelCycleSession });
}

/** "It took place" (after its end) with a rating for the person who taught me. */
export function confirmCycleSession(input: {
  cycleId: string;
  sessionId: string;
  rating: number;
}): Promise<ConfirmSwapCycleSessionResponse> {
  return callFunction(confirmSwapCycleSession, input);
}

export function useConfirmCycleSession() {
  return useMutation({ mutationFn: confirmCycleSession });
}

export function getCycleCallTokenFor(input: { cycleId: string; sessionId: string }) {
  return callFunction(getCycleCallToken, input);
}

/** The open group call page reports presence every 30 s; answers what the platform has seen. */
export function useCycleCallHeartbeat(cycleId: string, sessionId: string, enabled: boolean) {
  return usePresenceHeartbeat(
    () => callFunction(cycleCallHeartbeat, { cycleId, sessionId }),
    `cycle/${cycleId}/${sessionId}`,
    enabled,
  );
}
