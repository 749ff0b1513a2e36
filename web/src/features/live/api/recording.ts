// The session's recording: the link (read from private/recording — only the people the session was
// for may read it) and the host's callables: set/remove the link, start/stop cloud recording.
import {
  setSessionRecordingLink,
  startSessionRecording,
  stopSessionRecording,
} from '@skillverse/domain/contracts/live';
import type { LiveSessionIdRequest } from '@skillverse/domain/live';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { recordingRef } from '@/lib/data/live-sessions';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function sessionRecordingQueryOptions(id: string, canRead: boolean) {
  return liveQueryOptions(
    ['live-sessions', 'one', id, 'recording', canRead] as const,
    canRead ? docSource(recordingRef(id)) : null,
  );
}

/** The recording document (null when none); pass canRead only for people the rules let read it. */
export function useSessionRecording(id: string, canRead: boolean) {
  return useLiveQuery(sessionRecordingQueryOptions(id, canRead));
}

export function useSetRecordingLink() {
  return useMutation({
    mutationFn: (input: { sessionId: string; url: string | null }) =>
      callFunction(setSessionRecordingLink, input),
  });
}

export function useStartRecording() {
  return useMutation({
    mutationFn: (input: LiveSessionIdRequest) => callFunction(startSessionRecording, input),
  });
}

export function useStopRecording() {
  return useMutation({
    mutationFn: (input: LiveSessionIdRequest) => callFunction(stopSessionRecording, input),
  });
}
