// Session recordings (issue 16, item 1; docs/live.md "Recordings").
//
// The link lives in liveSessions/{id}/private/recording (the session itself is public; the link is
// for the people the session was for: rules let the host, admins, registrants and attendees read
// it; only these functions write it). Two ways it gets there:
// - the host (or an admin) sets, changes or removes it after the session ended
//   (setSessionRecordingLink);
// - a cloud recording (LiveKit Egress, room composite to LIVEKIT_RECORDINGS_BUCKET) the host
//   started and stopped in the room ends: the egress_ended webhook fills it in, unless the host
//   set a link of their own.
// A link that arrives after the session's follow-up went out (followUpsSentAt) is announced once
// to everyone registered or present (notification id recording_{sessionId}); before that, the
// follow-up itself carries it.
import {
  CLOUD_RECORDING_NEEDS_BUCKET,
  CLOUD_RECORDING_NEEDS_LIVEKIT,
  type EgressState,
  egressRecordingUrl,
  egressStateOf,
  type RecordingSource,
  recordingFilePath,
  type SessionEgress,
  storedEgressState,
} from '@skillverse/domain/live-recording';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  SessionRecordingControlResponse,
  SetSessionRecordingLinkResponse,
  setSessionRecordingLink as setLinkContract,
} from '@skillverse/domain/contracts/live';
import { str } from '@skillverse/domain/fields';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type { Caller } from '../lib/errors';
import { forEachDocPage, runCallableTransaction, toDate } from '../lib/firestore';
import { requireActiveUser } from '../lib/guards';
import { mapLimit } from '../lib/map-limit';
import { attendanceCol, recordingRef, registrationsCol, sessionRef } from '../lib/data/live-sessions';
import { notify } from '../notifications/notify';
import { type LiveKitConfig, liveKitHttpUrl, type RecordingsConfig, videoConfigured } from './livekit-config';
import type { LiveDeps } from './register';
import { loadSession, requireHost, type SessionDoc, sessionLink } from './session';
import type { SessionIdInput } from './start';

export type SetRecordingLinkInput = ParsedRequestOf<typeof setLinkContract>;

/** The stored recording document, as the handlers read it. */
export interface RecordingDoc {
  url: string | null;
  source: RecordingSource | null;
  announcedAt: Date | null;
  egress: (SessionEgress & { startedBy: string }) | null;
}

export function parseRecording(snap: DocumentSnapshot): RecordingDoc {
  const e = snap.get('egress') as Record<string, unknown> | null | undefined;
  const source = snap.get('source');
  return {
    url: str(snap.get('url')) || null,
    source: source === 'host' || source === 'egress' ? source : null,
    announcedAt: toDate(snap.get('announcedAt')),
    egress:
      e && typeof e === 'object'
        ? {
            id: str(e.id),
            state: storedEgressState(e.state),
            startedAt: toDate(e.startedAt),
            endedAt: toDate(e.endedAt),
            error: str(e.error),
            startedBy: str(e.startedBy),
          }
        : null,
  };
}

/** A start claimed this long ago without an egress id was cut off: another start may take over. */
export const START_CLAIM_MS = 60_000;

/** The part of LiveKit's EgressClient recording uses (tests point the real client at a fake server). */
export interface EgressService {
  startRoomCompositeEgress(
    roomName: string,
    output: { bucket: string; credentials: string; filepath: string },
  ): Promise<{ egressId: string; status: unknown }>;
  stopEgress(egressId: string): Promise<{ egressId: string; status: unknown }>;
}

/** LiveKit's EgressClient: a room composite (grid layout) MP4 uploaded to the GCS bucket. */
export async function createEgressService(config: LiveKitConfig): Promise<EgressService> {
  const { EgressClient, EncodedFileOutput, GCPUpload } = await import('livekit-server-sdk');
  const client = new EgressClient(liveKitHttpUrl(config.url), config.apiKey, config.apiSecret);
  return {
    async startRoomCompositeEgress(roomName, output) {
      const file = new EncodedFileOutput({
        filepath: output.filepath,
        output: {
          case: 'gcp',
          value: new GCPUpload({ bucket: output.bucket, credentials: output.credentials }),
        },
      });
      const info = await client.startRoomCompositeEgress(roomName, file, { layout: 'grid' });
      return { egressId: info.egressId, status: info.status };
    },
    async stopEgress(egressId) {
      const info = await client.stopEgress(egressId);
      return { egressId: info.egressId, status: info.status };
    },
  };
}

function afterEndMessage(status: SessionDoc['status']): string {
  if (status === 'cancelled') return 'This session was cancelled; it has no recording.';
  return 'You can add a recording link once the session has ended.';
}

