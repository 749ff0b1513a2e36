import {
  setSessionRecordingLink as setLinkContract,
  startSessionRecording as startContract,
  stopSessionRecording as stopContract,
} from '@skillverse/domain/contracts/live';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import {
  LIVEKIT_RECORDINGS_CREDENTIALS,
  LIVEKIT_SECRETS,
  liveKitConfig,
  recordingsConfig,
} from './livekit-config';
import {
  setSessionRecordingLink as setLinkHandler,
  startSessionRecording as startHandler,
  stopSessionRecording as stopHandler,
} from './recording';

/** Host or admin, after the session ended: { sessionId, url } sets the recording link; null removes it. */
export const setSessionRecordingLink = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(setLinkContract.input, request.data);
    return setLinkHandler({ db: db(), now: new Date() }, caller, input);
  },
);

/** Host only, while live: starts cloud recording (LiveKit Egress to LIVEKIT_RECORDINGS_BUCKET). */
export const startSessionRecording = onCall(
  { secrets: [...LIVEKIT_SECRETS, LIVEKIT_RECORDINGS_CREDENTIALS], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(startContract.input, request.data);
    return startHandler(
      { db: db(), now: new Date(), livekit: liveKitConfig(), recordings: recordingsConfig() },
      caller,
      input,
    );
  },
);

/** Host (or admin): stops the cloud recording; the link is filled in when the egress ends. */
export const stopSessionRecording = onCall(
  { secrets: [...LIVEKIT_SECRETS, LIVEKIT_RECORDINGS_CREDENTIALS], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(stopContract.input, request.data);
    return stopHandler(
      { db: db(), now: new Date(), livekit: liveKitConfig(), recordings: recordingsConfig() },
      caller,
      input,
    );
  },
);
