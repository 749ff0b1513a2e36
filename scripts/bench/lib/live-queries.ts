// The listeners the web live room opens on join, replicated for Node clients.
//
// web/src/features/live/api/room.ts builds its queries inside React hooks over refs bound to the
// browser app's single `db` (web/src/lib/firebase.ts parses import.meta.env at import time), so
// the builders cannot be imported here. They are copied faithfully instead, with the same paths,
// orderings and limits; CHAT_LIMIT is read from room.ts so a change there is picked up. Keep
// this file in step with:
//   live-room-page.tsx   useLiveSession, useMyRegistration, then (once the session loaded)
//                        useChat, useQuestions, usePolls, useHands, useSpeakers, useRoster
//   polls-panel.tsx      one useMyVote per PollCard for an attendee (the host opens none): a
//                        document listener on votes/{my uid}; results come from the poll's
//                        server-kept counts/totalVotes (onPollVoteCreated)
// The web's queryFn also runs a one-shot getDocs/getDoc for each key; the SDK serves it from the
// identical listener's target (one watch per canonical query), so it adds no reads and is not
// repeated here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  collection,
  type DocumentReference,
  doc,
  type Firestore,
  limit,
  orderBy,
  type Query,
  query,
} from 'firebase/firestore';

const ROOM_API = join(import.meta.dirname, '../../../web/src/features/live/api/room.ts');

/** CHAT_LIMIT as the web app defines it. */
export function webChatLimit(): number {
  const match = /export const CHAT_LIMIT = (\d+);/.exec(readFileSync(ROOM_API, 'utf8'));
  if (!match?.[1]) throw new Error(`CHAT_LIMIT not found in ${ROOM_API}`);
  return Number(match[1]);
}

const sub = (id: string, name: string) => `liveSessions/${id}/${name}`;

export interface RoomListeners {
  /** Opened first; the room's other listeners wait for the session document (`loaded`). */
  session: DocumentReference;
  registration: DocumentReference;
  queries: { name: string; shape: string; query: Query }[];
  /** Document listeners the room opens besides the session and registration. */
  docs?: { name: string; shape: string; ref: DocumentReference }[];
  /** The attendee's own vote in a poll (useMyVote); the host opens none. */
  myVote: (pollId: string) => DocumentReference;
}

export function roomListeners(
  db: Firestore,
  sessionId: string,
  uid: string,
  chatLimit: number,
): RoomListeners {
  return {
    session: doc(db, `liveSessions/${sessionId}`),
    registration: doc(db, sub(sessionId, 'registrations'), uid),
    queries: [
      {
        name: 'chat',
        shape: `orderBy createdAt desc, limit ${chatLimit}`,
        query: query(collection(db, sub(sessionId, 'chat')), orderBy('createdAt', 'desc'), limit(chatLimit)),
      },
      {
        name: 'questions',
        shape: 'limit 200',
        query: query(collection(db, sub(sessionId, 'questions')), limit(200)),
      },
      {
        name: 'polls',
        shape: 'orderBy createdAt desc, limit 20',
        query: query(collection(db, sub(sessionId, 'polls')), orderBy('createdAt', 'desc'), limit(20)),
      },
      {
        name: 'hands',
        shape: 'orderBy raisedAt, limit 100',
        query: query(collection(db, sub(sessionId, 'hands')), orderBy('raisedAt'), limit(100)),
      },
      { name: 'speakers', shape: 'no limit', query: collection(db, sub(sessionId, 'speakers')) },
    ],
    // Who's here: the server's folded roster (useRoster), not everyone's presence documents.
    docs: [
      { name: 'roster', shape: 'roster/current document', ref: doc(db, sub(sessionId, 'roster'), 'current') },
    ],
    myVote: (pollId) => doc(db, `liveSessions/${sessionId}/polls/${pollId}/votes`, uid),
  };
}