/** Host or admin, once the session ended: sets (url) or removes (null) the recording link. */
export async function setSessionRecordingLink(
  deps: LiveDeps,
  caller: Caller,
  input: SetRecordingLinkInput,
): Promise<SetSessionRecordingLinkResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const ref = sessionRef(db, input.sessionId);
  const session = await loadSession(ref);
  requireHost(session, caller, { allowAdmin: true });
  if (session.status !== 'ended')
    throw new HttpsError('failed-precondition', afterEndMessage(session.status));
  const url = input.url;
  const recording = recordingRef(db, session.id);
  const changed = await runCallableTransaction(db, async (tx) => {
    const current = parseRecording(await tx.get(recording));
    if (current.url === url) return false;
    tx.set(
      recording,
      { url, source: url ? 'host' : null, updatedAt: now, updatedBy: caller.uid },
      { merge: true },
    );
    return true;
  });
  const announced = url ? await announceLateRecording(deps, session.id) : 0;
  logger.info('recording link set', {
    sessionId: session.id,
    by: caller.uid,
    removed: !url,
    changed,
    announced,
  });
  return { sessionId: session.id, url, changed, announced };
}

/**
 * When the follow-up already went out without the recording, tells everyone registered or present
 * (not the host) once. Idempotent: deterministic notification ids, and `announcedAt` afterwards.
 */
export async function announceLateRecording(deps: LiveDeps, sessionId: string): Promise<number> {
  const { db, now } = deps;
  const ref = sessionRef(db, sessionId);
  const [sessionSnap, recordingSnap] = await Promise.all([ref.get(), recordingRef(db, sessionId).get()]);
  if (!sessionSnap.exists || sessionSnap.get('status') !== 'ended') return 0;
  if (!sessionSnap.get('followUpsSentAt')) return 0;
  const recording = parseRecording(recordingSnap);
  if (!recording.url || recording.announcedAt) return 0;
  const hostId = str(sessionSnap.get('hostId'));
  const title = str(sessionSnap.get('title')) || 'your live session';
  const people = new Set<string>();
  await forEachDocPage(attendanceCol(ref), 200, async (docs) => {
    for (const d of docs) people.add(d.id);
  });
  await forEachDocPage(registrationsCol(ref), 200, async (docs) => {
    for (const d of docs) people.add(d.id);
  });
  people.delete(hostId);
  await mapLimit([...people], 10, (uid) =>
    notify(
      db,
      {
        uid,
        type: 'session_reminder',
        id: `recording_${sessionId}`,
        title: `Recording of ${title}`,
        body: 'The recording is ready on the session page.',
        link: `${sessionLink(sessionId)}#recording`,
      },
      deps,
    ).then(() => undefined),
  );
  await recordingRef(db, sessionId).set({ announcedAt: now }, { merge: true });
  return people.size;
}

export interface RecordingControlDeps extends LiveDeps {
  livekit: LiveKitConfig;
  recordings: RecordingsConfig;
  egress?: EgressService;
}

function requireCloudRecording(deps: RecordingControlDeps): void {
  if (!videoConfigured(deps.livekit))
    throw new HttpsError('failed-precondition', CLOUD_RECORDING_NEEDS_LIVEKIT);
  if (!deps.recordings.bucket) throw new HttpsError('failed-precondition', CLOUD_RECORDING_NEEDS_BUCKET);
}

/** A new egress replaces the whole egress map (merge would keep an earlier egress's stop fields). */
function egressFields(e: SessionEgress & { startedBy: string; filepath?: string }) {
  return { egress: { ...e, stoppedAt: null, stoppedBy: null } };
}

/** Host only, while live in the LiveKit room: starts a room composite egress to the bucket. */
export async function startSessionRecording(
  deps: RecordingControlDeps,
  caller: Caller,
  input: SessionIdInput,
): Promise<SessionRecordingControlResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const ref = sessionRef(db, input.sessionId);
  const session = await loadSession(ref);
  requireHost(session, caller);
  requireCloudRecording(deps);
  if (session.status !== 'live' || session.attendanceSource !== 'livekit') {
    throw new HttpsError(
      'failed-precondition',
      'Cloud recording runs while the session is live in its video room.',
    );
  }
  if (!session.recordingEnabled) {
    throw new HttpsError(
      'failed-precondition',
      'Recording is off for this session: attendees registered for a session that is not recorded. Turn it on in the session’s details first.',
    );
  }
  const recording = recordingRef(db, session.id);
  const filepath = recordingFilePath(session.id, now);
  // Claim the start in a transaction, so two clicks (or two tabs) start one egress.
  const claim = await runCallableTransaction(db, async (tx) => {
    const current = parseRecording(await tx.get(recording)).egress;
    if (current && (current.state === 'active' || current.state === 'starting')) {
      const cutOff =
        current.state === 'starting' &&
        !current.id &&
        now.getTime() - (current.startedAt?.getTime() ?? 0) > START_CLAIM_MS;
      if (!cutOff) return { running: current };
    }
    tx.set(
      recording,
      egressFields({
        id: '',
        state: 'starting',
        startedAt: now,
        endedAt: null,
        error: '',
        startedBy: caller.uid,
        filepath,
      }),
      { merge: true },
    );
    return { running: null };
  });
  if (claim.running) {
    return { sessionId: session.id, egressId: claim.running.id, state: claim.running.state };
  }
  let info: { egressId: string; status: unknown };
  try {
    const egress = deps.egress ?? (await createEgressService(deps.livekit));
    info = await egress.startRoomCompositeEgress(session.id, {
      bucket: deps.recordings.bucket,
      credentials: deps.recordings.credentials,
      filepath,
    });
  } catch (error) {
    logger.error('LiveKit startRoomCompositeEgress failed', { sessionId: session.id, error: String(error) });
    await recording.set(
      egressFields({
        id: '',
        state: 'failed',
        startedAt: now,
        endedAt: now,
        error: 'The recording server did not start the recording.',
        startedBy: caller.uid,
        filepath,
      }),
      { merge: true },
    );
    throw new HttpsError(
      'unavailable',
      'The recording server did not answer. Try starting the recording again.',
    );
  }
  const state: EgressState = egressStateOf(info.status) === 'active' ? 'active' : 'starting';
  await recording.set(
    egressFields({
      id: info.egressId,
      state,
      startedAt: now,
      endedAt: null,
      error: '',
      startedBy: caller.uid,
      filepath,
    }),
    { merge: true },
  );
  logger.info('cloud recording started', { sessionId: session.id, egressId: info.egressId });
  return { sessionId: session.id, egressId: info.egressId, state };
}

