// registerForLiveSession: a seat, or giving it back. The count and the registration change in
// one transaction, so concurrent registrations never overbook.
import type { RegisterForLiveSessionResponse } from '@skillverse/domain/live';
import { REGISTRATION_OPEN_STATUSES } from '@skillverse/domain/live';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { registerForLiveSession as registerContract } from '@skillverse/domain/contracts/live';
import { requireActiveUser } from '../lib/guards';
import { type NotifyDeps, notify } from '../notifications/notify';
import { formatWhen, icsAttachment, loadSession, type SessionDoc, sessionIcs, sessionLink } from './session';
import { registrationRef, sessionRef } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';
import { runCallableTransaction } from '../lib/firestore';

export type RegisterInput = ParsedRequestOf<typeof registerContract>;

export interface LiveDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
}

export async function registerForLiveSession(
  deps: LiveDeps,
  uid: string,
  input: RegisterInput,
): Promise<RegisterForLiveSessionResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, uid);
  const profile = await userRef(db, uid).get();
  const displayName = String(profile.get('displayName') ?? '').slice(0, 80) || 'Learner';
  const ref = sessionRef(db, input.sessionId);
  const regRef = registrationRef(db, input.sessionId, uid);

  const outcome = await runCallableTransaction(
    db,
    async (tx) => {
      const session = await loadSession(ref, tx);
      const existing = await tx.get(regRef);
      if (!REGISTRATION_OPEN_STATUSES.includes(session.status)) {
        throw new HttpsError(
          'failed-precondition',
          `This session is ${session.status}; registration is closed.`,
        );
      }
      if (input.action === 'register') {
        if (session.hostId === uid) {
          throw new HttpsError('failed-precondition', 'You host this session; hosts do not register.');
        }
        if (existing.exists) return { session, changed: false, count: session.registeredCount };
        if (session.registeredCount >= session.capacity) {
          throw new HttpsError('resource-exhausted', 'This session is full: no seats are left.');
        }
        tx.create(regRef, { uid, displayName, registeredAt: now });
        tx.update(ref, { registeredCount: FieldValue.increment(1) });
        return { session, changed: true, count: session.registeredCount + 1 };
      }
      if (!existing.exists) return { session, changed: false, count: session.registeredCount };
      tx.delete(regRef);
      tx.update(ref, { registeredCount: FieldValue.increment(-1) });
      return { session, changed: true, count: Math.max(0, session.registeredCount - 1) };
    },
    { maxAttempts: 30 },
  );

  const registered = input.action === 'register';
  if (outcome.changed && registered) await notifyRegistered(deps, uid, outcome.session);
  logger.info('live registration', {
    sessionId: input.sessionId,
    uid,
    action: input.action,
    changed: outcome.changed,
  });
  return {
    sessionId: input.sessionId,
    registered,
    registeredCount: outcome.count,
    capacity: outcome.session.capacity,
  };
}

/** "You're registered" with the calendar invite. A failure to notify does not undo the seat. */
async function notifyRegistered(deps: LiveDeps, uid: string, session: SessionDoc): Promise<void> {
  try {
    await notify(
      deps.db,
      {
        uid,
        type: 'session_scheduled',
        id: `registered_${session.id}`,
        title: `You're registered: ${session.title}`,
        body: `${session.title} starts ${formatWhen(session.scheduledAt)}. The calendar invite is attached to the email.`,
        link: sessionLink(session.id),
        // Times in the recipient's zone; the invite is a REQUEST naming them (RFC 5546).
        localize: (r) => {
          const when = formatWhen(session.scheduledAt, r.timeZone);
          const ics = sessionIcs(session, {
            now: deps.now,
            baseUrl: deps.appUrl,
            attendee: r.email ? { email: r.email } : null,
          });
          return {
            body: `${session.title} starts ${when}. The calendar invite is attached to the email.`,
            email: {
              subject: `You're registered: ${session.title}`,
              text: `${session.title} with ${session.hostName || 'your host'} starts ${when} and lasts ${session.durationMin} minutes.\n\nAdd it to your calendar with the attached invite.`,
              attachments: [icsAttachment(ics)],
            },
          };
        },
      },
      deps,
    );
  } catch (error) {
    logger.error('registration notice failed', { sessionId: session.id, uid, error: String(error) });
  }
}
