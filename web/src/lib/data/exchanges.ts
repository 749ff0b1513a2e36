// exchanges/{id} and its messages, sessions, feedback and typing sub-collections, plus the
// matcher's users/{uid}/matches (SPEC §3): paths, converters and refs.
import {
  EXCHANGE_SESSION_STATUSES,
  EXCHANGE_STATUSES,
  type Exchange,
  type ExchangeFeedback,
  type ExchangeLastMessage,
  type ExchangeMatch,
  type ExchangeMessage,
  type ExchangeMilestone,
  type ExchangeSession,
  type ExchangeTerms,
  type MessageAttachment,
  type TypingIndicator,
} from '@skillverse/domain/models';
import type { MatchReason } from '@skillverse/domain/skills';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  arrayOf,
  asInt,
  asNum,
  asStr,
  bool,
  dateOrNow,
  dateOrNull,
  isObject,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  recordOf,
  recordOfAll,
  str,
  strings,
  readOnlyConverter,
} from '@/lib/firestore/parse';

// Skill exchange documents (SPEC §3). The client writes them with plain updateDoc/addDoc calls in
// features/exchange/api (rules check every field); these converters only read.

/** A skill stored as its name or as `{ name, level }` (older documents): the name, else ''. */
function skillName(v: unknown): string {
  if (typeof v === 'string') return v;
  return isObject(v) && typeof v.name === 'string' ? v.name : '';
}

/** The agreed terms; null when missing or not a map. Missing notes read as ''. */
function readTerms(v: unknown): ExchangeTerms | null {
  if (!isObject(v)) return null;
  return {
    commitmentHours: num(v.commitmentHours),
    frequency: str(v.frequency),
    cancellationPolicy: str(v.cancellationPolicy),
    notes: str(v.notes),
  };
}

function readLastMessage(v: unknown): ExchangeLastMessage | null {
  if (!isObject(v)) return null;
  return { text: str(v.text), senderId: str(v.senderId), at: dateOrNow(v.at) };
}

/** A milestone; dropped without an id or a title. */
function readMilestone(raw: unknown): ExchangeMilestone | undefined {
  const m = obj(raw);
  const id = nonEmptyStr(m.id);
  if (id === undefined || typeof m.title !== 'string') return undefined;
  return { id, title: m.title, done: bool(m.done) };
}

/** A participant's display fields; anything but a map fails (and with it the whole `people` map). */
function readPerson(v: unknown): { displayName: string; photoURL: string | null } | undefined {
  if (!isObject(v)) return undefined;
  return { displayName: str(v.displayName, 'SkillVerse member'), photoURL: nullableStr(v.photoURL) };
}

export interface ExchangeDoc extends Exchange {
  lastMessage: ExchangeLastMessage | null;
  /** Unread messages per participant (server-maintained; each resets their own to 0). */
  unread: Record<string, number>;
  milestones: ExchangeMilestone[];
  /** Display name and photo of both participants (server-maintained, for one-query lists). */
  people: Record<string, { displayName: string; photoURL: string | null }>;
}

export function parseExchange(id: string, data: unknown): ExchangeDoc {
  const d = obj(data);
  return {
    id,
    requesterId: str(d.requesterId),
    providerId: str(d.providerId),
    participants: strings(d.participants),
    offeredSkill: skillName(d.offeredSkill),
    requestedSkill: skillName(d.requestedSkill),
    message: str(d.message),
    status: oneOf(EXCHANGE_STATUSES, d.status, 'pending'),
    terms: readTerms(d.terms),
    termsAcceptedBy: strings(d.termsAcceptedBy),
    completedBy: strings(d.completedBy),
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
    lastMessage: readLastMessage(d.lastMessage),
    // All or nothing, as before: one count that is not a number empties the map.
    unread: recordOfAll(d.unread, asNum),
    milestones: arrayOf(d.milestones, readMilestone),
    people: recordOfAll(d.people, readPerson),
  };
}

export const exchangeConverter: FirestoreDataConverter<ExchangeDoc> = readOnlyConverter(
  'exchanges (write with addDoc/updateDoc)',
  parseExchange,
);

/** Which wanted name met which offered name; anything malformed is dropped. */
function parseMatchReasons(value: unknown): MatchReason[] {
  if (!Array.isArray(value)) return [];
  const out: MatchReason[] = [];
  for (const v of value) {
    const r = obj(v);
    const side = r.side === 'theyOffer' || r.side === 'theyWant' ? r.side : null;
    const kind = r.kind === 'same' || r.kind === 'alias' || r.kind === 'similar' ? r.kind : null;
    const wanted = str(r.wanted);
    const offered = str(r.offered);
    if (side && kind && wanted && offered) out.push({ side, kind, wanted, offered });
  }
  return out;
}

