// liveSessions/{id} and its sub-collections (SPEC §3): converters and refs, used only by this
// feature's api files.
import {
  type LiveAttendance,
  type LiveChatMessage,
  type LivePoll,
  type LivePollVote,
  type LiveQuestion,
  type LiveRegistration,
  type LiveSession,
  LIVE_SESSION_STATUSES,
  type RaisedHand,
} from '@skillverse/domain/models';
import { collection, doc } from 'firebase/firestore';
import { z } from 'zod';
import { db } from '@/lib/firebase';
import { count, dateOrNow, dateOrNull, readOnlyConverter, text } from '@/lib/firestore/converters/parse';

export const livePaths = {
  sessions: () => 'liveSessions',
  session: (id: string) => `liveSessions/${id}`,
  sub: (id: string, name: string) => `liveSessions/${id}/${name}`,
  votes: (id: string, pollId: string) => `liveSessions/${id}/polls/${pollId}/votes`,
} as const;

// Converters here only read: writes go through updateDoc/setDoc with plain fields.
const sessionSchema = z.object({
  hostId: text(),
  title: text(),
  description: text(),
  courseId: z.string().nullable().catch(null),
  scheduledAt: dateOrNow,
  durationMin: count,
  capacity: count,
  status: z.enum(LIVE_SESSION_STATUSES).catch('scheduled'),
  registeredCount: count,
  recordingEnabled: z.boolean().catch(false),
  recordingUrl: z.string().nullable().catch(null),
  startedAt: dateOrNull,
  endedAt: dateOrNull,
  hostName: text(''),
  hostPhotoURL: z.string().nullable().catch(null),
  createdAt: dateOrNow,
});

export function parseLiveSession(id: string, data: unknown): LiveSession {
  const r = sessionSchema.safeParse(data ?? {});
  if (!r.success)
    console.error('DEBUG liveSession parse', id, JSON.stringify(r.error.issues), JSON.stringify(data));
  return { id, ...sessionSchema.parse(data ?? {}) };
}

export const liveSessionConverter = readOnlyConverter('liveSessions', parseLiveSession);

export const liveSessionsRef = () => collection(db, livePaths.sessions()).withConverter(liveSessionConverter);
export const liveSessionRef = (id: string) =>
  doc(db, livePaths.session(id)).withConverter(liveSessionConverter);
/** Without a converter: for creating and editing the host's own session. */
export const liveSessionsRawRef = () => collection(db, livePaths.sessions());
export const liveSessionRawRef = (id: string) => doc(db, livePaths.session(id));

export const registrationConverter = readOnlyConverter(
  'registrations',
  (id, data): LiveRegistration & { displayName: string } => {
    const d = z.object({ displayName: text('Learner'), registeredAt: dateOrNow }).parse(data ?? {});
    return { uid: id, displayName: d.displayName, createdAt: d.registeredAt };
  },
);
export const registrationsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'registrations')).withConverter(registrationConverter);
export const registrationRef = (id: string, uid: string) =>
  doc(db, livePaths.sub(id, 'registrations'), uid).withConverter(registrationConverter);

export type AttendanceRow = LiveAttendance & { displayName: string; source: string };
export const attendanceConverter = readOnlyConverter('attendance', (id, data): AttendanceRow => {
  const d = z
    .object({
      joinedAt: dateOrNow,
      leftAt: dateOrNull,
      totalSec: count,
      displayName: text(''),
      source: text('livekit'),
    })
    .parse(data ?? {});
  return { uid: id, ...d };
});
export const attendanceRef = (id: string) =>
  collection(db, livePaths.sub(id, 'attendance')).withConverter(attendanceConverter);

export const chatConverter = readOnlyConverter('chat', (id, data): LiveChatMessage => {
  return { id, ...z.object({ senderId: text(), text: text(), createdAt: dateOrNow }).parse(data ?? {}) };
});
export const chatRef = (id: string) => collection(db, livePaths.sub(id, 'chat')).withConverter(chatConverter);
export const chatRawRef = (id: string) => collection(db, livePaths.sub(id, 'chat'));

