// Exchange follow-ups: a request left pending, feedback not given after a completed exchange, an
// active exchange with nothing scheduled. Exchanges by status and createdAt/updatedAt in each window.
import {
  DAY_MS,
  EXCHANGE_FEEDBACK_DELAY_DAYS,
  EXCHANGE_FEEDBACK_WINDOW_DAYS,
  EXCHANGE_IDLE_DAYS,
  EXCHANGE_IDLE_WINDOW_DAYS,
  EXCHANGE_PENDING_DAYS,
  EXCHANGE_PENDING_WINDOW_DAYS,
  exchangeFeedbackDue,
  exchangeMessage,
  exchangePendingDue,
  exchangeScheduleDue,
  feedbackRecipients,
  nudgeKey,
} from '@skillverse/domain/nudges';
import { skillName } from '@skillverse/domain/skills';
import type { DocumentData } from 'firebase-admin/firestore';
import { isRecord, str } from '@skillverse/domain/fields';
import { exchangeSessionsCol, exchangesCol, feedbackCol } from '../lib/data/exchanges';
import { toDate } from '../lib/firestore';
import type { NudgeRun } from './nudge-run';

export async function sendExchangeFollowUps(run: NudgeRun): Promise<void> {
  const { db, now, skip, recipient, deliver, sweep } = run;
  const exchanges = exchangesCol(db);
  const other = (x: DocumentData, uid: string) => {
    const participants: string[] = Array.isArray(x.participants) ? x.participants : [];
    return participants.find((p) => p !== uid) ?? '';
  };
  const nameOf = async (x: DocumentData, uid: string) => {
    const people = isRecord(x.people) ? x.people : {};
    const person = people[uid];
    const stored = isRecord(person) ? str(person.displayName) : '';
    return stored || (await recipient(uid)).displayName;
  };
  /** What `uid` learns in the exchange: the requester asked for requestedSkill; the provider gets offeredSkill. */
  const learns = (x: DocumentData, uid: string) =>
    skillName(uid === x.requesterId ? x.requestedSkill : x.offeredSkill) || 'skill';

  await sweep(
    'exchangesPending',
    exchanges.where('status', '==', 'pending'),
    'createdAt',
    new Date(now.getTime() - EXCHANGE_PENDING_WINDOW_DAYS * DAY_MS),
    new Date(now.getTime() - EXCHANGE_PENDING_DAYS * DAY_MS),
    async (doc) => {
      const x = doc.data();
      if (!exchangePendingDue(toDate(x.createdAt), now)) return skip('exchange-not-due');
      const providerId = str(x.providerId);
      const requesterId = str(x.requesterId);
      if (!providerId || !requesterId) return skip('exchange-invalid');
      const message = exchangeMessage('exchange-pending', {
        exchangeId: doc.id,
        otherName: await nameOf(x, requesterId),
        skill: learns(x, providerId),
      });
      await deliver(
        await recipient(providerId),
        'exchange-pending',
        nudgeKey.exchangePending(doc.id),
        message,
      );
    },
  );

  await sweep(
    'exchangesCompleted',
    exchanges.where('status', '==', 'completed'),
    'updatedAt',
    new Date(now.getTime() - EXCHANGE_FEEDBACK_WINDOW_DAYS * DAY_MS),
    new Date(now.getTime() - EXCHANGE_FEEDBACK_DELAY_DAYS * DAY_MS),
    async (doc) => {
      const x = doc.data();
      if (!exchangeFeedbackDue(toDate(x.updatedAt), now)) return skip('exchange-not-due');
      const feedback = await feedbackCol(db, doc.id).select().get();
      const participants: string[] = Array.isArray(x.participants) ? x.participants.map(String) : [];
      const key = nudgeKey.exchangeFeedback(doc.id);
      for (const uid of feedbackRecipients(
        participants,
        feedback.docs.map((d) => d.id),
      )) {
        const message = exchangeMessage('exchange-feedback', {
          exchangeId: doc.id,
          otherName: await nameOf(x, other(x, uid)),
          skill: learns(x, uid),
        });
        await deliver(await recipient(uid), 'exchange-feedback', key, message);
      }
    },
  );

  await sweep(
    'exchangesActive',
    exchanges.where('status', '==', 'active'),
    'updatedAt',
    new Date(now.getTime() - EXCHANGE_IDLE_WINDOW_DAYS * DAY_MS),
    new Date(now.getTime() - EXCHANGE_IDLE_DAYS * DAY_MS),
    async (doc) => {
      const x = doc.data();
      const sessions = await exchangeSessionsCol(db, doc.id).orderBy('scheduledAt', 'desc').limit(20).get();
      const decision = exchangeScheduleDue({
        exchangeId: doc.id,
        updatedAt: toDate(x.updatedAt),
        sessions: sessions.docs.flatMap((s) => {
          const at = toDate(s.get('scheduledAt'));
          return at ? [{ scheduledAt: at, status: str(s.get('status')) }] : [];
        }),
        now,
      });
      if (!decision.due) return skip(`exchange-${decision.reason}`);
      const participants: string[] = Array.isArray(x.participants) ? x.participants.map(String) : [];
      for (const uid of participants) {
        const message = exchangeMessage('exchange-schedule', {
          exchangeId: doc.id,
          otherName: await nameOf(x, other(x, uid)),
          skill: learns(x, uid),
        });
        await deliver(await recipient(uid), 'exchange-schedule', decision.key, message);
      }
    },
  );
}
