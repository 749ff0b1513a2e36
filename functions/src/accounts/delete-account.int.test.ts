// deleteMyAccount's handler on the isolated database (no trigger races it): the recent-sign-in and
// email checks, and a retry after a failure halfway finishing the job (issue 16 item 6).
import { describe, expect, it } from 'vitest';
import { emulatorsRunning, isolatedDb, uniqueId } from '../../test/emulator';
import { deleteMyAccount } from './delete-account';

const now = new Date('2026-12-07T12:00:00Z');
const nowSec = now.getTime() / 1000;

async function seedPerson(uid: string) {
  const db = isolatedDb();
  await db.doc(`users/${uid}`).set({ uid, displayName: 'Dana', status: 'active', bio: 'Hi', photoURL: 'x' });
  await db.doc(`users/${uid}/private/account`).set({ email: `${uid}@example.test` });
  await db.doc(`users/${uid}/pointEvents/e1`).set({ points: 10, reason: 'lecture_completed' });
  await db.doc(`notifications/${uid}/items/n1`).set({ title: 'Hi', read: false });
}

const caller = (uid: string, authTimeSec: number) => ({
  uid,
  token: { email: `${uid}@example.test`, auth_time: authTimeSec },
});

describe.skipIf(!emulatorsRunning)('deleteMyAccount (handler)', () => {
  it('refuses a sign-in older than five minutes or another email, and writes nothing', async () => {
    const db = isolatedDb();
    const uid = uniqueId('dana');
    await seedPerson(uid);
    const auth = { deleteUser: async () => undefined };
    await expect(
      deleteMyAccount({ db, auth, now }, caller(uid, nowSec - 301), { confirmEmail: `${uid}@example.test` }),
    ).rejects.toMatchObject({ code: 'failed-precondition', message: expect.stringMatching(/sign in again/) });
    await expect(
      deleteMyAccount({ db, auth, now }, caller(uid, nowSec - 10), { confirmEmail: 'someone@else.test' }),
    ).rejects.toMatchObject({
      code: 'failed-precondition',
      message: expect.stringMatching(/not this account/),
    });
    const profile = await db.doc(`users/${uid}`).get();
    expect(profile.get('displayName')).toBe('Dana');
    expect(profile.get('deletedAt')).toBeUndefined();
    expect((await db.doc(`users/${uid}/private/account`).get()).exists).toBe(true);
  });

  it('finishes on a retry after failing halfway, without asking for a new sign-in once Auth is gone', async () => {
    const db = isolatedDb();
    const uid = uniqueId('dana');
    await seedPerson(uid);
    let authCalls = 0;
    const flakyAuth = {
      deleteUser: async () => {
        authCalls++;
        if (authCalls === 1)
          throw Object.assign(new Error('Auth unavailable'), { code: 'auth/internal-error' });
      },
    };
    await expect(
      deleteMyAccount({ db, auth: flakyAuth, now }, caller(uid, nowSec - 10), {
        confirmEmail: `${uid}@example.test`,
      }),
    ).rejects.toThrow('Auth unavailable');
    // The data step is done and recorded; the profile already reads "Deleted user".
    const profile = await db.doc(`users/${uid}`).get();
    expect((await db.doc(`accountDeletions/${uid}`).get()).get('step')).toBe('data');
    expect(profile.get('displayName')).toBe('Deleted user');
    expect((await db.doc(`users/${uid}/private/account`).get()).exists).toBe(false);
    expect((await db.collection(`users/${uid}/pointEvents`).get()).size).toBe(0);
    expect((await db.collection(`notifications/${uid}/items`).get()).size).toBe(0);

    // The retry (same recent token) deletes the Auth user and finishes.
    await expect(
      deleteMyAccount({ db, auth: flakyAuth, now }, caller(uid, nowSec - 10), {
        confirmEmail: `${uid}@example.test`,
      }),
    ).resolves.toEqual({ alreadyDeleted: false });
    expect((await db.doc(`accountDeletions/${uid}`).get()).get('step')).toBe('done');
    expect(authCalls).toBe(2);

    // Repeating answers alreadyDeleted and touches nothing, even with an old token.
    await expect(
      deleteMyAccount({ db, auth: flakyAuth, now }, caller(uid, nowSec - 3600), { confirmEmail: 'x@y.z' }),
    ).resolves.toEqual({ alreadyDeleted: true });
    expect(authCalls).toBe(2);
  });

  it('treats an Auth user already gone as deleted (a retry after the Auth step)', async () => {
    const db = isolatedDb();
    const uid = uniqueId('dana');
    await seedPerson(uid);
    await db.doc(`users/${uid}`).set({ deletedAt: now }, { merge: true });
    await db.doc(`accountDeletions/${uid}`).set({ uid, step: 'data' });
    const goneAuth = {
      deleteUser: async () => {
        throw Object.assign(new Error('no user'), { code: 'auth/user-not-found' });
      },
    };
    await expect(
      deleteMyAccount({ db, auth: goneAuth, now }, caller(uid, nowSec - 3600), { confirmEmail: 'x@y.z' }),
    ).resolves.toEqual({ alreadyDeleted: false });
    expect((await db.doc(`accountDeletions/${uid}`).get()).get('step')).toBe('done');
  });

  it('live rooms: the chat, people and registrant lists show "Deleted user"; the messages stay', async () => {
    const db = isolatedDb();
    const uid = uniqueId('dana');
    await seedPerson(uid);
    // A session Dana attended and chatted in, and one she hosts.
    const attended = uniqueId('ls');
    const hosted = uniqueId('ls');
    await db.doc(`liveSessions/${attended}`).set({ hostId: 'someone-else', hostName: 'Hana', title: 'Talk' });
    await db.doc(`liveSessions/${attended}/registrations/${uid}`).set({
      uid,
      displayName: 'Dana',
      registeredAt: now,
    });
    await db.doc(`liveSessions/${attended}/presence/${uid}`).set({
      uid,
      displayName: 'Dana',
      photoURL: 'x',
      present: false,
    });
    await db
      .doc(`liveSessions/${attended}/attendance/${uid}`)
      .set({ uid, displayName: 'Dana', totalSec: 600 });
    await db
      .doc(`liveSessions/${attended}/chat/m1`)
      .set({ senderId: uid, text: 'Hello all', createdAt: now });
    await db
      .doc(`liveSessions/${hosted}`)
      .set({ hostId: uid, hostName: 'Dana', hostPhotoURL: 'x', title: 'Mine' });
    // Someone else's presence is left alone.
    await db.doc(`liveSessions/${attended}/presence/other`).set({ uid: 'other', displayName: 'Olga' });

    await deleteMyAccount(
      { db, auth: { deleteUser: async () => undefined }, now },
      caller(uid, nowSec - 10),
      {
        confirmEmail: `${uid}@example.test`,
      },
    );
    const room = `liveSessions/${attended}`;
    expect((await db.doc(`${room}/presence/${uid}`).get()).data()).toMatchObject({
      displayName: 'Deleted user',
      photoURL: null,
    });
    expect((await db.doc(`${room}/attendance/${uid}`).get()).get('displayName')).toBe('Deleted user');
    expect((await db.doc(`${room}/registrations/${uid}`).get()).get('displayName')).toBe('Deleted user');
    expect((await db.doc(`${room}/chat/m1`).get()).data()).toMatchObject({
      senderId: uid,
      text: 'Hello all',
    });
    expect((await db.doc(`${room}/presence/other`).get()).get('displayName')).toBe('Olga');
    expect((await db.doc(`liveSessions/${hosted}`).get()).data()).toMatchObject({
      hostName: 'Deleted user',
      hostPhotoURL: null,
    });
  });
});