export const questionConverter = readOnlyConverter('questions', (id, data): LiveQuestion => {
  const d = z
    .object({
      authorId: text(),
      text: text(),
      upvoterIds: z.array(z.string()).catch([]),
      answered: z.boolean().catch(false),
      createdAt: dateOrNow,
    })
    .parse(data ?? {});
  return { id, ...d };
});
export const questionsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'questions')).withConverter(questionConverter);
export const questionRawRef = (id: string, questionId: string) =>
  doc(db, livePaths.sub(id, 'questions'), questionId);
export const questionsRawRef = (id: string) => collection(db, livePaths.sub(id, 'questions'));

export const pollConverter = readOnlyConverter('polls', (id, data): LivePoll => {
  const d = z
    .object({
      question: text(),
      options: z.array(z.string()).catch([]),
      open: z.boolean().catch(false),
      counts: z.record(z.string(), z.number().int().nonnegative()).catch({}),
      totalVotes: z.number().int().nonnegative().catch(0),
      createdAt: dateOrNow,
    })
    .parse(data ?? {});
  return { id, ...d };
});
export const pollsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'polls')).withConverter(pollConverter);
export const pollRawRef = (id: string, pollId: string) => doc(db, livePaths.sub(id, 'polls'), pollId);
export const pollsRawRef = (id: string) => collection(db, livePaths.sub(id, 'polls'));

export const voteConverter = readOnlyConverter('votes', (id, data): LivePollVote => {
  const d = z.object({ optionIndex: z.number().int().catch(-1), createdAt: dateOrNow }).parse(data ?? {});
  return { uid: id, ...d };
});
export const voteRef = (id: string, pollId: string, uid: string) =>
  doc(db, livePaths.votes(id, pollId), uid).withConverter(voteConverter);
export const voteRawRef = (id: string, pollId: string, uid: string) =>
  doc(db, livePaths.votes(id, pollId), uid);

export const handConverter = readOnlyConverter('hands', (id, data): RaisedHand => {
  return { uid: id, ...z.object({ raisedAt: dateOrNow }).parse(data ?? {}) };
});
export const handsRef = (id: string) =>
  collection(db, livePaths.sub(id, 'hands')).withConverter(handConverter);
export const handRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'hands'), uid);

export interface Speaker {
  uid: string;
  grantedAt: Date;
}
export const speakerConverter = readOnlyConverter('speakers', (id, data): Speaker => {
  return { uid: id, ...z.object({ grantedAt: dateOrNow }).parse(data ?? {}) };
});
export const speakersRef = (id: string) =>
  collection(db, livePaths.sub(id, 'speakers')).withConverter(speakerConverter);
export const speakerRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'speakers'), uid);

export interface Presence {
  uid: string;
  displayName: string;
  photoURL: string | null;
  present: boolean;
  joinedAt: Date;
  lastSeenAt: Date;
}
export const presenceConverter = readOnlyConverter('presence', (id, data): Presence => {
  const d = z
    .object({
      displayName: text('Participant'),
      photoURL: z.string().nullable().catch(null),
      present: z.boolean().catch(false),
      joinedAt: dateOrNow,
      lastSeenAt: dateOrNow,
    })
    .parse(data ?? {});
  return { uid: id, ...d };
});
export const presenceRef = (id: string) =>
  collection(db, livePaths.sub(id, 'presence')).withConverter(presenceConverter);
export const presenceRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'presence'), uid);

export interface LiveFeedback {
  uid: string;
  rating: number;
  comment: string;
  createdAt: Date;
}
export const feedbackConverter = readOnlyConverter('feedback', (id, data): LiveFeedback => {
  const d = z.object({ rating: count, comment: text(), createdAt: dateOrNow }).parse(data ?? {});
  return { uid: id, ...d };
});
export const feedbackListRef = (id: string) =>
  collection(db, livePaths.sub(id, 'feedback')).withConverter(feedbackConverter);
export const feedbackRef = (id: string, uid: string) =>
  doc(db, livePaths.sub(id, 'feedback'), uid).withConverter(feedbackConverter);
export const feedbackRawRef = (id: string, uid: string) => doc(db, livePaths.sub(id, 'feedback'), uid);

export const myCoursesQueryRef = () => collection(db, 'courses');
