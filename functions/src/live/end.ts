// Ending a session — one helper for endLiveSession, LiveKit's room_finished and the overrun job:
// live → ended, open attendance closed, points for the host and attendees (each once), and a
// thank-you with the feedback link. Every step is idempotent, so repeats change nothing twice.
import { pointEventId } from '@skillverse/domain/gamification';
import {
  type AttendanceState,
  type CancelLiveSessionResponse,
  closeAttendance,
  type EndLiveSessionResponse,
} from '@skillverse/domain/live';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { awardPoints } from '../gamification/award-points';
import type { Caller } from '../lib/errors';
import { forEachDocPage, toDate } from '../lib/firestore';
import { requireActiveUser } from '../lib/guards';
import { type NotifyDeps, notify } from '../notifications/notify';
import type { LiveDeps } from './register';
import type { RoomService, SessionIdInput } from './start';
import { icsAttachment, loadSession, requireHost, type SessionDoc, sessionIcs, sessionLink } from './session';
import { mapLimit } from '../lib/map-limit';
import { attendanceCol, presenceCol, registrationsCol, sessionRef } from '../lib/data/live-sessions';

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

/**
 * Ends a live session. Returns false when it was not live (already ended: the follow-up steps
 * still run, idempotently, to finish an earlier attempt that failed half-way).
 */
export async function endSession(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  sessionId: string,
  endedBy: EndedBy,
): Promise<{ ended: boolean; attendees: number; session: SessionDoc }> {
  const { db, now } = deps;
  const ref = sessionRef(db, sessionId);
  const { ended, session } = await db.runTransaction(async (tx) => {
    const current = await loadSession(ref, tx);
    if (current.status === 'live') {
      tx.update(ref, { status: 'ended', endedAt: now, endedBy, updatedAt: now });
      return { ended: true, session: { ...current, status: 'ended' as const } };
    }
    return { ended: false, session: current };
  });
  if (session.status !== 'ended') return { ended: false, attendees: 0, session };
  const endedAt = ended ? now : (toDate((await ref.get()).get('endedAt')) ?? now);

  // Attendance without LiveKit: the room's presence heartbeats stand in for webhooks.
  await forEachDocPage(presenceCol(ref), 200, (docs) =>
    mapLimit(docs, 10, async (doc) => {
      const uid = doc.id;
      if (uid === session.hostId) return;
      const joinedAt = toDate(doc.get('joinedAt'));
      const lastSeenAt = toDate(doc.get('lastSeenAt')) ?? joinedAt;
      if (!joinedAt || !lastSeenAt) return;
      const attendance = attendanceCol(ref).doc(uid);
      await db.runTransaction(async (tx) => {
        if ((await tx.get(attendance)).exists) return;
        tx.create(attendance, {
          uid,
          displayName: String(doc.get('displayName') ?? ''),
          joinedAt,
          leftAt: lastSeenAt,
          totalSec: Math.max(0, Math.round((lastSeenAt.getTime() - joinedAt.getTime()) / 1000)),
          sessions: 1,
          openSince: null,
          source: 'presence',
        });
      });
    }),
  );

  await awardPoints(
    db,
    session.hostId,
    { eventId: pointEventId.sessionHosted(session.id), reason: 'session_hosted', refPath: ref.path },
    now,
  );

  let attendees = 0;
  await forEachDocPage(attendanceCol(ref), 200, (docs) =>
    mapLimit(docs, 10, async (doc) => {
      const uid = doc.id;
      const state = attendanceFromDoc(doc);
      if (state.openSince) {
        const closed = closeAttendance(state, endedAt);
        await doc.ref.update({ leftAt: closed.leftAt, totalSec: closed.totalSec, openSince: null });
      }
      if (uid === session.hostId) return;
      attendees += 1;
      await awardPoints(
        db,
        uid,
        { eventId: pointEventId.sessionAttended(session.id), reason: 'session_attended', refPath: ref.path },
        now,
      );
      await notify(
        db,
        {
          uid,
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
  logger.info('live session ended', { sessionId: session.id, endedBy, ended, attendees });
  return { ended, attendees, session };
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
  return { sessionId: session.id, status: 'ended', attendees: result.attendees };
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
  const changed = await db.runTransaction(async (tx) => {
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
    const ics = sessionIcs(session, { now, method: 'CANCEL', baseUrl: deps.appUrl });
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
            email: {
              subject: `Cancelled: ${session.title}`,
              text: `${session.title} has been cancelled. The attached update removes it from your calendar.`,
              attachments: [icsAttachment(ics, 'CANCEL')],
            },
          },
          deps,
        );
      }),
    );
  }
  return { sessionId: session.id, status: 'cancelled' };
}
