// liveSessions/{id} and its sub-collections (SPEC §3): paths, the ONE converter of a session,
// refs. The converters only read: the host creates and edits a session through the raw refs with
// plain fields; everything else is written by functions (or by a participant through a raw ref).
import {
  type LiveAttendance,
  type LiveChatMessage,
  type LiveHostingOutcome,
  type LivePoll,
  type LivePollVote,
  type LiveQuestion,
  type LiveRegistration,
  type LiveSession,
  LIVE_SESSION_STATUSES,
  type RaisedHand,
} from '@skillverse/domain/models';
import {
  collection,
  collectionGroup,
  doc,
  type FirestoreDataConverter,
  limit,
  orderBy,
  type QueryDocumentSnapshot,
  query,
  where,
} from 'firebase/firestore';
import {
  type SessionEgress,
  type SessionRecording,
  storedEgressState,
} from '@skillverse/domain/live-recording';
import type { Roster, RosterEntry } from '@skillverse/domain/live-room';
import { db } from '@/lib/firebase';
import {
  arrayOfAll,
  asInt,
  asStr,
  bool,
  dateOrNow,
  dateOrNull,
  int,
  isObject,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  recordOfAll,
  serverOnly,
  str,
} from '@/lib/firestore/parse';

/**
 * A live session, as every screen reads it: the live pages in full, the dashboard and the
 * educator's upcoming-sessions card a few fields of it. Rules require a title, so its fallback only
 * covers a malformed document (a heading reads "Live session" rather than nothing).
 */
export function parseLiveSession(id: string, data: unknown): LiveSession {
  const d = obj(data);
  return {
    id,
    hostId: str(d.hostId),
    title: str(d.title, 'Live session'),
    description: str(d.description),
    courseId: nullableStr(d.courseId),
    scheduledAt: dateOrNow(d.scheduledAt),
    durationMin: num(d.durationMin),
    capacity: num(d.capacity),
    status: oneOf(LIVE_SESSION_STATUSES, d.status, 'scheduled'),
    registeredCount: num(d.registeredCount),
    recordingEnabled: bool(d.recordingEnabled),
    startedAt: dateOrNull(d.startedAt),
    endedAt: dateOrNull(d.endedAt),
    hosting: parseHosting(d.hosting),
    attendanceSource:
      d.attendanceSource === 'livekit' || d.attendanceSource === 'presence' ? d.attendanceSource : null,
    hostName: str(d.hostName),
    hostPhotoURL: nullableStr(d.hostPhotoURL),
    createdAt: dateOrNow(d.createdAt),
  };
}

/** The server's verdict on hosting points (null until the session ended). */
function parseHosting(value: unknown): LiveHostingOutcome | null {
  if (!value || typeof value !== 'object') return null;
  const h = obj(value);
  return {
    earned: bool(h.earned),
    reason: str(h.reason),
    ranSec: num(h.ranSec),
    qualifiedAttendees: num(h.qualifiedAttendees),
    attendeeMinSec: num(h.attendeeMinSec),
  };
}

export const liveSessionConverter = readOnlyConverter('liveSessions', parseLiveSession);

/** The fields of a session that lists outside the live feature show (the dashboard). */
export type LiveSessionSummary = Pick<
  LiveSession,
  'id' | 'title' | 'hostName' | 'scheduledAt' | 'durationMin' | 'status'
>;

/** A session as the host's upcoming list shows it (the educator dashboard). */
export type HostedSession = Pick<
  LiveSession,
  'id' | 'title' | 'scheduledAt' | 'durationMin' | 'status' | 'registeredCount' | 'capacity'
>;

/**
 * liveSessions/{id}/registrations/{uid}: the registrant's uid is the document id, the session's id
 * the parent's (so a collection-group read knows which session). The time is registeredAt
 * (older documents: createdAt).
 */
export type Registration = LiveRegistration & { displayName: string; sessionId: string };

export function parseRegistration(uid: string, sessionId: string, data: unknown): Registration {
  const d = obj(data);
  return {
    uid,
    sessionId,
    displayName: str(d.displayName, 'Learner'),
    createdAt: dateOrNow(d.registeredAt ?? d.createdAt),
  };
}

