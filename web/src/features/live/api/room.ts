// The room's realtime data (chat, Q&A, polls, hands, speakers, presence) and its writes.
import {
  arrayRemove,
  arrayUnion,
  addDoc,
  deleteDoc,
  getDoc,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
} from 'firebase/firestore';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { moderateParticipant } from './session-actions';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import {
  attendanceRef,
  chatRawRef,
  chatRef,
  feedbackListRef,
  feedbackRawRef,
  feedbackRef,
  handRawRef,
  handsRef,
  pollRawRef,
  pollsRawRef,
  pollsRef,
  presenceRawRef,
  rosterRef,
  questionRawRef,
  questionsRawRef,
  questionsRef,
  registrationsRef,
  removalRef,
  speakersRef,
  voteRawRef,
  voteRef,
} from '@/lib/data/live-sessions';

/**
 * Chat history a joining client loads (and keeps live): the latest 50 messages. Every one is a
 * document read per join, and on the emulator each listener's query is re-run on every message,
 * so 200 made a busy 50-person room lag by seconds (scripts/bench/live-room.ts, BENCHMARKS.md).
 */
export const CHAT_LIMIT = 50;

const key = (id: string, ...rest: (string | null)[]) => ['live-room', id, ...rest] as const;

export function useChat(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(
      key(id, 'chat'),
      enabled
        ? querySource(query(chatRef(id), orderBy('createdAt', 'desc'), limit(CHAT_LIMIT)), (m) => m.reverse())
        : null,
    ),
  );
}

export function useQuestions(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(key(id, 'questions'), enabled ? querySource(query(questionsRef(id), limit(200))) : null),
  );
}

export function usePolls(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(
      key(id, 'polls'),
      enabled ? querySource(query(pollsRef(id), orderBy('createdAt', 'desc'), limit(20))) : null,
    ),
  );
}

/**
 * The user's own vote in a poll (or null). Results come from the poll's server-kept `counts`, so
 * a client never loads other people's votes (reads used to grow with attendees × polls).
 */
/** Whether the host removed me from this session's room (null: not removed). */
export function useMyRemoval(id: string, uid: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(key(id, 'removed', uid), enabled ? docSource(removalRef(id, uid)) : null),
  );
}

export function useMyVote(id: string, pollId: string, uid: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(key(id, 'votes', pollId, uid), enabled ? docSource(voteRef(id, pollId, uid)) : null),
  );
}

export function useHands(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(
      key(id, 'hands'),
      enabled ? querySource(query(handsRef(id), orderBy('raisedAt'), limit(100))) : null,
    ),
  );
}

export function useSpeakers(id: string, enabled: boolean) {
  return useLiveQuery(liveQueryOptions(key(id, 'speakers'), enabled ? querySource(speakersRef(id)) : null));
}

/**
 * Who's here: one document the server folds from everyone's heartbeats (roster/current), written
 * at most every few seconds and only when someone comes, leaves or changes — never a heartbeat per
 * person, so a client's reads do not grow with the room (issue 17 §2).
 */
export function useRoster(id: string, enabled: boolean) {
  return useLiveQuery(liveQueryOptions(key(id, 'roster'), enabled ? docSource(rosterRef(id)) : null));
}

export function useRegistrations(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(
      key(id, 'registrations'),
      enabled ? querySource(query(registrationsRef(id), limit(500))) : null,
    ),
  );
}

export function useAttendance(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(
      key(id, 'attendance'),
      enabled ? querySource(query(attendanceRef(id), limit(500))) : null,
    ),
  );
}

export function useFeedbackList(id: string, enabled: boolean) {
  return useLiveQuery(
    liveQueryOptions(
      key(id, 'feedback'),
      enabled ? querySource(query(feedbackListRef(id), limit(500))) : null,
    ),
  );
}

export function useMyFeedback(id: string, uid: string | undefined) {
  return useLiveQuery(
    liveQueryOptions(key(id, 'my-feedback', uid ?? null), uid ? docSource(feedbackRef(id, uid)) : null),
  );
}

// ---------------------------------------------------------------------------------------------
// Writes (rules: SPEC §3 live rows)

/** The profile's own name and photo, exactly as users/{uid} holds them (rules check equality). */
export interface PresenceIdentity {
  displayName: string;
  photoURL: string | null;
}

