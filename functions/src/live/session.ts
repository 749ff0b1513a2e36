// Shared pieces of the live-session handlers: reading a session, who may be in its room, and
// the calendar invite attached to emails.
import { num, str } from '@skillverse/domain/fields';
import { formatEmailTime } from '@skillverse/domain/email';
import { buildIcs, type IcsMethod, liveSessionIcsUid } from '@skillverse/domain/ics';
import { sessionEndsAt } from '@skillverse/domain/live';
import { LIVE_SESSION_STATUSES, type LiveSessionStatus } from '@skillverse/domain/models';
import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL } from '../config/params';
import type { Caller } from '../lib/errors';
import { notFound } from '../lib/errors';
import { toDate } from '../lib/firestore';
import { enrollmentRef } from '../lib/data/enrollments';

export interface SessionDoc {
  id: string;
  hostId: string;
  hostName: string;
  title: string;
  description: string;
  courseId: string | null;
  scheduledAt: Date;
  durationMin: number;
  capacity: number;
  status: LiveSessionStatus;
  registeredCount: number;
  recordingEnabled: boolean;
  createdAt: Date | null;
  /** Server time the session went live / ended (null before). */
  startedAt: Date | null;
  endedAt: Date | null;
  /** Where attendance evidence comes from, set when it went live (null: older sessions → presence). */
  attendanceSource: 'livekit' | 'presence' | null;
}

export function parseSession(snap: DocumentSnapshot): SessionDoc {
  const d = snap.data() ?? {};
  const status = (LIVE_SESSION_STATUSES as readonly unknown[]).includes(d.status)
    ? (d.status as LiveSessionStatus)
    : 'scheduled';
  return {
    id: snap.id,
    hostId: str(d.hostId),
    hostName: str(d.hostName),
    title: str(d.title),
    description: str(d.description),
    courseId: typeof d.courseId === 'string' && d.courseId ? d.courseId : null,
    scheduledAt: toDate(d.scheduledAt) ?? new Date(0),
    durationMin: num(d.durationMin, 60),
    capacity: num(d.capacity, 0),
    status,
    registeredCount: num(d.registeredCount, 0),
    recordingEnabled: d.recordingEnabled === true,
    createdAt: toDate(d.createdAt),
    startedAt: toDate(d.startedAt),
    endedAt: toDate(d.endedAt),
    attendanceSource:
      d.attendanceSource === 'livekit' || d.attendanceSource === 'presence' ? d.attendanceSource : null,
  };
}

/** Reads the session (inside `tx` when given), or throws not-found. */
export async function loadSession(ref: DocumentReference, tx?: Transaction): Promise<SessionDoc> {
  const snap = await (tx ? tx.get(ref) : ref.get());
  if (!snap.exists) throw notFound('The live session');
  return parseSession(snap);
}

export function isAdminCaller(caller: Caller): boolean {
  return caller.token.admin === true;
}

/** The host, or an admin (who may end or cancel any session). */
export function requireHost(session: SessionDoc, caller: Caller, { allowAdmin = false } = {}): void {
  if (session.hostId === caller.uid) return;
  if (allowAdmin && isAdminCaller(caller)) return;
  throw new HttpsError('permission-denied', 'Only the host of this session can do this.');
}

/** An active enrolment in the session's linked course. */
export async function isEnrolledInLinkedCourse(
  db: Firestore,
  session: SessionDoc,
  uid: string,
): Promise<boolean> {
  if (!session.courseId) return false;
  const snap = await enrollmentRef(db, session.courseId, uid).get();
  return snap.exists && snap.get('status') === 'active';
}

export function appUrl(): string {
  return (APP_URL.value() || DEFAULT_APP_URL).replace(/\/$/, '');
}

export const sessionLink = (sessionId: string) => `/live-sessions/${sessionId}`;
export const roomLink = (sessionId: string) => `/live/${sessionId}`;

/** Seconds since the session was created: increases with every later version of the invite. */
export function icsSequence(session: SessionDoc, now: Date): number {
  const created = session.createdAt?.getTime() ?? now.getTime();
  return Math.max(0, Math.floor((now.getTime() - created) / 1000));
}

/**
 * The session's calendar event. With an attendee (the email's recipient) it is an iTIP REQUEST (or
 * CANCEL) naming them; without one, a PUBLISH (RFC 5546 §3.2).
 */
export function sessionIcs(
  session: SessionDoc,
  options: { now: Date; method?: IcsMethod; baseUrl?: string; attendee?: { email: string } | null },
): string {
  const url = `${options.baseUrl ?? appUrl()}${sessionLink(session.id)}`;
  return buildIcs({
    uid: liveSessionIcsUid(session.id),
    title: session.title,
    description: `${session.description}\n\nJoin: ${url}`.trim(),
    start: session.scheduledAt,
    end: sessionEndsAt(session),
    stamp: options.now,
    sequence: icsSequence(session, options.now),
    url,
    location: 'SkillVerse live room',
    organizer: { name: session.hostName || 'SkillVerse' },
    attendee: options.attendee ?? null,
    method: options.method ?? (options.attendee ? 'REQUEST' : 'PUBLISH'),
  });
}

export { icsAttachment } from '../notifications/ics-attachment';

/** A session time for a notification: in `timeZone` when given (the recipient's), else UTC. */
export function formatWhen(date: Date, timeZone?: string | null): string {
  return formatEmailTime(date, timeZone);
}