/** Host (or admin): stops the running egress. The link comes with egress_ended. */
export async function stopSessionRecording(
  deps: RecordingControlDeps,
  caller: Caller,
  input: SessionIdInput,
): Promise<SessionRecordingControlResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const session = await loadSession(sessionRef(db, input.sessionId));
  requireHost(session, caller, { allowAdmin: true });
  requireCloudRecording(deps);
  const recording = recordingRef(db, session.id);
  const current = parseRecording(await recording.get()).egress;
  if (!current)
    throw new HttpsError('failed-precondition', 'No cloud recording was started for this session.');
  if (current.state !== 'active' && current.state !== 'starting') {
    // Already stopping or ended: a repeat changes nothing.
    return { sessionId: session.id, egressId: current.id, state: current.state };
  }
  if (!current.id) {
    throw new HttpsError(
      'failed-precondition',
      'The recording is still starting. Try stopping it again in a moment.',
    );
  }
  let info: { egressId: string; status: unknown };
  try {
    const egress = deps.egress ?? (await createEgressService(deps.livekit));
    info = await egress.stopEgress(current.id);
  } catch (error) {
    logger.error('LiveKit stopEgress failed', {
      sessionId: session.id,
      egressId: current.id,
      error: String(error),
    });
    throw new HttpsError(
      'unavailable',
      'The recording server did not answer. Try stopping the recording again.',
    );
  }
  const reported = egressStateOf(info.status);
  const state: EgressState = reported === 'complete' || reported === 'failed' ? reported : 'stopping';
  await runCallableTransaction(db, async (tx) => {
    const latest = parseRecording(await tx.get(recording)).egress;
    // egress_ended may have landed meanwhile: never move an ended egress back to stopping.
    if (!latest || latest.id !== current.id || latest.state === 'complete' || latest.state === 'failed')
      return;
    tx.set(recording, { egress: { state, stoppedAt: now, stoppedBy: caller.uid } }, { merge: true });
  });
  logger.info('cloud recording stopped', { sessionId: session.id, egressId: current.id });
  return { sessionId: session.id, egressId: current.id, state };
}

/** What the webhook needs from an egress_ended event. */
export interface EgressEndedEvent {
  egressId: string;
  roomName: string;
  status: unknown;
  error: string;
  file: { filename: string; location: string } | null;
  at: Date;
}

/**
 * Applies egress_ended inside the webhook's claim (the caller marks the event done): the egress's
 * final state, and — for a complete one — the link, unless the host set one of their own.
 * Returns whether the link changed.
 */
export async function applyEgressEnded(
  db: Firestore,
  event: EgressEndedEvent,
  bucket: string,
  now: Date,
): Promise<{ ignored?: string; linked: boolean; state: EgressState }> {
  const state = egressStateOf(event.status);
  const ref = sessionRef(db, event.roomName);
  const recording = recordingRef(db, event.roomName);
  return runCallableTransaction(db, async (tx) => {
    const [sessionSnap, recordingSnap] = await Promise.all([tx.get(ref), tx.get(recording)]);
    if (!sessionSnap.exists) return { ignored: 'unknown session', linked: false, state };
    const current = parseRecording(recordingSnap);
    const update: Record<string, unknown> = {};
    if (current.egress?.id === event.egressId) {
      update.egress = {
        state,
        endedAt: event.at,
        error: state === 'failed' ? event.error.slice(0, 500) : '',
      };
    }
    const url = state === 'complete' ? egressRecordingUrl(event.file, bucket) : null;
    const linked = Boolean(url) && current.source !== 'host' && current.url !== url;
    if (linked) Object.assign(update, { url, source: 'egress', updatedAt: now, updatedBy: 'livekit' });
    if (Object.keys(update).length > 0) tx.set(recording, update, { merge: true });
    return { linked, state };
  });
}
