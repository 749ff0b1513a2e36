// "Your Plus membership ends in 3 days" (issue 18 item 6): a daily job finds subscriptions set to
// cancel whose period ends within PLUS_PERIOD_ENDING_NOTICE_DAYS and notifies each once (the id
// names the subscription and its period end, so a rerun or a second day sends nothing twice).
import { PLUS_PERIOD_ENDING_NOTICE_DAYS, plusAccess } from '@skillverse/domain/plus';
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { readPlusSubscription } from '../lib/data/plus-membership';
import { privateDocsGroup } from '../lib/data/users';
import { type NotifyDeps, notify } from '../notifications/notify';

export async function sendPlusPeriodEndingReminders(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  limit = 2000,
): Promise<{ due: number; notified: number }> {
  const { db, now } = deps;
  const horizon = new Date(now.getTime() + PLUS_PERIOD_ENDING_NOTICE_DAYS * 86_400_000);
  const due = await privateDocsGroup(db)
    .where('currentPeriodEnd', '>', Timestamp.fromDate(now))
    .where('currentPeriodEnd', '<=', Timestamp.fromDate(horizon))
    .orderBy('currentPeriodEnd')
    .limit(limit)
    .get();
  let notified = 0;
  for (const doc of due.docs) {
    const uid = doc.ref.parent.parent?.id;
    const sub = readPlusSubscription(doc);
    if (doc.id !== 'subscription' || !uid || !sub) continue;
    // Only a membership that can still be resumed: one already canceled (access kept to the end of
    // the paid period) cannot, so "resume it" would be a false promise.
    const resumable = sub.status === 'active' || sub.status === 'trialing';
    if (!sub.cancelAtPeriodEnd || !resumable || !plusAccess(sub, now).entitled) continue;
    try {
      await notify(
        db,
        {
          uid,
          type: 'payment_receipt',
          id: `plus_ending_${sub.subscriptionId}_${sub.currentPeriodEnd.getTime()}`,
          title: 'Your Plus membership ends in 3 days',
          body: `Plus ends on ${sub.currentPeriodEnd.toISOString().slice(0, 10)}. Resume it in "Manage membership" to keep learning Plus courses.`,
          link: '/plus',
        },
        deps,
      );
      notified += 1;
    } catch (error) {
      logger.error('plus: period-ending reminder failed', { uid, error: String(error) });
    }
  }
  return { due: due.size, notified };
}
