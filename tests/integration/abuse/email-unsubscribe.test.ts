// Abuse: the one-click unsubscribe link (issue 16 §12). An attacker with two accounts and the
// browser holds a genuine link for their own account (from their own nudge email) and tries to turn
// someone else's email off with it: by swapping the person in the token, by signing one with a
// guessed key, or by writing the victim's preferences through the web SDK. Each is refused and
// writes nothing; the honest path — their own link — turns only their own nudge email off.
import { doc, updateDoc } from 'firebase/firestore';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { afterAll, describe, expect, it } from 'vitest';
import { httpFunctionUrl, projectId } from '../../../functions/test/emulator';
import {
  devUnsubscribeSecret,
  signUnsubscribeToken,
} from '../../../functions/src/notifications/unsubscribe-token';
import {
  closeAttackers,
  emulatorsRunning,
  newAttacker,
  rewardsOf,
  expectNothingMinted,
  testDb,
} from './support';

afterAll(closeAttackers);

/** What the Functions emulator signs with (no UNSUBSCRIBE_SECRET there): the attacker's own links. */
const emulatorKey = devUnsubscribeSecret(projectId);

const oneClick = (token: string) =>
  fetch(`${httpFunctionUrl(HTTP_FUNCTIONS.unsubscribe)}?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

const account = (uid: string) => testDb().doc(`users/${uid}/private/account`).get();

describe.skipIf(!emulatorsRunning)('abuse: one-click unsubscribe', () => {
  it('cannot turn another person’s email off; their own link turns off only their own', async () => {
    const attacker = await newAttacker('unsub-attacker');
    const victim = await newAttacker('unsub-victim');
    const before = await account(victim.uid);
    const rewards = await rewardsOf(attacker.uid);

    // Their own genuine link, with the victim's uid put into the payload.
    const own = signUnsubscribeToken({ uid: attacker.uid, type: 'nudge' }, emulatorKey);
    const [, signature] = own.split('.');
    const swapped = `${Buffer.from(JSON.stringify({ v: 1, u: victim.uid, t: 'nudge' })).toString('base64url')}.${signature}`;
    expect((await oneClick(swapped)).status).toBe(400);
    // A link signed with a guessed key.
    const guessed = signUnsubscribeToken({ uid: victim.uid, type: 'nudge' }, 'skillverse');
    expect((await oneClick(guessed)).status).toBe(400);
    // Another type than the one their link is for, with their own signature.
    const otherType = `${Buffer.from(JSON.stringify({ v: 1, u: attacker.uid, t: 'payment_receipt' })).toString('base64url')}.${signature}`;
    expect((await oneClick(otherType)).status).toBe(400);
    // The victim's preferences through the web SDK: the rules refuse.
    await expect(
      updateDoc(doc(attacker.db, `users/${victim.uid}/private/account`), {
        'notificationPreferences.nudge.email': false,
      }),
    ).rejects.toMatchObject({ code: 'permission-denied' });

    const after = await account(victim.uid);
    expect(after.updateTime?.toMillis()).toBe(before.updateTime?.toMillis());
    expect(after.get('notificationPreferences') ?? {}).toEqual(before.get('notificationPreferences') ?? {});

    // The honest path: their own link turns their own nudge email off, and nothing else.
    expect((await oneClick(own)).status).toBe(200);
    expect((await account(attacker.uid)).get('notificationPreferences.nudge.email')).toBe(false);
    expect((await account(victim.uid)).updateTime?.toMillis()).toBe(before.updateTime?.toMillis());
    expectNothingMinted(rewards, await rewardsOf(attacker.uid), 'unsubscribing');
  }, 60_000);
});
