import { confirmExchangeSession } from '@skillverse/domain/contracts/exchange';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { addDoc, orderBy, query, serverTimestamp, Timestamp, updateDoc } from 'firebase/firestore';
import { z } from '@/lib/zod';
import { exchangePaths, exchangeSessionsRef, rawCollection, rawDoc } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function sessionsQueryOptions(exchangeId: string | undefined) {
  return liveQueryOptions(
    ['exchange', 'sessions', exchangeId ?? null] as const,
    exchangeId ? querySource(query(exchangeSessionsRef(exchangeId), orderBy('scheduledAt', 'asc'))) : null,
  );
}

/** The exchange's sessions in time order, live. */
export function useSessions(exchangeId: string | undefined) {
  return useLiveQuery(sessionsQueryOptions(exchangeId));
}

export const scheduleSessionSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'Pick a time'),
  durationMin: z.coerce
    .number()
    .int('Whole minutes')
    .min(15, 'At least 15 minutes')
    .max(480, 'At most 8 hours'),
  notes: z.string().trim().max(4000),
});
export type ScheduleSessionInput = z.infer<typeof scheduleSessionSchema>;

/** The local date and time as a Date (the browser's time zone). */
export function localDateTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y!, m! - 1, d!, hh!, mm!);
}

export async function scheduleSession(input: {
  exchangeId: string;
  uid: string;
  session: ScheduleSessionInput;
}) {
  const s = scheduleSessionSchema.parse(input.session);
  const at = localDateTime(s.date, s.time);
  await addDoc(rawCollection(exchangePaths.sessions(input.exchangeId)), {
    scheduledAt: Timestamp.fromDate(at),
    durationMin: s.durationMin,
    status: 'scheduled',
    notes: s.notes,
    createdBy: input.uid,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
}

export async function setSessionStatus(input: {
  exchangeId: string;
  sessionId: string;
  status: 'scheduled' | 'cancelled';
}) {
  await updateDoc(rawDoc(exchangePaths.session(input.exchangeId, input.sessionId)), {
    status: input.status,
    updatedAt: serverTimestamp(),
  });
}

export function useScheduleSession() {
  return useMutation({ mutationFn: scheduleSession });
}

export function useSetSessionStatus() {
  return useMutation({ mutationFn: setSessionStatus });
}

/** A participant says a past session took place (the server refuses before its end). */
export function confirmSession(input: { exchangeId: string; sessionId: string }) {
  return callFunction(confirmExchangeSession, input);
}

export function useConfirmSession() {
  return useMutation({ mutationFn: confirmSession });
}
