// Ending a session — one helper for endLiveSession, LiveKit's room_finished and the overrun job:
// live → ended, open attendance closed, points for the host and attendees (each once), and a
// thank-you with the feedback link. Every step is idempotent, so repeats change nothing twice.
import { pointEventId } from '@skillverse/domain/gamification';
import {
  type AttendanceState,
  attendanceQualifies,
  type CancelLiveSessionResponse,
  clampToWindow,
  closeAttendance,
  type EndLiveSessionResponse,
  type HostingVerdict,
  hostingVerdict,
  type LiveWindow,
  presencePresentSec,
  secondsInWindow,
} from '@skillverse/domain/live';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { awardPoints } from '../gamification/award-points';
import type { Caller } from '../lib/errors';
import { forEachDocPage, runCallableTransaction, toDate } from '../lib/firestore';
import { requireActiveUser } from '../lib/guards';
import { type NotifyDeps, notify } from '../notifications/notify';
import type { LiveDeps } from './register';
import type { RoomService, SessionIdInput } from './start';
import {
  formatWhen,
  icsAttachment,
  loadSession,
  requireHost,
  type SessionDoc,
  sessionIcs,
  sessionLink,
} from './session';
import { mapLimit } from '../lib/map-limit';
import { attendanceCol, presenceCol, registrationsCol, sessionRef } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';

export function attendanceFromDoc(snap: DocumentSnapshot): AttendanceState {
  return {
    joinedAt: toDate(snap.get('joinedAt')),
    leftAt: toDate(snap.get('leftAt')),
    totalSec: Number(snap.get('totalSec') ?? 0) || 0,
    sessions: Number(snap.get('sessions') ?? 0) || 0,
    openSince: toDate(snap.get('openSince')),
  };
}

export type EndedBy = 'host' | 'admin' | 'room_finished' | 'job';

export interface EndResult {
  ended: boolean;
  /** People other than the host with an attendance record. */
  attendees: number;
  /** Of those, the ones present long enough to earn attendance points. */
  qualifiedAttendees: number;
  hosting: HostingVerdict | null;
  session: SessionDoc;
}

/**
 * Ends a live session. Returns ended: false when it was not live (already ended: the follow-up
 * steps still run, idempotently, to finish an earlier attempt that failed half-way).
 *
 * Rules of the game (docs/live.md): attendance is what the platform observed — LiveKit webhooks
 * when the session had a video room, else presence heartbeats written while it was live — clamped
 * to the live window (startedAt..endedAt, server time). An attendee earns session_attended after
 * attendanceMinSec present; the host earns session_hosted only when hostingVerdict says so. Points
 * use deterministic ledger ids, so repeats award nothing twice.
 */
export async function endSession(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  sessionId: string,
  endedBy: EndedBy,
): Promise<EndResult> {
  const { db, now } = deps;
  const ref = sessionRef(db, sessionId);
  const { ended, session } = await runCallableTransaction(db, async (tx) => {
    const current = await loadSession(ref, tx);
    if (current.status === 'live') {
      // Never before the start (the overrun job passes the scheduled end, which a late start passes).
      const endedAt =
        current.startedAt && current.startedAt.getTime() > now.getTime() ? current.startedAt : now;
      tx.update(ref, { status: 'ended', endedAt, endedBy, updatedAt: now });
      return { ended: true, session: { ...current, status: 'ended' as const, endedAt } };
    }
    return { ended: false, session: current };
  });
  if (session.status !== 'ended') {
    return { ended: false, attendees: 0, qualifiedAttendees: 0, hosting: null, session };
  }
  const endedAt = session.endedAt ?? now;
  const window: LiveWindow = { startedAt: session.startedAt, endedAt };
  const windowSec = session.startedAt ? secondsInWindow(session.startedAt, endedAt, window) : 0;

  // Attendance without LiveKit: the room's presence heartbeats (rules: written only while live, at
  // server time) stand in for webhooks. With a video room, only LiveKit's signed events count.
  if (session.attendanceSource !== 'livekit') {
    await forEachDocPage(presenceCol(ref), 200, (docs) =>
      mapLimit(docs, 10, async (doc) => {
        const uid = doc.id;
        if (uid === session.hostId) return;
        const joinedAt = toDate(doc.get('joinedAt'));
        const lastSeenAt = toDate(doc.get('lastSeenAt')) ?? joinedAt;
        if (!joinedAt || !lastSeenAt) return;
        const totalSec = presencePresentSec(
          { joinedAt, lastSeenAt, earlierSec: Number(doc.get('earlierSec') ?? 0) || 0 },
          window,
        );
        const attendance = attendanceCol(ref).doc(uid);
        await runCallableTransaction(db, async (tx) => {
          if ((await tx.get(attendance)).exists) return;
          tx.create(attendance, {
            uid,
            displayName: await profileName(db, uid),
            joinedAt: clampToWindow(joinedAt, window),
            leftAt: clampToWindow(lastSeenAt, window),
            totalSec,
            sessions: 1,
            openSince: null,
            source: 'presence',
          });
        });
      }),
    );
  }

  let attendees = 0;
  const presentSecs: number[] = [];
  const qualifiedUids: string[] = [];
  await forEachDocPage(attendanceCol(ref), 200, (docs) =>
    mapLimit(docs, 10, async (doc) => {
      const uid = doc.id;
      let state = attendanceFromDoc(doc);
      if (state.openSince) state = closeAttendance(state, clampToWindow(endedAt, window));
      const presentSec = Math.min(state.totalSec, windowSec);
      const qualified = uid !== session.hostId && attendanceQualifies(presentSec, session.durationMin);
      await doc.ref.update({
        leftAt: state.leftAt,
        totalSec: state.totalSec,
        openSince: null,
        presentSec,
        qualified,
      });
      if (uid === session.hostId) return;
      attendees += 1;
      presentSecs.push(presentSec);
      if (qualified) qualifiedUids.push(uid);
    }),
  );

  const hosting = hostingVerdict({
    window,
    durationMin: session.durationMin,
    attendeePresentSec: presentSecs,
  });
  await ref.update({
    hosting: {
      earned: hosting.earned,
      reason: hosting.reason,
      ranSec: hosting.ranSec,
      qualifiedAttendees: hosting.qualifiedAttendees,
      attendeeMinSec: hosting.attendeeMinSec,
    },
  });
  if (hosting.earned) {
    await awardPoints(
      db,
      session.hostId,
      { eventId: pointEventId.sessionHosted(session.id), reason: 'session_hosted', refPath: ref.path },
      now,
    );
  }

  await mapLimit(qualifiedUids, 10, (uid) =>
    awardPoints(
      db,
      uid,
      { eventId: pointEventId.sessionAttended(session.id), reason: 'session_attended', refPath: ref.path },
      now,
    ).then(() => undefined),
  );
  // Everyone the platform saw in the room is thanked and asked for feedback.
  await forEachDocPage(attendanceCol(ref), 200, (docs) =>
    mapLimit(docs, 10, async (doc) => {
      if (doc.id === session.hostId) return;
      await notify(
        db,
        {
          uid: doc.id,
          type: 'session_reminder',
          id: `ended_${session.id}`,
          title: `Thanks for joining ${session.title}`,
          body: 'How was it? Leave feedback for the host.',
          link: `${sessionLink(session.id)}#feedback`,
        },
        deps,
      );
    }),
  );
  logger.info('live session ended', {
    sessionId: session.id,
    endedBy,
    ended,
    attendees,
    qualified: qualifiedUids.length,
    hostingEarned: hosting.earned,
  });
  return { ended, attendees, qualifiedAttendees: qualifiedUids.length, hosting, session };
}