/**
 * Enters the room (only while the session is live): a first presence document, or a new stay on an
 * existing one after leaving or a gap. The stay that ended is carried into `earlierSec`, rounded
 * down (the rules allow at most its length), so time away from the room is never counted.
 */
async function enterRoom(id: string, uid: string, who: PresenceIdentity): Promise<void> {
  const ref = presenceRawRef(id, uid);
  const previous = await getDoc(ref);
  if (!previous.exists()) {
    await setDoc(ref, {
      uid,
      displayName: who.displayName,
      photoURL: who.photoURL,
      present: true,
      joinedAt: serverTimestamp(),
      lastSeenAt: serverTimestamp(),
    });
    return;
  }
  const d = previous.data();
  const millis = (v: unknown) => (v instanceof Timestamp ? v.toMillis() : 0);
  const earlier = typeof d.earlierSec === 'number' ? d.earlierSec : 0;
  const stay = Math.max(0, Math.floor((millis(d.lastSeenAt) - millis(d.joinedAt)) / 1000) - 1);
  await updateDoc(ref, {
    present: true,
    joinedAt: serverTimestamp(),
    lastSeenAt: serverTimestamp(),
    earlierSec: earlier + stay,
    displayName: who.displayName,
    photoURL: who.photoURL,
  });
}

export const roomActions = {
  sendMessage: (id: string, senderId: string, text: string) =>
    addDoc(chatRawRef(id), { senderId, text, createdAt: serverTimestamp() }),
  ask: (id: string, authorId: string, text: string) =>
    addDoc(questionsRawRef(id), {
      authorId,
      text,
      upvoterIds: [],
      answered: false,
      createdAt: serverTimestamp(),
    }),
  upvote: (id: string, questionId: string, uid: string, on: boolean) =>
    updateDoc(questionRawRef(id, questionId), { upvoterIds: on ? arrayUnion(uid) : arrayRemove(uid) }),
  markAnswered: (id: string, questionId: string, answered: boolean) =>
    updateDoc(questionRawRef(id, questionId), { answered }),
  createPoll: (id: string, question: string, options: string[]) =>
    addDoc(pollsRawRef(id), { question, options, open: true, createdAt: serverTimestamp() }),
  setPollOpen: (id: string, pollId: string, open: boolean) =>
    updateDoc(pollRawRef(id, pollId), { open, updatedAt: serverTimestamp() }),
  vote: (id: string, pollId: string, uid: string, optionIndex: number) =>
    setDoc(voteRawRef(id, pollId, uid), { uid, optionIndex, createdAt: serverTimestamp() }),
  raiseHand: (id: string, uid: string) => setDoc(handRawRef(id, uid), { uid, raisedAt: serverTimestamp() }),
  lowerHand: (id: string, uid: string) => deleteDoc(handRawRef(id, uid)),
  // Speaking and removal go through moderateLiveParticipant: the server changes the person's
  // LiveKit permissions in place and records a removal (the rules leave both to it).
  allowSpeaker: (sessionId: string, uid: string) =>
    moderateParticipant({ sessionId, uid, action: 'promote' }),
  revokeSpeaker: (sessionId: string, uid: string) =>
    moderateParticipant({ sessionId, uid, action: 'demote' }),
  remove: (sessionId: string, uid: string) => moderateParticipant({ sessionId, uid, action: 'remove' }),
  setPollOptions: (id: string, pollId: string, options: string[]) =>
    updateDoc(pollRawRef(id, pollId), { options, updatedAt: serverTimestamp() }),
  enterRoom,
  /**
   * A heartbeat within the current stay (rules: within 3 minutes of the last one, while present).
   * The name and photo are the profile's: the rules compare them with users/{uid}.
   */
  heartbeat: (id: string, uid: string, present: boolean, who: PresenceIdentity) =>
    updateDoc(presenceRawRef(id, uid), {
      present,
      lastSeenAt: serverTimestamp(),
      displayName: who.displayName,
      photoURL: who.photoURL,
    }),
  sendFeedback: (id: string, uid: string, rating: number, comment: string) =>
    setDoc(feedbackRawRef(id, uid), { rating, comment, createdAt: serverTimestamp() }),
};