export const registrationConverter: FirestoreDataConverter<Registration> = {
  toFirestore: () => serverOnly('registrations'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseRegistration(
      snapshot.id,
      snapshot.ref.parent.parent?.id ?? '',
      snapshot.data({ serverTimestamps: 'estimate' }),
    ),
};

export const livePaths = {
  sessions: () => 'liveSessions',
  session: (id: string) => `liveSessions/${id}`,
  sub: (id: string, name: string) => `liveSessions/${id}/${name}`,
  votes: (id: string, pollId: string) => `liveSessions/${id}/polls/${pollId}/votes`,
  registrationsGroup: () => 'registrations',
} as const;

export const liveSessionsRef = () => collection(db, livePaths.sessions()).withConverter(liveSessionConverter);
export const liveSessionRef = (id: string) =>
  doc(db, livePaths.session(id)).withConverter(liveSessionConverter);
/** Without a converter: for creating and editing the host's own session. */
export const liveSessionsRawRef = () => collection(db, livePaths.sessions());
export const liveSessionRawRef = (id: string) => doc(db, livePaths.session(id));

export const registrationsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'registrations')).withConverter(registrationConverter);
export const registrationRef = (id: string, uid: string) =>
  doc(db, livePaths.sub(id, 'registrations'), uid).withConverter(registrationConverter);

export type AttendanceRow = LiveAttendance & { displayName: string; source: string };
export const attendanceConverter = readOnlyConverter('attendance', (id, data): AttendanceRow => {
  const d = obj(data);
  return {
    uid: id,
    joinedAt: dateOrNow(d.joinedAt),
    leftAt: dateOrNull(d.leftAt),
    totalSec: num(d.totalSec),
    ...(typeof d.presentSec === 'number' ? { presentSec: d.presentSec } : {}),
    ...(typeof d.qualified === 'boolean' ? { qualified: d.qualified } : {}),
    displayName: str(d.displayName),
    source: str(d.source, 'livekit'),
  };
});
export const attendanceRef = (id: string) =>
  collection(db, livePaths.sub(id, 'attendance')).withConverter(attendanceConverter);

export const chatConverter = readOnlyConverter('chat', (id, data): LiveChatMessage => {
  const d = obj(data);
  return { id, senderId: str(d.senderId), text: str(d.text), createdAt: dateOrNow(d.createdAt) };
});
export const chatRef = (id: string) => collection(db, livePaths.sub(id, 'chat')).withConverter(chatConverter);
export const chatRawRef = (id: string) => collection(db, livePaths.sub(id, 'chat'));

/** Where publishSessionFaq put the answer; null unless all three ids are there. */
function readFaqLink(v: unknown): NonNullable<LiveQuestion['faq']> | null {
  if (!isObject(v)) return null;
  const { courseId, lectureId, faqId } = v;
  if (typeof courseId !== 'string' || typeof lectureId !== 'string' || typeof faqId !== 'string') return null;
  return { courseId, lectureId, faqId, publishedAt: dateOrNow(v.publishedAt) };
}

export const questionConverter = readOnlyConverter('questions', (id, data): LiveQuestion => {
  const d = obj(data);
  return {
    id,
    authorId: str(d.authorId),
    text: str(d.text),
    // All or nothing, as before: one id that is not a string empties the list.
    upvoterIds: arrayOfAll(d.upvoterIds, asStr),
    answered: bool(d.answered),
    createdAt: dateOrNow(d.createdAt),
    // Q&A that teaches: the host's answer, and where publishSessionFaq put it (server-written).
    answer: str(d.answer),
    answeredAt: dateOrNull(d.answeredAt),
    faq: readFaqLink(d.faq),
  };
});
export const questionsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'questions')).withConverter(questionConverter);
export const questionRawRef = (id: string, questionId: string) =>
  doc(db, livePaths.sub(id, 'questions'), questionId);
export const questionsRawRef = (id: string) => collection(db, livePaths.sub(id, 'questions'));

export const pollConverter = readOnlyConverter('polls', (id, data): LivePoll => {
  const d = obj(data);
  return {
    id,
    question: str(d.question),
    // All or nothing, as before: one option or count that does not read empties the list or map.
    options: arrayOfAll(d.options, asStr),
    open: bool(d.open),
    counts: recordOfAll(d.counts, (x) => asInt(x, 0)),
    totalVotes: int(d.totalVotes, 0, 0),
    createdAt: dateOrNow(d.createdAt),
  };
});
export const pollsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'polls')).withConverter(pollConverter);
export const pollRawRef = (id: string, pollId: string) => doc(db, livePaths.sub(id, 'polls'), pollId);
export const pollsRawRef = (id: string) => collection(db, livePaths.sub(id, 'polls'));

export const voteConverter = readOnlyConverter('votes', (id, data): LivePollVote => {
  const d = obj(data);
  return { uid: id, optionIndex: int(d.optionIndex, -1), createdAt: dateOrNow(d.createdAt) };
});
export const voteRef = (id: string, pollId: string, uid: string) =>
  doc(db, livePaths.votes(id, pollId), uid).withConverter(voteConverter);
