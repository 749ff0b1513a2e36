// Live session callables (SPEC §4, §5.4): seats, going live and ending, join tokens, moderation and
// publishing answered questions as lecture FAQ. Request/response types live in live.ts and session-qa.ts.
import type {
  CancelLiveSessionResponse,
  EndLiveSessionResponse,
  LiveKitTokenResponse,
  RegisterForLiveSessionResponse,
  StartLiveSessionResponse,
} from '../live';
import { type EgressState, isRecordingUrl, RECORDING_URL_MESSAGE } from '../live-recording';
import type { PublishSessionFaqResponse, UnpublishSessionFaqResponse } from '../session-qa';
import { defineCallable } from './callable';
import { documentId, userId } from './ids';
import { z } from './zod';

const sessionIdInput = z.strictObject({ sessionId: documentId('sessionId') });

/** { sessionId, action: 'register' | 'unregister' } → the seat count after the change. */
export const registerForLiveSession = defineCallable<RegisterForLiveSessionResponse>()(
  'registerForLiveSession',
  z.strictObject({
    sessionId: documentId('sessionId'),
    action: z.enum(['register', 'unregister'], { error: 'action must be "register" or "unregister"' }),
  }),
);

/** Host only: { sessionId } → the session goes live (and its LiveKit room is created). */
export const startLiveSession = defineCallable<StartLiveSessionResponse>()(
  'startLiveSession',
  sessionIdInput,
);

/** Host or admin: { sessionId } → live → ended; attendance closed, points awarded, feedback asked. */
export const endLiveSession = defineCallable<EndLiveSessionResponse>()('endLiveSession', sessionIdInput);

/** Host or admin: { sessionId } → scheduled → cancelled; registered users get a CANCEL invite. */
export const cancelLiveSession = defineCallable<CancelLiveSessionResponse>()(
  'cancelLiveSession',
  sessionIdInput,
);

/** { sessionId } → a 10-minute LiveKit join token for the host, registered users and enrolled learners. */
export const getLiveKitToken = defineCallable<LiveKitTokenResponse>()('getLiveKitToken', sessionIdInput);

/**
 * mute: their microphone; remove: out of the room for the rest of the session (recorded, so
 * getLiveKitToken refuses them); promote / demote: allowed to speak or not, changed in place in
 * the LiveKit room (updateParticipant), no reconnect.
 */
export const PARTICIPANT_ACTIONS = ['mute', 'remove', 'promote', 'demote'] as const;
export type ParticipantAction = (typeof PARTICIPANT_ACTIONS)[number];

export interface ModerateLiveParticipantResponse {
  sessionId: string;
  uid: string;
  action: ParticipantAction;
  tracksMuted: number;
  /** Whether the LiveKit room had them connected (and applied the change there). */
  inRoom: boolean;
}

/** Host only: { sessionId, uid, action: 'mute' | 'remove' | 'promote' | 'demote' } someone in the room. */
export const moderateLiveParticipant = defineCallable<ModerateLiveParticipantResponse>()(
  'moderateLiveParticipant',
  z.strictObject({
    sessionId: documentId('sessionId'),
    uid: userId('uid'),
    action: z.enum(PARTICIPANT_ACTIONS, {
      error: 'action must be "mute", "remove", "promote" or "demote"',
    }),
  }),
);

/** Host and course instructor: { sessionId, questionId, lectureId } → the answered question as a lecture FAQ entry. */
export const publishSessionFaq = defineCallable<PublishSessionFaqResponse>()(
  'publishSessionFaq',
  z.strictObject({
    sessionId: documentId('sessionId'),
    questionId: documentId('questionId'),
    lectureId: documentId('lectureId'),
  }),
);

/** Host and course instructor: { sessionId, questionId } → the question's FAQ entry removed. */
export const unpublishSessionFaq = defineCallable<UnpublishSessionFaqResponse>()(
  'unpublishSessionFaq',
  z.strictObject({ sessionId: documentId('sessionId'), questionId: documentId('questionId') }),
);

// Recordings (issue 16, item 1; docs/live.md "Recordings").

export interface SetSessionRecordingLinkResponse {
  sessionId: string;
  url: string | null;
  /** False when the link was already that (a repeat changes nothing). */
  changed: boolean;
  /** People told about a link that arrived after the follow-up went out (0 otherwise, and on repeats). */
  announced: number;
}

/** Host or admin, after the session ended: { sessionId, url } sets the link; url: null removes it. */
export const setSessionRecordingLink = defineCallable<SetSessionRecordingLinkResponse>()(
  'setSessionRecordingLink',
  z.strictObject({
    sessionId: documentId('sessionId'),
    url: z
      .string({ error: RECORDING_URL_MESSAGE })
      .trim()
      .refine(isRecordingUrl, { error: RECORDING_URL_MESSAGE })
      .nullable(),
  }),
);

export interface SessionRecordingControlResponse {
  sessionId: string;
  egressId: string;
  state: EgressState;
}

/** Host only, while live, with LiveKit and a recordings bucket configured: starts cloud recording. */
export const startSessionRecording = defineCallable<SessionRecordingControlResponse>()(
  'startSessionRecording',
  sessionIdInput,
);

/** Host only: stops the running cloud recording (the link is filled in when the egress ends). */
export const stopSessionRecording = defineCallable<SessionRecordingControlResponse>()(
  'stopSessionRecording',
  sessionIdInput,
);