/** The display name on the user's profile (never a name the client wrote into presence). */
async function profileName(db: Firestore, uid: string): Promise<string> {
  const snap = await userRef(db, uid).get();
  return String(snap.get('displayName') ?? '');
}

export interface EndDeps extends LiveDeps {
  roomService?: RoomService | null;
}

export async function endLiveSession(
  deps: EndDeps,
  caller: Caller,
  input: SessionIdInput,
): Promise<EndLiveSessionResponse> {
  await requireActiveUser(deps.db, caller.uid);
  const session = await loadSession(sessionRef(deps.db, input.sessionId));
  requireHost(session, caller, { allowAdmin: true });
  if (session.status !== 'live' && session.status !== 'ended') {
    throw new HttpsError(
      'failed-precondition',
      `This session is ${session.status}; only a live session can end.`,
    );
  }
  const result = await endSession(deps, session.id, session.hostId === caller.uid ? 'host' : 'admin');
  if (result.ended && deps.roomService) {
    try {
      await deps.roomService.deleteRoom(session.id);
    } catch (error) {
      logger.warn('LiveKit deleteRoom failed (the room empties on its own)', {
        sessionId: session.id,
        error: String(error),
      });
    }
  }
  return {
    sessionId: session.id,
    status: 'ended',
    attendees: result.attendees,
    qualifiedAttendees: result.qualifiedAttendees,
    hosting: {
      earned: result.hosting?.earned ?? false,
      reason: result.hosting?.reason ?? 'No hosting points: the session did not end.',
    },
  };
}

/** The host (or an admin) cancels a scheduled session; registered users are told, with a CANCEL invite. */
export async function cancelLiveSession(
  deps: LiveDeps,
  caller: Caller,
  input: SessionIdInput,
): Promise<CancelLiveSessionResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const ref = sessionRef(db, input.sessionId);
  const session = await loadSession(ref);
  requireHost(session, caller, { allowAdmin: true });
  const changed = await runCallableTransaction(db, async (tx) => {
    const current = await loadSession(ref, tx);
    if (current.status === 'cancelled') return false;
    if (current.status !== 'scheduled') {
      throw new HttpsError(
        'failed-precondition',
        `This session is ${current.status}; only a scheduled session can be cancelled.`,
      );
    }
    tx.update(ref, { status: 'cancelled', cancelledAt: now, cancelledBy: caller.uid, updatedAt: now });
    return true;
  });
  if (changed) {
    await forEachDocPage(registrationsCol(ref), 200, (docs) =>
      mapLimit(docs, 10, async (doc) => {
        await notify(
          db,
          {
            uid: doc.id,
            type: 'session_scheduled',
            id: `cancelled_${session.id}`,
            title: `Cancelled: ${session.title}`,
            body: `${session.hostName || 'The host'} has cancelled this live session.`,
            link: sessionLink(session.id),
            // The CANCEL names its attendee (RFC 5546 §3.2.5); the time is in their zone.
            localize: (r) => ({
              email: {
                subject: `Cancelled: ${session.title}`,
                text: `${session.title} (${formatWhen(session.scheduledAt, r.timeZone)}) has been cancelled. The attached update removes it from your calendar.`,
                attachments: r.email
                  ? [
                      icsAttachment(
                        sessionIcs(session, {
                          now,
                          method: 'CANCEL',
                          baseUrl: deps.appUrl,
                          attendee: { email: r.email },
                        }),
                      ),
                    ]
                  : [],
              },
            }),
          },
          deps,
        );
      }),
    );
  }
  return { sessionId: session.id, status: 'cancelled' };
}
