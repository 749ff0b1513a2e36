// Swap cycles (issue 8, item 3): exchangeCycles/{id}, its group room's messages and (issue 16
// item 7) its group sessions, which have the shape of an exchange's sessions.
import type { ExchangeSession } from '@skillverse/domain/models';
import {
  CYCLE_STATUSES,
  type CycleMessage,
  type CycleRewardRecord,
  type ExchangeCycle,
  type StoredCycleEdge,
} from '@skillverse/domain/swap-cycles';
import {
  asStr,
  dateOrNow,
  isPlainObject,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  recordOf,
  str,
  strings,
  arrayOf,
} from '@/lib/firestore/parse';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { parseExchangeSession } from './exchanges';

// exchangeCycles/{id} (3-way swap proposals) and their group-room messages. Both are read here
// and never written through a converter: the proposal by functions only, a message with addDoc.

function readEdge(raw: unknown): StoredCycleEdge | undefined {
  if (!isPlainObject(raw)) return undefined;
  const from = asStr(raw.from);
  const to = asStr(raw.to);
  if (!from || !to) return undefined;
  return {
    from,
    to,
    skill: str(raw.skill),
    skillKey: str(raw.skillKey),
    alternatives: strings(raw.alternatives),
  };
}

function readPerson(raw: unknown): { displayName: string; photoURL: string | null } | undefined {
  if (!isPlainObject(raw)) return undefined;
  return { displayName: str(raw.displayName, 'SkillVerse member'), photoURL: nullableStr(raw.photoURL) };
}

export function parseExchangeCycle(id: string, data: unknown): ExchangeCycle {
  const d = obj(data);
  const w = obj(d.window);
  return {
    id,
    participants: strings(d.participants),
    edges: arrayOf(d.edges, readEdge),
    people: recordOf(d.people, readPerson),
    window: { startMin: num(w.startMin), endMin: num(w.endMin) },
    sharedMinutes: num(d.sharedMinutes),
    score: num(d.score),
    status: oneOf(CYCLE_STATUSES, d.status, 'proposed'),
    acceptedBy: strings(d.acceptedBy),
    declinedBy: nullableStr(d.declinedBy),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
    expiresAt: dateOrNow(d.expiresAt),
    completedAt: d.completedAt ? dateOrNow(d.completedAt) : null,
    completedSessionId: nullableStr(d.completedSessionId),
    ratings: recordOf(d.ratings, (v) => (typeof v === 'number' ? v : undefined)),
    rewards: recordOf(d.rewards, readReward),
  };
}

function readReward(raw: unknown): CycleRewardRecord | undefined {
  if (!isPlainObject(raw)) return undefined;
  return { points: num(raw.points), skipped: nullableStr(raw.skipped), credential: raw.credential === true };
}

export function parseCycleMessage(id: string, data: unknown): CycleMessage {
  const d = obj(data);
  return { id, senderId: str(d.senderId), text: str(d.text), createdAt: dateOrNow(d.createdAt) };
}

export const exchangeCycleConverter = readOnlyConverter('exchangeCycles', parseExchangeCycle);
/** exchangeCycles/{id}/sessions/{sid}: read like an exchange session (written with addDoc/updateDoc). */
export const cycleSessionConverter: FirestoreDataConverter<ExchangeSession> = readOnlyConverter(
  'exchangeCycles sessions (write with addDoc/updateDoc)',
  parseExchangeSession,
);

export const cycleMessageConverter = readOnlyConverter(
  'exchangeCycles messages (write with addDoc)',
  parseCycleMessage,
);

// ---------------------------------------------------------------- paths and refs

// Reads use the converted refs; a message is written through the plain collection.
export const exchangeCyclePaths = {
  cycles: () => 'exchangeCycles',
  cycle: (id: string) => `exchangeCycles/${id}`,
  messages: (id: string) => `exchangeCycles/${id}/messages`,
  sessions: (id: string) => `exchangeCycles/${id}/sessions`,
  session: (id: string, sessionId: string) => `exchangeCycles/${id}/sessions/${sessionId}`,
} as const;

export const exchangeCyclesRef = () =>
  collection(db, exchangeCyclePaths.cycles()).withConverter(exchangeCycleConverter);
export const exchangeCycleRef = (id: string) =>
  doc(db, exchangeCyclePaths.cycle(id)).withConverter(exchangeCycleConverter);
export const cycleMessagesRef = (id: string) =>
  collection(db, exchangeCyclePaths.messages(id)).withConverter(cycleMessageConverter);
export const rawCycleMessages = (id: string) => collection(db, exchangeCyclePaths.messages(id));
export const cycleSessionsRef = (id: string) =>
  collection(db, exchangeCyclePaths.sessions(id)).withConverter(cycleSessionConverter);
export const rawCycleSessions = (id: string) => collection(db, exchangeCyclePaths.sessions(id));
export const rawCycleSession = (id: string, sessionId: string) =>
  doc(db, exchangeCyclePaths.session(id, sessionId));
