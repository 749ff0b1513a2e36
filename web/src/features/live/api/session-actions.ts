// Callables for live sessions (SPEC §4) and the host's own create/edit writes.
import {
  cancelLiveSession,
  endLiveSession,
  getLiveKitToken as getLiveKitTokenContract,
  moderateLiveParticipant,
  type ParticipantAction,
  registerForLiveSession as registerForLiveSessionContract,
  startLiveSession,
} from '@skillverse/domain/contracts/live';
import type { LiveSessionIdRequest, RegisterForLiveSessionRequest } from '@skillverse/domain/live';
import { useMutation } from '@tanstack/react-query';
import { addDoc, serverTimestamp, Timestamp, updateDoc } from 'firebase/firestore';
import { callFunction } from '@/lib/firebase';
import type { SessionFormOutput } from '../utils/session-form';
import { liveSessionRawRef, liveSessionsRawRef } from '@/lib/data/live-sessions';

export function registerForLiveSession(input: RegisterForLiveSessionRequest) {
  return callFunction(registerForLiveSessionContract, input);
}

export function useRegisterForLiveSession() {
  return useMutation({ mutationFn: registerForLiveSession });
}

export function useStartLiveSession() {
  return useMutation({
    mutationFn: (input: LiveSessionIdRequest) => callFunction(startLiveSession, input),
  });
}

export function useEndLiveSession() {
  return useMutation({
    mutationFn: (input: LiveSessionIdRequest) => callFunction(endLiveSession, input),
  });
}

export function useCancelLiveSession() {
  return useMutation({
    mutationFn: (input: LiveSessionIdRequest) => callFunction(cancelLiveSession, input),
  });
}

export function getLiveKitToken(input: LiveSessionIdRequest) {
  return callFunction(getLiveKitTokenContract, input);
}

/** Schedules a new session hosted by `hostId`; returns its id. */
export async function createLiveSession(hostId: string, values: SessionFormOutput): Promise<string> {
  const ref = await addDoc(liveSessionsRawRef(), {
    hostId,
    title: values.title,
    description: values.description,
    courseId: values.courseId,
    scheduledAt: Timestamp.fromDate(values.scheduledAt),
    durationMin: values.durationMin,
    capacity: values.capacity,
    status: 'scheduled',
    registeredCount: 0,
    recordingEnabled: values.recordingEnabled,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
  return ref.id;
}

export async function updateLiveSession(id: string, values: SessionFormOutput): Promise<void> {
  await updateDoc(liveSessionRawRef(id), {
    title: values.title,
    description: values.description,
    courseId: values.courseId,
    scheduledAt: Timestamp.fromDate(values.scheduledAt),
    durationMin: values.durationMin,
    capacity: values.capacity,
    recordingEnabled: values.recordingEnabled,
    updatedAt: serverTimestamp(),
  });
}

export function useSaveLiveSession(hostId: string) {
  return useMutation({
    mutationFn: ({ id, values }: { id: string | null; values: SessionFormOutput }) =>
      id ? updateLiveSession(id, values).then(() => id) : createLiveSession(hostId, values),
  });
}

export interface ModerateParticipantRequest {
  sessionId: string;
  uid: string;
  action: ParticipantAction;
}

/** Host only, with video: mute someone's microphone or remove them from the video room. */
export function moderateParticipant(input: ModerateParticipantRequest) {
  return callFunction(moderateLiveParticipant, input);
}