export const voteRawRef = (id: string, pollId: string, uid: string) =>
  doc(db, livePaths.votes(id, pollId), uid);

export const handConverter = readOnlyConverter('hands', (id, data): RaisedHand => {
  return { uid: id, raisedAt: dateOrNow(obj(data).raisedAt) };
});
export const handsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'hands')).withConverter(handConverter);
export const handRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'hands'), uid);

export interface Speaker {
  uid: string;
  grantedAt: Date;
}
export const speakerConverter = readOnlyConverter('speakers', (id, data): Speaker => {
  return { uid: id, grantedAt: dateOrNow(obj(data).grantedAt) };
});
export const speakersRef = (id: string) =>
  collection(db, livePaths.sub(id, 'speakers')).withConverter(speakerConverter);

/** removed/{uid}: the host removed this person from the room (server-written; they may read it). */
export interface RoomRemoval {
  uid: string;
  removedAt: Date;
}
export const removalConverter = readOnlyConverter('removed', (id, data): RoomRemoval => {
  return { uid: id, removedAt: dateOrNow(obj(data).removedAt) };
});
export const removalRef = (id: string, uid: string) =>
  doc(db, livePaths.sub(id, 'removed'), uid).withConverter(removalConverter);

/**
 * roster/current: who's here, folded by the server from everyone's presence (issue 17 §2) — the
 * room listens to this one document instead of every heartbeat. At most ROSTER_CAP people are
 * listed; `count` is everyone here.
 */
export const rosterConverter = readOnlyConverter('roster', (_id, data): Roster => {
  const d = obj(data);
  const people = arrayOfAll(d.people, (raw): RosterEntry | undefined => {
    if (!isObject(raw)) return undefined;
    const uid = asStr(raw.uid);
    if (!uid) return undefined;
    return {
      uid,
      displayName: str(raw.displayName, 'Participant'),
      photoURL: nullableStr(raw.photoURL),
      role: oneOf(ROSTER_ROLES, raw.role, 'attendee'),
    };
  });
  return { people, count: Math.max(people.length, int(d.count, 0, 0)) };
});
const ROSTER_ROLES = ['host', 'speaker', 'attendee'] as const;
export const rosterRef = (id: string) =>
  doc(db, livePaths.sub(id, 'roster'), 'current').withConverter(rosterConverter);
export const presenceRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'presence'), uid);

export interface LiveFeedback {
  uid: string;
  rating: number;
  comment: string;
  createdAt: Date;
}
export const feedbackConverter = readOnlyConverter('feedback', (id, data): LiveFeedback => {
  const d = obj(data);
  return { uid: id, rating: num(d.rating), comment: str(d.comment), createdAt: dateOrNow(d.createdAt) };
});
export const feedbackListRef = (id: string) =>
  collection(db, livePaths.sub(id, 'feedback')).withConverter(feedbackConverter);
export const feedbackRef = (id: string, uid: string) =>
  doc(db, livePaths.sub(id, 'feedback'), uid).withConverter(feedbackConverter);
export const feedbackRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'feedback'), uid);

/**
 * liveSessions/{id}/private/recording: the recording link and the cloud recording's state. Rules:
 * the host, admins, registrants and attendees read it; only functions write it.
 */
export const recordingConverter = readOnlyConverter('recording', (_id, data): SessionRecording => {
  const d = obj(data);
  const source = d.source === 'host' || d.source === 'egress' ? d.source : null;
  let egress: SessionEgress | null = null;
  if (isObject(d.egress)) {
    const e = d.egress;
    egress = {
      id: str(e.id),
      state: storedEgressState(e.state),
      startedAt: dateOrNull(e.startedAt),
      endedAt: dateOrNull(e.endedAt),
      error: str(e.error),
    };
  }
  return { url: nullableStr(d.url) || null, source, updatedAt: dateOrNull(d.updatedAt), egress };
});
export const recordingRef = (id: string) =>
  doc(db, livePaths.sub(id, 'private'), 'recording').withConverter(recordingConverter);

/** My latest registrations across sessions (collection group `registrations`, uid == me). */
export const myRegistrationsQuery = (uid: string, max: number) =>
  query(
    collectionGroup(db, livePaths.registrationsGroup()).withConverter(registrationConverter),
    where('uid', '==', uid),
    orderBy('registeredAt', 'desc'),
    limit(max),
  );
