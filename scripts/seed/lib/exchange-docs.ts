// Skill exchanges with their messages, sessions, feedback and typing indicators, and the display
// fields the exchange triggers keep on the exchange (people, last message, unread counts).
import { pointEventId } from '@skillverse/domain/gamification';
import type {
  Exchange,
  ExchangeFeedback,
  ExchangeMessage,
  ExchangeSession,
  TypingIndicator,
} from '@skillverse/domain/models';
import { EXCHANGES } from '../data/exchanges';
import type { SeedUser } from '../data/users';
import type { Data, KeyedByUid, SeedContext } from './seed-context';
import { ordinalId } from './util';

export interface ExchangeDocsResult {
  exchangeIds: string[];
  messageCount: number;
  sessionCount: number;
}

export function addExchangeDocs(ctx: SeedContext): ExchangeDocsResult {
  const { c, put, user, statsOf, noteFirst, award } = ctx;
  let messageCount = 0;
  let sessionCount = 0;
  const exchangeIds: string[] = [];
  for (const x of EXCHANGES) {
    exchangeIds.push(x.id);
    user(x.requesterId, `exchange ${x.id}`);
    user(x.providerId, `exchange ${x.id}`);
    if (x.requesterId === x.providerId) throw new Error(`seed: ${x.id}: exchange with oneself`);
    const participants = [x.requesterId, x.providerId];
    const at = (hours: number) => c.hoursFromNow(hours);
    const terms = x.terms ?? null;
    const termsAcceptedBy = x.termsAcceptedBy ?? [];
    const completedBy = x.completedBy ?? [];
    if (
      ['active', 'completed'].includes(x.status) &&
      !participants.every((p) => termsAcceptedBy.includes(p))
    ) {
      throw new Error(`seed: ${x.id}: ${x.status} needs both participants to accept the terms`);
    }
    if (x.status === 'completed' && !participants.every((p) => completedBy.includes(p))) {
      throw new Error(`seed: ${x.id}: completed needs both confirmations`);
    }
    put<Data<Exchange>>(`exchanges/${x.id}`, {
      requesterId: x.requesterId,
      providerId: x.providerId,
      participants,
      offeredSkill: x.offeredSkill,
      requestedSkill: x.requestedSkill,
      message: x.message,
      status: x.status,
      terms,
      termsAcceptedBy,
      completedBy,
      createdAt: at(x.createdAt),
      updatedAt: at(x.updatedAt),
      // Kept by the exchange triggers (paused while seeding): who is in it, the last message, and
      // per person the messages from the other one since they last wrote (what they haven't read).
      ...exchangeDisplayFields(
        participants.map((uid) => user(uid, `exchange ${x.id}`)),
        (x.messages ?? []).map((m, i) => ({ ...m, id: ordinalId('m', i), at: at(m.at) })),
      ),
    } as Data<Exchange>);
    (x.messages ?? []).forEach((m, i) => {
      if (!participants.includes(m.from)) throw new Error(`seed: ${x.id}: message from a non-participant`);
      // `appliedAt`: already counted in the exchange's lastMessage and unread (see above), so the
      // message trigger skips it when the seed runs with functions on.
      put<Data<ExchangeMessage> & { appliedAt: Date }>(`exchanges/${x.id}/messages/${ordinalId('m', i)}`, {
        senderId: m.from,
        text: m.text,
        attachments: m.attachments ?? [],
        createdAt: at(m.at),
        appliedAt: at(m.at),
      });
      messageCount += 1;
    });
    (x.sessions ?? []).forEach((s, i) => {
      put<Data<ExchangeSession>>(`exchanges/${x.id}/sessions/${ordinalId('s', i)}`, {
        scheduledAt: at(s.at),
        durationMin: s.durationMin,
        status: s.status,
        notes: s.notes,
        // A held session: both people confirmed it after its end (self-reported, issue 15).
        ...(s.status === 'held'
          ? {
              confirmedBy: participants,
              held: {
                evidence: 'self-reported' as const,
                heldAt: at(Math.min(s.at + 2, 0)),
                confirmedBy: participants,
                observedMinutes: null,
              },
            }
          : {}),
        createdBy: s.createdBy,
        createdAt: at(Math.min(s.at - 72, x.updatedAt)),
        updatedAt: at(s.status === 'scheduled' ? Math.min(s.at - 72, 0) : Math.min(s.at + 2, 0)),
      });
      sessionCount += 1;
    });
    for (const f of x.feedback ?? []) {
      if (x.status !== 'completed' || !participants.includes(f.uid))
        throw new Error(`seed: ${x.id}: bad feedback`);
      put<KeyedByUid<ExchangeFeedback>>(`exchanges/${x.id}/feedback/${f.uid}`, {
        rating: f.rating,
        comment: f.comment,
        endorsedSkills: f.endorsedSkills,
        createdAt: at(f.at),
      });
    }
    for (const t of x.typing ?? []) {
      put<KeyedByUid<TypingIndicator>>(`exchanges/${x.id}/typing/${t.uid}`, {
        typing: t.typing,
        at: at(t.at),
      });
    }
    if (x.status === 'completed') {
      for (const uid of participants) {
        statsOf(uid).exchangesCompleted += 1;
        noteFirst(uid, 'skill-sharer', at(x.updatedAt));
        award(uid, pointEventId.exchange(x.id), 'exchange_completed', `exchanges/${x.id}`, at(x.updatedAt));
      }
    }
  }
  return { exchangeIds, messageCount, sessionCount };
}

/** `people`, `lastMessage` and `unread` of an exchange, as the exchange triggers keep them. */
function exchangeDisplayFields(
  people: readonly SeedUser[],
  messages: readonly { id: string; from: string; text: string; at: Date }[],
) {
  const sorted = [...messages].sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = sorted.at(-1);
  const unread: Record<string, number> = {};
  for (const person of people) {
    let count = 0;
    for (const m of sorted) count = m.from === person.uid ? 0 : count + 1;
    unread[person.uid] = count;
  }
  const flat = last ? last.text.replace(/\s+/g, ' ').trim() : '';
  return {
    people: Object.fromEntries(people.map((p) => [p.uid, { displayName: p.displayName, photoURL: null }])),
    lastMessage: last
      ? {
          id: last.id,
          text: flat.length > 140 ? `${flat.slice(0, 139)}…` : flat,
          senderId: last.from,
          at: last.at,
        }
      : null,
    unread,
  };
}
