import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  seedProfile,
  testDb,
  uniqueId,
} from '../../test/emulator';
import { formatEmailTime } from '@skillverse/domain/email';
import { mailLogId, notify } from './notify';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

async function user(
  notificationPreferences?: Record<string, unknown>,
  email: string | null = 'me@example.test',
) {
  const uid = uniqueId('notify');
  cleanup.push(uid);
  await seedProfile(testDb(), uid, {}, { email, notificationPreferences });
  return uid;
}

const badge = {
  type: 'badge_earned',
  title: 'Badge earned',
  body: 'Well done',
  link: '/achievements',
} as const;

describe.skipIf(!emulatorsRunning)('notify', () => {
  beforeAll(() => {
    // These tests exercise the keyless path; a key in the developer's shell must not send mail.
    delete process.env.SENDGRID_API_KEY;
  });

  it('by default writes an in-app item and emails the account address', async () => {
    const db = testDb();
    const uid = await user();
    const mailer = new FakeMailer();
    const result = await notify(db, { uid, ...badge }, { mailer, appUrl: 'https://skillverse.test' });

    expect(result).toMatchObject({ inApp: 'created', email: 'logged' });
    const item = await db.doc(`notifications/${uid}/items/${result.id}`).get();
    expect(item.data()).toMatchObject({ ...badge, read: false });
    expect(item.get('createdAt')).toBeTruthy();
    expect(mailer.sent).toEqual([
      {
        to: 'me@example.test',
        subject: 'Badge earned',
        text: 'Well done\n\nhttps://skillverse.test/achievements\n\n--\nYou get this email because it is on in your SkillVerse notification settings. Change them: https://skillverse.test/settings',
        html: expect.stringContaining('<p style="margin:0 0 16px">Well done</p>'),
      },
    ]);
    const log = await db.doc(`mailLog/${mailLogId(uid, result.id)}`).get();
    expect(log.data()).toMatchObject({
      to: 'me@example.test',
      subject: 'Badge earned',
      type: 'badge_earned',
      uid,
    });
  });

  it('hands localize() the recipient: times in their zone, or UTC said plainly when they have none', async () => {
    const db = testDb();
    const at = new Date('2026-12-10T18:00:00Z');
    const texts: Record<string, string> = {};
    for (const timezone of ['Asia/Tokyo', '']) {
      const uid = await user();
      await db.doc(`users/${uid}`).update({ timezone });
      const mailer = new FakeMailer();
      const seen: unknown[] = [];
      await notify(
        db,
        {
          uid,
          ...badge,
          localize: (r) => {
            seen.push(r);
            return { body: `Starts ${formatEmailTime(at, r.timeZone)}` };
          },
        },
        { mailer },
      );
      expect(seen).toEqual([
        {
          uid,
          email: 'me@example.test',
          timeZone: timezone || 'UTC',
          timeZoneKnown: timezone !== '',
        },
      ]);
      texts[timezone || 'none'] = mailer.sent[0]?.text ?? '';
    }
    expect(texts['Asia/Tokyo']).toMatch(/^Starts Fri 11 Dec, 03:00 \(Asia\/Tokyo, UTC\+9\)/);
    expect(texts.none).toMatch(/^Starts Thu 10 Dec, 18:00 UTC/);
  });

  it('writes no in-app item when the user turned in-app off for the type', async () => {
    const db = testDb();
    const uid = await user({ badge_earned: { inApp: false, email: true } });
    const mailer = new FakeMailer();
    const result = await notify(db, { uid, ...badge }, { mailer });

    expect(result).toMatchObject({ inApp: 'off', email: 'logged' });
    expect((await db.collection(`notifications/${uid}/items`).get()).empty).toBe(true);
    expect(mailer.sent).toHaveLength(1);
  });

  it('sends and logs no email when the user turned email off for the type', async () => {
    const db = testDb();
    const uid = await user({ badge_earned: { inApp: true, email: false } });
    const mailer = new FakeMailer();
    const result = await notify(db, { uid, ...badge }, { mailer });

    expect(result).toMatchObject({ inApp: 'created', email: 'off' });
    expect(mailer.sent).toEqual([]);
    expect((await db.collection('mailLog').where('uid', '==', uid).get()).empty).toBe(true);
  });

  it('does not email exchange messages by default', async () => {
    const uid = await user();
    const mailer = new FakeMailer();
    const result = await notify(
      testDb(),
      { uid, type: 'exchange_message', title: 'New message', body: 'Hi', link: '/skill-exchange/x' },
      { mailer },
    );
    expect(result).toMatchObject({ inApp: 'created', email: 'off' });
    expect(mailer.sent).toEqual([]);
  });

  it('falls back to the defaults for types missing from stored preferences', async () => {
    const uid = await user({ enrollment: { inApp: false, email: false } });
    const mailer = new FakeMailer();
    const result = await notify(testDb(), { uid, ...badge }, { mailer });
    expect(result).toMatchObject({ inApp: 'created', email: 'logged' });
  });

  it('without a SendGrid key logs the mail to mailLog with the log transport', async () => {
    const db = testDb();
    const uid = await user();
    const result = await notify(db, {
      uid,
      type: 'payment_receipt',
      title: 'Receipt',
      body: 'Thanks',
      link: null,
      email: { subject: 'Your receipt', text: 'Paid 10.00 USD' },
    });

    expect(result.email).toBe('logged');
    const log = await db.doc(`mailLog/${mailLogId(uid, result.id)}`).get();
    expect(log.data()).toMatchObject({
      to: 'me@example.test',
      subject: 'Your receipt',
      text: expect.stringMatching(/^Paid 10\.00 USD\n\n--\nYou get this email/),
      type: 'payment_receipt',
      uid,
      transport: 'log',
      status: 'sent',
    });
    expect(log.get('createdAt')).toBeTruthy();
  });

  it('creates one item and sends one email for repeated calls with the same id', async () => {
    const db = testDb();
    const uid = await user();
    const mailer = new FakeMailer();
    const first = await notify(db, { uid, ...badge, id: 'badge_first-course' }, { mailer });
    const second = await notify(db, { uid, ...badge, id: 'badge_first-course' }, { mailer });

    expect(first).toMatchObject({ id: 'badge_first-course', inApp: 'created', email: 'logged' });
    expect(second).toMatchObject({ id: 'badge_first-course', inApp: 'duplicate', email: 'duplicate' });
    expect((await db.collection(`notifications/${uid}/items`).get()).size).toBe(1);
    expect(mailer.sent).toHaveLength(1);
  });

  it('sends one email for repeated calls with the same id when in-app is off', async () => {
    const uid = await user({ badge_earned: { inApp: false, email: true } });
    const mailer = new FakeMailer();
    await notify(testDb(), { uid, ...badge, id: 'once' }, { mailer });
    const second = await notify(testDb(), { uid, ...badge, id: 'once' }, { mailer });
    expect(second.email).toBe('duplicate');
    expect(mailer.sent).toHaveLength(1);
  });

  it('skips email for an account without an address, and for a user without a private account', async () => {
    const mailer = new FakeMailer();
    const noAddress = await user(undefined, null);
    expect(await notify(testDb(), { uid: noAddress, ...badge }, { mailer })).toMatchObject({
      inApp: 'created',
      email: 'no-address',
    });
    const ghost = uniqueId('ghost');
    cleanup.push(ghost);
    expect(await notify(testDb(), { uid: ghost, ...badge }, { mailer })).toMatchObject({
      inApp: 'created',
      email: 'no-address',
    });
    expect(mailer.sent).toEqual([]);
  });

  it('records a failed send without throwing, and sends on the next delivery', async () => {
    const db = testDb();
    const uid = await user();
    const failing = {
      send: async () => {
        throw new Error('SendGrid said no');
      },
    };
    const result = await notify(db, { uid, ...badge, id: 'fails' }, { mailer: failing });
    expect(result.email).toBe('failed');
    const log = await db.doc(`mailLog/${mailLogId(uid, 'fails')}`).get();
    expect(log.data()).toMatchObject({ status: 'failed', error: 'SendGrid said no' });

    const mailer = new FakeMailer();
    const retry = await notify(db, { uid, ...badge, id: 'fails' }, { mailer });
    expect(retry).toMatchObject({ inApp: 'duplicate', email: 'logged' });
    expect(mailer.sent).toHaveLength(1);
    expect((await db.doc(`mailLog/${mailLogId(uid, 'fails')}`).get()).get('status')).toBe('sent');
  });
});
