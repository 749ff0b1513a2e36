import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  exchangeConverter,
  exchangeFeedbackConverter,
  exchangeMatchConverter,
  exchangeMessageConverter,
  exchangeSessionConverter,
  typingConverter,
} from './converters/exchange-converter';

// Skill-exchange paths (SPEC §3), beside refs.ts. Writes go through the `…Path` helpers with plain
// refs (the converters only read); reads use the converted refs.

export const exchangePaths = {
  exchanges: () => 'exchanges',
  exchange: (id: string) => `exchanges/${id}`,
  messages: (id: string) => `exchanges/${id}/messages`,
  sessions: (id: string) => `exchanges/${id}/sessions`,
  session: (id: string, sessionId: string) => `exchanges/${id}/sessions/${sessionId}`,
  feedbacks: (id: string) => `exchanges/${id}/feedback`,
  feedback: (id: string, uid: string) => `exchanges/${id}/feedback/${uid}`,
  typings: (id: string) => `exchanges/${id}/typing`,
  typing: (id: string, uid: string) => `exchanges/${id}/typing/${uid}`,
  matches: (uid: string) => `users/${uid}/matches`,
} as const;

export const exchangesRef = () => collection(db, exchangePaths.exchanges()).withConverter(exchangeConverter);
export const exchangeRef = (id: string) =>
  doc(db, exchangePaths.exchange(id)).withConverter(exchangeConverter);
export const exchangeMessagesRef = (id: string) =>
  collection(db, exchangePaths.messages(id)).withConverter(exchangeMessageConverter);
export const exchangeSessionsRef = (id: string) =>
  collection(db, exchangePaths.sessions(id)).withConverter(exchangeSessionConverter);
export const exchangeFeedbackRef = (id: string) =>
  collection(db, exchangePaths.feedbacks(id)).withConverter(exchangeFeedbackConverter);
export const exchangeTypingRef = (id: string) =>
  collection(db, exchangePaths.typings(id)).withConverter(typingConverter);
export const matchesRef = (uid: string) =>
  collection(db, exchangePaths.matches(uid)).withConverter(exchangeMatchConverter);

/** Plain (unconverted) refs for writes. */
export const rawDoc = (path: string) => doc(db, path);
export const rawCollection = (path: string) => collection(db, path);
