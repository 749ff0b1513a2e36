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
  type TypingIndicator,
} from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, serverOnly, text, toDate } from './parse';

/** A time that may be missing (older or malformed documents): now, or null. */
const dateOrNow = z
  .unknown()
  .optional()
  .transform((v) => toDate(v) ?? new Date());
const dateOrNull = z
  .unknown()
  .optional()
  .transform((v) => toDate(v));

// Skill exchange documents (SPEC §3). The client writes them with plain updateDoc/addDoc calls in
// features/exchange/api (rules check every field); these converters only read.

const skillRef = z.union([z.string(), z.object({ name: z.string() }).transform((s) => s.name)]).catch('');

const terms = z
  .object({
    commitmentHours: z.number().catch(0),
    frequency: text(),
    cancellationPolicy: text(),
    notes: z.string().optional().catch(undefined),
  })
  .nullable()
  .catch(null);

const lastMessage = z.object({ text: text(), senderId: text(), at: dateOrNow }).nullable().catch(null);

const milestone = z.object({ id: z.string().min(1), title: z.string(), done: z.boolean().catch(false) });

export interface ExchangeDoc extends Exchange {
  lastMessage: ExchangeLastMessage | null;
  /** Unread messages per participant (server-maintained; each resets their own to 0). */
  unread: Record<string, number>;
  milestones: ExchangeMilestone[];
  /** Display name and photo of both participants (server-maintained, for one-query lists). */
  people: Record<string, { displayName: string; photoURL: string | null }>;
}

const exchangeSchema = z.object({
  requesterId: text(),
  providerId: text(),
  participants: arrayOf(z.string()),
  offeredSkill: skillRef,
  requestedSkill: skillRef,
  message: text(),
  status: z.enum(EXCHANGE_STATUSES).catch('pending'),
  terms,
  termsAcceptedBy: arrayOf(z.string()),
  completedBy: arrayOf(z.string()),
  createdAt: dateOrNow,
  updatedAt: dateOrNow,
  lastMessage,
  unread: z.record(z.string(), z.number()).catch({}),
  milestones: arrayOf(milestone),
  people: z
    .record(
      z.string(),
      z.object({ displayName: text('SkillVerse member'), photoURL: z.string().nullable().catch(null) }),
    )
    .catch({}),
});

export function parseExchange(id: string, data: unknown): ExchangeDoc {
  const d = exchangeSchema.parse(data ?? {});
  return { id, ...d, terms: d.terms ? { ...d.terms, notes: d.terms.notes ?? '' } : null };
}

export const exchangeConverter: FirestoreDataConverter<ExchangeDoc> = {
  toFirestore: () => serverOnly('exchanges (write with addDoc/updateDoc)'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseExchange(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

const matchSchema = z.object({
  score: count,
  breakdown: z
    .object({
      skills: count,
      rating: count,
      experience: count,
      availability: count,
      responsiveness: count,
      overlapMinutes: z.number().nullable().catch(null),
      responsivenessMeasured: z.boolean().catch(false),
      semantic: z.boolean().catch(false),
    })
    .catch({
      skills: 0,
      rating: 0,
      experience: 0,
      availability: 0,
      responsiveness: 0,
      overlapMinutes: null,
      responsivenessMeasured: false,
      semantic: false,
    }),
  theyOffer: arrayOf(z.string()),
  theyWant: arrayOf(z.string()),
  displayName: text('SkillVerse member'),
  photoURL: z.string().nullable().catch(null),
  headline: text(),
  computedAt: dateOrNow,
});

export const exchangeMatchConverter: FirestoreDataConverter<ExchangeMatch> = {
  toFirestore: () => serverOnly('matches'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => ({
    uid: snapshot.id,
    ...matchSchema.parse(snapshot.data({ serverTimestamps: 'estimate' }) ?? {}),
  }),
};

const attachment = z.object({ name: z.string().catch('Link'), url: z.string().min(1) });

export const exchangeMessageConverter: FirestoreDataConverter<ExchangeMessage> = {
  toFirestore: () => serverOnly('messages (write with addDoc)'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => {
    const d = z
      .object({ senderId: text(), text: text(), attachments: arrayOf(attachment), createdAt: dateOrNow })
      .parse(snapshot.data({ serverTimestamps: 'estimate' }) ?? {});
    return { id: snapshot.id, ...d };
  },
};

export const exchangeSessionConverter: FirestoreDataConverter<ExchangeSession> = {
  toFirestore: () => serverOnly('sessions (write with addDoc/updateDoc)'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => {
    const d = z
      .object({
        scheduledAt: dateOrNow,
        durationMin: z.number().catch(60),
        status: z.enum(EXCHANGE_SESSION_STATUSES).catch('scheduled'),
        notes: text(),
        createdBy: z.string().optional().catch(undefined),
      })
      .parse(snapshot.data({ serverTimestamps: 'estimate' }) ?? {});
    return { id: snapshot.id, ...d };
  },
};

export const exchangeFeedbackConverter: FirestoreDataConverter<ExchangeFeedback> = {
  toFirestore: () => serverOnly('feedback (write with setDoc)'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => {
    const d = z
      .object({
        rating: z.number().catch(0),
        comment: text(),
        endorsedSkills: arrayOf(z.string()),
        createdAt: dateOrNow,
      })
      .parse(snapshot.data({ serverTimestamps: 'estimate' }) ?? {});
    return { uid: snapshot.id, ...d };
  },
};

export const typingConverter: FirestoreDataConverter<TypingIndicator> = {
  toFirestore: () => serverOnly('typing (write with setDoc)'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => {
    const d = z
      .object({ typing: z.boolean().catch(false), at: dateOrNull })
      .parse(snapshot.data({ serverTimestamps: 'estimate' }) ?? {});
    return { uid: snapshot.id, typing: d.typing, at: d.at ?? new Date(0) };
  },
};