export function parseExchangeMatch(uid: string, data: unknown): ExchangeMatch {
  const d = obj(data);
  const b = obj(d.breakdown);
  return {
    uid,
    score: num(d.score),
    breakdown: {
      skills: num(b.skills),
      rating: num(b.rating),
      experience: num(b.experience),
      availability: num(b.availability),
      responsiveness: num(b.responsiveness),
      overlapMinutes: asNum(b.overlapMinutes) ?? null,
      responsivenessMeasured: bool(b.responsivenessMeasured),
      semantic: bool(b.semantic),
    },
    theyOffer: strings(d.theyOffer),
    theyWant: strings(d.theyWant),
    reasons: parseMatchReasons(d.reasons),
    endorsements: recordOf(d.endorsements, (x) => asInt(x, 1, Number.MAX_SAFE_INTEGER)),
    displayName: str(d.displayName, 'SkillVerse member'),
    photoURL: nullableStr(d.photoURL),
    headline: str(d.headline),
    computedAt: dateOrNow(d.computedAt),
  };
}

export const exchangeMatchConverter: FirestoreDataConverter<ExchangeMatch> = readOnlyConverter(
  'matches',
  parseExchangeMatch,
);

/** A link attachment; dropped without a url. */
function readAttachment(raw: unknown): MessageAttachment | undefined {
  const a = obj(raw);
  const url = nonEmptyStr(a.url);
  return url === undefined ? undefined : { name: str(a.name, 'Link'), url };
}

export function parseExchangeMessage(id: string, data: unknown): ExchangeMessage {
  const d = obj(data);
  return {
    id,
    senderId: str(d.senderId),
    text: str(d.text),
    attachments: arrayOf(d.attachments, readAttachment),
    createdAt: dateOrNow(d.createdAt),
  };
}

export const exchangeMessageConverter: FirestoreDataConverter<ExchangeMessage> = readOnlyConverter(
  'messages (write with addDoc)',
  parseExchangeMessage,
);

export function parseExchangeSession(id: string, data: unknown): ExchangeSession {
  const d = obj(data);
  const createdBy = asStr(d.createdBy);
  return {
    id,
    scheduledAt: dateOrNow(d.scheduledAt),
    durationMin: num(d.durationMin, 60),
    status: oneOf(EXCHANGE_SESSION_STATUSES, d.status, 'scheduled'),
    notes: str(d.notes),
    confirmedBy: strings(d.confirmedBy),
    ...(heldOf(d.held) ?? {}),
    ...(createdBy === undefined ? {} : { createdBy }),
  };
}

/** `held` (server-written once both confirmed, or the platform observed the session). */
function heldOf(v: unknown): Pick<ExchangeSession, 'held'> | undefined {
  if (!isObject(v)) return undefined;
  const evidence =
    v.evidence === 'observed' ? 'observed' : v.evidence === 'self-reported' ? 'self-reported' : null;
  if (!evidence) return undefined;
  return {
    held: {
      evidence,
      heldAt: dateOrNow(v.heldAt),
      confirmedBy: strings(v.confirmedBy),
      observedMinutes: asNum(v.observedMinutes) ?? null,
    },
  };
}

export const exchangeSessionConverter: FirestoreDataConverter<ExchangeSession> = readOnlyConverter(
  'sessions (write with addDoc/updateDoc)',
  parseExchangeSession,
);

export function parseExchangeFeedback(uid: string, data: unknown): ExchangeFeedback {
  const d = obj(data);
  return {
    uid,
    rating: num(d.rating),
    comment: str(d.comment),
    endorsedSkills: strings(d.endorsedSkills),
    createdAt: dateOrNow(d.createdAt),
  };
}

export const exchangeFeedbackConverter: FirestoreDataConverter<ExchangeFeedback> = readOnlyConverter(
  'feedback (write with setDoc)',
  parseExchangeFeedback,
);

export function parseTypingIndicator(uid: string, data: unknown): TypingIndicator {
  const d = obj(data);
  // No time yet reads as the epoch: "not typing recently".
  return { uid, typing: bool(d.typing), at: dateOrNull(d.at) ?? new Date(0) };
}

export const typingConverter: FirestoreDataConverter<TypingIndicator> = readOnlyConverter(
  'typing (write with setDoc)',
  parseTypingIndicator,
);

// ---------------------------------------------------------------- paths and refs

// Writes go through the paths with plain refs (the converters only read); reads use the converted refs.
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
/** users/{uid}/matches: the matcher's suggestions for a user (server-written). */
export const matchesRef = (uid: string) =>
  collection(db, exchangePaths.matches(uid)).withConverter(exchangeMatchConverter);

/** Plain (unconverted) refs for writes. */
export const rawDoc = (path: string) => doc(db, path);
export const rawCollection = (path: string) => collection(db, path);
