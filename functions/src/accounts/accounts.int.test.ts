import * as accountsContracts from '@skillverse/domain/contracts/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  idTokenFor,
  settle,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import { createAccount } from './create-account';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

describe.skipIf(!emulatorsRunning)('account creation', () => {
  it('creates users/{uid}, its private account and a welcome notice when an Auth user signs up', async () => {
    const db = testDb();
    const account = await createAuthUser();
    cleanup.push(account.uid);

    const profile = await waitForDoc(db.doc(`users/${account.uid}`));
    expect(profile.data()).toMatchObject({
      uid: account.uid,
      displayName: account.email.split('@')[0],
      photoURL: null,
      bio: '',
      headline: '',
      interests: [],
      skills: [],
      offeredSkills: [],
      desiredSkills: [],
      availability: [],
      timezone: 'UTC',
      onboarded: false,
      roles: ['learner'],
      status: 'active',
      gamification: {
        points: 0,
        level: 1,
        badges: [],
        currentStreak: 0,
        longestStreak: 0,
        lastActiveDay: null,
      },
      rating: { average: 0, count: 0 },
      stats: { coursesCompleted: 0, lecturesCompleted: 0, perfectQuizzes: 0, exchangesCompleted: 0 },
    });
    expect(profile.get('createdAt')).toBeTruthy();

    const priv = await waitForDoc(db.doc(`users/${account.uid}/private/account`));
    expect(priv.data()).toMatchObject({ email: account.email, stripeCustomerId: null, referredBy: null });
    expect(priv.get('notificationPreferences.exchange_message')).toEqual({ inApp: true, email: false });
    expect(priv.get('notificationPreferences.badge_earned')).toEqual({ inApp: true, email: true });

    const welcome = await waitForDoc(db.doc(`notifications/${account.uid}/items/welcome`));
    expect(welcome.data()).toMatchObject({ type: 'account', read: false });
  });

  it('uses the display name from the Auth record when there is one', async () => {
    const account = await createAuthUser({ displayName: 'Ada Lovelace' });
    cleanup.push(account.uid);
    const profile = await waitForDoc(testDb().doc(`users/${account.uid}`));
    expect(profile.get('displayName')).toBe('Ada Lovelace');
  });

  it('changes nothing when the handler runs twice for the same user', async () => {
    const db = testDb();
    const uid = uniqueId('twice');
    cleanup.push(uid);
    const mailer = new FakeMailer();
    const input = { uid, email: `${uid}@example.test`, displayName: null, photoURL: null };

    expect(await createAccount(db, input, { mailer })).toEqual({
      profileCreated: true,
      accountCreated: true,
    });
    const [p1, a1] = await db.getAll(db.doc(`users/${uid}`), db.doc(`users/${uid}/private/account`));
    expect(await createAccount(db, input, { mailer })).toEqual({
      profileCreated: false,
      accountCreated: false,
    });
    const [p2, a2] = await db.getAll(db.doc(`users/${uid}`), db.doc(`users/${uid}/private/account`));

    expect(p2!.updateTime!.isEqual(p1!.updateTime!)).toBe(true);
    expect(a2!.updateTime!.isEqual(a1!.updateTime!)).toBe(true);
    expect((await db.collection(`notifications/${uid}/items`).get()).size).toBe(1);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: `${uid}@example.test`, subject: 'Welcome to SkillVerse!' });
  });

  it('never overwrites a profile that already exists (e.g. written by the seed)', async () => {
    const db = testDb();
    const uid = uniqueId('seeded');
    cleanup.push(uid);
    await db.doc(`users/${uid}`).set({ uid, displayName: 'Seeded Sam', bio: 'from the seed' });

    const result = await createAccount(
      db,
      { uid, email: 'sam@example.test', displayName: 'Other', photoURL: null },
      { mailer: new FakeMailer() },
    );
    expect(result).toEqual({ profileCreated: false, accountCreated: true });
    // Other triggers (skill matching) may add their own server fields meanwhile; what matters is that
    // the seeded fields survive and none of the new-account defaults were written over them.
    const profile = (await db.doc(`users/${uid}`).get()).data() ?? {};
    expect(profile).toMatchObject({ uid, displayName: 'Seeded Sam', bio: 'from the seed' });
    for (const field of ['roles', 'status', 'gamification', 'stats', 'onboarded', 'createdAt']) {
      expect(profile, field).not.toHaveProperty(field);
    }
    expect((await db.doc(`users/${uid}/private/account`).get()).get('email')).toBe('sam@example.test');
  });
});

describe.skipIf(!emulatorsRunning)('ensureProfile (callable)', () => {
  it('creates the missing documents for the signed-in user and is safe to repeat', async () => {
    const db = testDb();
    const account = await createAuthUser({ displayName: 'Grace' });
    cleanup.push(account.uid);
    // Let the trigger finish, then remove its work to simulate a trigger that has not run yet.
    await waitForDoc(db.doc(`notifications/${account.uid}/items/welcome`));
    await settle(500);
    await db.recursiveDelete(db.doc(`users/${account.uid}`));
    const token = await idTokenFor(account);

    const first = await callFunction(accountsContracts.ensureProfile, { timezone: 'Europe/Berlin' }, token);
    expect(first.error).toBeUndefined();
    expect(first.result).toEqual({ profileCreated: true, accountCreated: true });
    const profile = await db.doc(`users/${account.uid}`).get();
    expect(profile.get('displayName')).toBe('Grace');
    expect(profile.get('timezone')).toBe('Europe/Berlin');

    const again = await callFunction(accountsContracts.ensureProfile, null, token);
    expect(again.result).toEqual({ profileCreated: false, accountCreated: false });
  });

  it('requires sign-in', async () => {
    const res = await callFunction(accountsContracts.ensureProfile, {});
    expect(res.error?.status).toBe('UNAUTHENTICATED');
  });

  it('rejects an unknown time zone, saying so, and writes nothing', async () => {
    const db = testDb();
    const account = await createAuthUser();
    cleanup.push(account.uid);
    await waitForDoc(db.doc(`notifications/${account.uid}/items/welcome`));
    await settle(500);
    await db.recursiveDelete(db.doc(`users/${account.uid}`));

    const res = await callFunction(
      accountsContracts.ensureProfile,
      { timezone: 'Mars/Olympus' },
      await idTokenFor(account),
    );
    expect(res.status).toBe(400);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain('timezone');
    expect((await db.doc(`users/${account.uid}`).get()).exists).toBe(false);
  });
});
