// "Your Plus membership ends in 3 days" (issue 18 item 6) against the emulator: the daily job
// notifies a subscription set to cancel whose period ends within the notice window, once (a rerun,
// or the next day's run, sends nothing more), and leaves alone renewing subscriptions, periods
// further off, lapsed ones and private documents that are not subscriptions. The job's clock is
// placed years ahead, in a window no other test's subscription falls into.
import { PLUS_PERIOD_ENDING_NOTICE_DAYS } from '@skillverse/domain/plus';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  seedProfile,
  testDb,
  uniqueId,
} from '../../test/emulator';
import { sendPlusPeriodEndingReminders } from './period-ending';

const DAY = 86_400_000;
const uids: string[] = [];

async function member(
  periodEnd: Date,
  over: { cancelAtPeriodEnd?: boolean; status?: string } = {},
): Promise<string> {
  const uid = uniqueId('plus-ending');
  uids.push(uid);
  await seedProfile(testDb(), uid, {}, { email: `${uid}@example.test` });
  await testDb()
    .doc(`users/${uid}/private/subscription`)
    .set({
      subscriptionId: `sub_${uid}`,
      customerId: `cus_${uid}`,
      plan: 'monthly',
      status: over.status ?? 'active',
      currentPeriodEnd: periodEnd,
      cancelAtPeriodEnd: over.cancelAtPeriodEnd ?? true,
      stripeUpdatedAt: new Date(periodEnd.getTime() - 20 * DAY),
      updatedAt: new Date(),
    });
  return uid;
}

const reminders = async (uid: string) =>
  (await testDb().collection(`notifications/${uid}/items`).get()).docs.filter((d) =>
    d.id.startsWith('plus_ending_'),
  );

describe.skipIf(!emulatorsRunning)('Plus: the "ends in 3 days" reminder', () => {
  afterAll(async () => {
    for (const uid of uids) await deleteUserData(testDb(), uid).catch(() => {});
  });

  it('notifies a cancelling membership inside the window once, and no one else', async () => {
    // A window of its own, 2040 onwards, shifted per run.
    const now = new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 3000) * DAY);
    const ending = await member(new Date(now.getTime() + 2 * DAY));
    const renewing = await member(new Date(now.getTime() + 2 * DAY), { cancelAtPeriodEnd: false });
    const later = await member(new Date(now.getTime() + (PLUS_PERIOD_ENDING_NOTICE_DAYS + 2) * DAY));
    const lapsed = await member(new Date(now.getTime() - DAY));
    const cancelled = await member(new Date(now.getTime() + DAY), { status: 'canceled' });
    // Another private document with the same field name is not a subscription.
    await testDb()
      .doc(`users/${renewing}/private/other`)
      .set({ currentPeriodEnd: new Date(now.getTime() + DAY) });

    const mailer = new FakeMailer();
    const first = await sendPlusPeriodEndingReminders({ db: testDb(), now, mailer });
    expect(first.notified).toBe(1);
    const [notice] = await reminders(ending);
    expect(notice?.get('title')).toBe('Your Plus membership ends in 3 days');
    expect(notice?.get('link')).toBe('/plus');
    expect(mailer.sent.map((m) => m.to)).toEqual([`${ending}@example.test`]);
    for (const uid of [renewing, later, lapsed, cancelled]) expect(await reminders(uid)).toHaveLength(0);

    // The same run again, and the next day's: the reminder's id names the period, so nothing repeats.
    await sendPlusPeriodEndingReminders({ db: testDb(), now, mailer });
    await sendPlusPeriodEndingReminders({ db: testDb(), now: new Date(now.getTime() + DAY), mailer });
    expect(await reminders(ending)).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
  });
});
