// The live-session job (every 5 minutes): reminders 24 h and 15 min before the start, exactly once
// per user and reminder (deterministic notification ids); sessions nobody started are cancelled
// after their window; sessions left live long after their end are ended. Safe to run twice.
import {
  notStartedExpired,
  overrunExpired,
  REMINDERS,
  type ReminderKind,
  reminderDue,
  reminderNotificationId,
  sessionEndsAt,
  NOT_STARTED_GRACE_MS,
  OVERRUN_GRACE_MS,
} from '@skillverse/domain/live';
import type { Firestore, Query, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { type NotifyDeps, notify } from '../notifications/notify';
import { endSession } from './end';
import { formatWhen, loadSession, parseSession, roomLink } from './session';
import { forEachDocPage, runTransactionRetrying } from '../lib/firestore';
import { mapLimit } from '../lib/map-limit';
import { liveSessionsCol, registrationsCol } from '../lib/data/live-sessions';

export interface JobOptions extends NotifyDeps {
  /** Sessions per page. */
  pageSize?: number;
  /** Notifications in flight at once. */
  concurrency?: number;
}

export interface JobResult {
  reminders: number;
  cancelled: number;
  ended: number;
}

/** Pages through a query ordered by scheduledAt. */
async function forEachSession(
  query: Query,
  pageSize: number,
  each: (doc: QueryDocumentSnapshot) => Promise<void>,
): Promise<void> {
  let last: QueryDocumentSnapshot | undefined;
  for (;;) {
    let page = query.orderBy('scheduledAt').limit(pageSize);
    if (last) page = page.startAfter(last);
    const snap = await page.get();
    for (const doc of snap.docs) await each(doc);
    if (snap.size < pageSize) return;
    last = snap.docs[snap.docs.length - 1];
  }
}

const reminderField = (kind: ReminderKind) => `remindersSent.${kind}`;

export async function runLiveSessionJobs(
  db: Firestore,
  now: Date,
  options: JobOptions = {},
): Promise<JobResult> {
  const pageSize = options.pageSize ?? 100;
  const concurrency = options.concurrency ?? 10;
  const result: JobResult = { reminders: 0, cancelled: 0, ended: 0 };
  const sessions = liveSessionsCol(db);

  for (const reminder of REMINDERS) {
    const query = sessions
      .where('status', '==', 'scheduled')
      .where('scheduledAt', '>', now)
      .where('scheduledAt', '<=', new Date(now.getTime() + reminder.beforeMs));
    await forEachSession(query, pageSize, async (doc) => {
      const session = parseSession(doc);
      if (doc.get(reminderField(reminder.kind))) return;
      if (!reminderDue(reminder.kind, session.scheduledAt, now)) return;
      await forEachDocPage(registrationsCol(doc.ref), 200, (regs) =>
        mapLimit(regs, concurrency, async (reg) => {
          const sent = await notify(
            db,
            {
              uid: reg.id,
              type: 'session_reminder',
              id: reminderNotificationId(reminder.kind, session.id),
              title: `Starting ${reminder.label}: ${session.title}`,
              body: `${session.title} starts ${formatWhen(session.scheduledAt)}.`,
              localize: (r) => ({
                body: `${session.title} starts ${formatWhen(session.scheduledAt, r.timeZone)}.`,
              }),
              link: reminder.kind === 'reminder15m' ? roomLink(session.id) : `/live-sessions/${session.id}`,
            },
            { ...options, now },
          );
          if (sent.inApp === 'created' || sent.email === 'sent' || sent.email === 'logged')
            result.reminders += 1;
        }),
      );
      await doc.ref.update({ [reminderField(reminder.kind)]: now });
    });
  }

  // Scheduled sessions whose window has passed without the host going live. The shortest
  // session (5 min) ends 5 min after its start, so nothing later than this can have expired.
  const notStarted = sessions
    .where('status', '==', 'scheduled')
    .where('scheduledAt', '<=', new Date(now.getTime() - NOT_STARTED_GRACE_MS - 5 * 60_000));
  await forEachSession(notStarted, pageSize, async (doc) => {
    if (!notStartedExpired(parseSession(doc), now)) return;
    const cancelled = await runTransactionRetrying(db, async (tx) => {
      const current = await loadSession(doc.ref, tx);
      if (current.status !== 'scheduled' || !notStartedExpired(current, now)) return false;
      tx.update(doc.ref, {
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: null,
        cancelReason: 'not_started',
        updatedAt: now,
      });
      return true;
    });
    if (cancelled) result.cancelled += 1;
  });

  const overrun = sessions
    .where('status', '==', 'live')
    .where('scheduledAt', '<=', new Date(now.getTime() - OVERRUN_GRACE_MS - 5 * 60_000));
  await forEachSession(overrun, pageSize, async (doc) => {
    const session = parseSession(doc);
    if (!overrunExpired(session, now)) return;
    const { ended } = await endSession({ ...options, db, now: sessionEndsAt(session) }, session.id, 'job');
    if (ended) result.ended += 1;
  });

  logger.info('live session jobs', { ...result });
  return result;
}
